import { describe, expect, it } from 'vitest';
import { fullJitterDelay, RECONNECT_BACKOFF } from './backoff';

describe('fullJitterDelay', () => {
  it('grows exponentially up to the cap', () => {
    const max = () => 0.999999;
    expect(fullJitterDelay(0, RECONNECT_BACKOFF, max)).toBe(499);
    expect(fullJitterDelay(1, RECONNECT_BACKOFF, max)).toBe(999);
    expect(fullJitterDelay(3, RECONNECT_BACKOFF, max)).toBe(3999);
    expect(fullJitterDelay(5, RECONNECT_BACKOFF, max)).toBe(9999);
    expect(fullJitterDelay(500, RECONNECT_BACKOFF, max)).toBe(9999);
  });

  it('picks anywhere between zero and the bound', () => {
    expect(fullJitterDelay(4, RECONNECT_BACKOFF, () => 0)).toBe(0);
    expect(fullJitterDelay(4, RECONNECT_BACKOFF, () => 0.5)).toBe(4000);
  });
});
