// The SLA engine on a fake clock: warnings and breaches on time, pauses, sleep and resume, and
// admins' changes re-timing what is open.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { businessCalendarSchema } from '@shared/businessHours';
import type { DeskNotification } from '@shared/domain';
import type { SlaPolicy } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, T0 } from '../../../../test/support/coreFixtures';
import { createMemoryBadge } from '../adapters/headless';
import { silentLogger } from '../adapters/logger';
import { EventBus } from '../events';
import { createTranslator } from '../i18n/translator';
import { InboxService } from '../inbox/inboxService';
import { NotificationCenter } from '../notify/notificationCenter';
import { ingestPage } from '../sync/ingest';
import { SlaMonitor } from './slaMonitor';
import { SlaSettings } from './slaSettings';

const MIN = 60_000;
afterEach(() => vi.useRealTimers());

function engine() {
  vi.useFakeTimers({ now: T0 });
  const repos = makeRepos();
  const clock = { now: () => Date.now() };
  const events = new EventBus();
  const seen: DeskNotification[] = [];
  events.on('notification', (n) => seen.push(n));
  const notifier = { native: true, show: () => ({ status: 'shown' as const }) };
  const t = createTranslator();
  const notifications = new NotificationCenter({ notifier, events, clock, logger: silentLogger, t, groupWindowMs: 10 });
  const badge = createMemoryBadge();
  const monitor = new SlaMonitor({ repos, clock, badge, events, notifications, t, formatTime: (ms) => new Date(ms).toISOString(), policies: () => repos.sla.resolvedPolicies() });
  const settings = new SlaSettings({ repos, events, onDeadlinesChanged: () => monitor.poke() });
  const inbox = new InboxService({ repos, clock, events, policies: settings.policies, onQueued: () => {}, onDeadlinesChanged: () => monitor.poke() });
  const receive = (thread: string, at = Date.now()) => {
    const result = ingestPage(repos, ACCOUNT_ID, [inbound({ thread, user: thread, createdAt: at })], null, settings.policies(), Date.now());
    monitor.poke();
    return result.conversationIds[0]!;
  };
  monitor.start();
  return { repos, seen, monitor, settings, inbox, receive, badge, stop: () => (monitor.stop(), notifications.stop()) };
}

const kinds = (seen: DeskNotification[]) => seen.map((n) => `${n.kind}:${n.conversationId}`);

describe('SLA monitor', () => {
  it('warns at 75 % of the target and reports the breach within a second of the deadline, once each', async () => {
    const e = engine();
    // The default "Social" policy: first response within an hour.
    const id = e.receive('ana');
    await vi.advanceTimersByTimeAsync(45 * MIN - 1000);
    expect(kinds(e.seen)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(kinds(e.seen)).toEqual([`near-breach:${id}`]);
    expect(e.seen[0]!.title).toBe('Due soon: \u2068Customer ana\u2069');
    await vi.advanceTimersByTimeAsync(15 * MIN - 1000);
    expect(kinds(e.seen)).toEqual([`near-breach:${id}`]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(kinds(e.seen)).toEqual([`near-breach:${id}`, `breach:${id}`]);
    expect(e.badge.count).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * 3600_000);
    expect(e.seen).toHaveLength(2);
    e.stop();
  });

  it('pauses while the agent awaits the customer and starts a new clock when they answer', async () => {
    const e = engine();
    const id = e.receive('ben');
    await vi.advanceTimersByTimeAsync(30 * MIN);
    e.inbox.sendReply(id, 'Looking into it');
    await vi.advanceTimersByTimeAsync(5 * 3600_000);
    expect(kinds(e.seen)).toEqual([]);
    // The customer writes again: the next-response target (2 h) runs from now.
    e.receive('ben');
    await vi.advanceTimersByTimeAsync(90 * MIN);
    expect(kinds(e.seen)).toEqual([`near-breach:${id}`]);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(kinds(e.seen)).toEqual([`near-breach:${id}`, `breach:${id}`]);
    e.stop();
  });

  it('notices a breach that passed while the machine slept, at the latest a minute after waking', async () => {
    const e = engine();
    const id = e.receive('cy');
    // Asleep: the clock jumps two hours, no timer ran meanwhile.
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(kinds(e.seen)).toContain(`breach:${id}`);
    // The breach says it all: no warning after it.
    expect(kinds(e.seen)).not.toContain(`near-breach:${id}`);
    e.stop();
  });

  it("re-times what is open when an admin changes a policy, and treats VIP customers by their own policy", async () => {
    const e = engine();
    const id = e.receive('dee');
    const social = e.settings.list().policies.find((p) => p.id === 'social')!;
    const faster: SlaPolicy = { ...social, firstResponseSeconds: 10 * 60 };
    e.settings.savePolicy(faster);
    expect(e.repos.conversations.state(id)!.dueAt).toBe(T0 + 10 * MIN);

    e.settings.savePolicy({ ...social, id: 'vip', name: 'VIP', match: { vip: true }, firstResponseSeconds: 5 * 60 });
    // Added last: "Social" matches first.
    expect(e.repos.conversations.state(id)!.dueAt).toBe(T0 + 10 * MIN);
    e.settings.reorderPolicies(['vip', 'urgent', 'email', 'social']);
    expect(e.repos.conversations.state(id)).toMatchObject({ dueAt: T0 + 10 * MIN });
    e.settings.setVip(e.repos.conversations.state(id)!.customerId, true);
    expect(e.repos.conversations.state(id)).toMatchObject({ vip: true, dueAt: T0 + 5 * MIN });
    expect(() => e.settings.reorderPolicies(['vip'])).toThrow('Give every policy exactly once, in the new order');

    // Business hours: a calendar open on Tuesdays only moves the deadline to tomorrow (T0 is a Monday).
    e.settings.saveCalendar({ id: 'tue', name: 'Tuesdays', calendar: businessCalendarSchema.parse({ zone: 'UTC', weekly: { tue: [{ start: '09:00', end: '17:00' }] } }) });
    e.settings.savePolicy({ ...social, id: 'vip', name: 'VIP', match: { vip: true }, firstResponseSeconds: 5 * 60, calendarId: 'tue' });
    expect(new Date(e.repos.conversations.state(id)!.dueAt).toISOString()).toBe('2026-11-24T09:05:00.000Z');
    expect(() => e.settings.removeCalendar('tue')).toThrow('This calendar is used by VIP: choose another calendar for them first');
    expect(() => e.settings.savePolicy({ ...faster, calendarId: 'nope' })).toThrow('Business calendar nope was not found');
    e.stop();
  });
});
