import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/adapters/logger';
import { createBadge } from './badge';

describe('createBadge', () => {
  it('sets the count on macOS and Linux, once per change, as a whole non-negative number', () => {
    const setBadgeCount = vi.fn(() => true);
    const badge = createBadge({ platform: 'darwin', setBadgeCount, logger: silentLogger });
    badge.set(3);
    badge.set(3);
    badge.set(2.7);
    badge.set(-4);
    badge.set(Number.NaN);
    expect(setBadgeCount.mock.calls).toEqual([[3], [2], [0]]);
  });

  it('does nothing on Windows', () => {
    const setBadgeCount = vi.fn(() => true);
    createBadge({ platform: 'win32', setBadgeCount, logger: silentLogger }).set(5);
    expect(setBadgeCount).not.toHaveBeenCalled();
  });

  it('tells once that a Linux desktop shows no badge, and survives a throwing OS call', () => {
    const info = vi.fn();
    const warn = vi.fn();
    const logger = { ...silentLogger, info, warn };
    const badge = createBadge({ platform: 'linux', setBadgeCount: () => false, logger });
    badge.set(1);
    badge.set(2);
    expect(info).toHaveBeenCalledTimes(1);
    const throwing = createBadge({ platform: 'linux', setBadgeCount: () => { throw new Error('no'); }, logger });
    expect(() => throwing.set(1)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
