import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskNotification } from '@shared/domain';
import { silentLogger } from '../adapters/logger';
import { EventBus } from '../events';
import { createTranslator } from '../i18n/translator';
import { GROUP_WINDOW_MS, NotificationCenter, type NotificationDraft } from './notificationCenter';

afterEach(() => vi.useRealTimers());

const draft = (n: number): NotificationDraft => ({ kind: 'urgent', title: `Urgent ${n}`, body: 'refund', conversationId: n, customerName: `Customer ${n}` });

function center() {
  const events = new EventBus();
  const seen: DeskNotification[] = [];
  events.on('notification', (n) => seen.push(n));
  const shown: string[] = [];
  const notifier = { native: true, show: (n: DeskNotification) => (shown.push(n.title), { status: 'shown' as const }) };
  const c = new NotificationCenter({ notifier, events, clock: { now: () => Date.now() }, logger: silentLogger, t: createTranslator() });
  return { c, seen, shown };
}

describe('NotificationCenter', () => {
  it('shows the first at once and turns a burst of 500 into a handful', () => {
    vi.useFakeTimers();
    const { c, seen, shown } = center();
    c.publish([draft(0)]);
    expect(shown).toEqual(['Urgent 0']);
    for (let i = 1; i <= 500; i++) {
      c.publish([draft(i)]);
      vi.advanceTimersByTime(40);
    }
    vi.advanceTimersByTime(GROUP_WINDOW_MS);
    c.stop();
    expect(seen.length).toBeLessThanOrEqual(5);
    expect(seen.at(-1)!.kind).toBe('digest');
    expect(seen.slice(1).every((n) => n.kind === 'digest')).toBe(true);
    expect(seen[1]!.title).toMatch(/^\d+ conversations need you now$/);
    expect(seen.every((n) => n.deliveredNatively)).toBe(true);
  });

  it('shows a few held notifications one by one, and reports when the host could not show them', () => {
    vi.useFakeTimers();
    const events = new EventBus();
    const seen: DeskNotification[] = [];
    events.on('notification', (n) => seen.push(n));
    const notifier = { native: false, show: () => ({ status: 'not-shown' as const, reason: 'unsupported' as const }) };
    const c = new NotificationCenter({ notifier, events, clock: { now: () => Date.now() }, logger: silentLogger, t: createTranslator() });
    c.publish([draft(1)]);
    c.publish([draft(2), draft(3)]);
    expect(seen.map((n) => n.title)).toEqual(['Urgent 1']);
    vi.advanceTimersByTime(GROUP_WINDOW_MS);
    expect(seen.map((n) => n.title)).toEqual(['Urgent 1', 'Urgent 2', 'Urgent 3']);
    expect(seen.every((n) => !n.deliveredNatively)).toBe(true);
    c.stop();
  });
});
