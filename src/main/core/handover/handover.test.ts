// Handover and auto-assignment on a real SQLite file with a fake clock: a shift ends → its
// owner's open conversations are handed over (receiver suggested from the next shift by queue,
// language and room); the receiver acknowledges; an item goes to the queue; a waiting
// conversation of an off-shift agent warns once; new conversations go round robin within capacity.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskNotification } from '@shared/domain';
import type { AgentProfile, Shift } from '@shared/schedule';
import { ACCOUNT_ID, SELF_ID, inbound, makeRepos, manualClock, T0, tempDir } from '../../../../test/support/coreFixtures';
import { silentLogger } from '../adapters/logger';
import { EventBus } from '../events';
import { createTranslator } from '../i18n/translator';
import { NotificationCenter } from '../notify/notificationCenter';
import { ingestPage } from '../sync/ingest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { AutoAssigner } from './autoAssign';
import { HandoverService } from './handoverService';
import { HANDOVER_LIST_SQL } from '../repos/handovers';
import { ScheduleService } from '../schedule/scheduleService';
import { storedSchedule } from './shiftSchedule';

const H = 3_600_000;
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

const profile = (agentId: string, languages: string[], queues: string[], capacity = 5): AgentProfile => ({
  agentId,
  timeZone: 'Europe/Riga',
  languages,
  skills: [],
  queues,
  capacity,
  version: 0,
});
/** A one-off shift in Riga (UTC+2 in November) from `start` to `end` (UTC ms). */
const shift = (agentId: string, start: number, end: number): Shift => {
  const local = new Date(start + 2 * H).toISOString();
  return {
    id: `s-${agentId}-${start}`,
    agentId,
    timeZone: 'Europe/Riga',
    startDate: local.slice(0, 10),
    start: local.slice(11, 16),
    durationMinutes: (end - start) / 60_000,
    rrule: null,
    exceptions: [],
    region: null,
    note: null,
    version: 0,
    updatedAt: T0,
  };
};

/** The team: Ana (outgoing, en+lv) 09-17 UTC; Sam (this desk, en) and Lia (lv) from 17:00. */
function setup(options: { profiles?: AgentProfile[]; shifts?: Shift[] } = {}) {
  const path = join(tempDir(), 'handover.sqlite');
  const repos = makeRepos(path);
  repos.workspace.addAgent({ id: 'ana', name: 'Ana', timeZone: 'Europe/Riga', isSelf: false }, T0);
  repos.workspace.addAgent({ id: 'lia', name: 'Lia', timeZone: 'Europe/Riga', isSelf: false }, T0);
  repos.workspace.addAgent({ id: 'kai', name: 'Kai', timeZone: 'Europe/Riga', isSelf: false }, T0);
  const clock = manualClock(T0);
  const events = new EventBus();
  const seen: DeskNotification[] = [];
  events.on('notification', (n) => seen.push(n));
  const changes: string[][] = [];
  events.on('changes', (c) => changes.push(c.tables));
  const t = createTranslator();
  const notifications = new NotificationCenter({ notifier: { native: false, show: () => ({ status: 'shown' as const }) }, events, clock, logger: silentLogger, t, groupWindowMs: 0 });
  const profiles = options.profiles ?? [profile('ana', ['en', 'lv'], ['all']), profile(SELF_ID, ['en'], ['all']), profile('lia', ['lv'], [`account:${ACCOUNT_ID}`])];
  const shifts = options.shifts ?? [shift('ana', T0, T0 + 8 * H), shift(SELF_ID, T0 + 8 * H, T0 + 16 * H), shift('lia', T0 + 8 * H, T0 + 16 * H)];
  // The real schedule: profiles and shifts stored and expanded by the schedule service.
  const scheduleService = new ScheduleService({ repos, clock, events });
  profiles.forEach((p) => scheduleService.saveProfile(p));
  shifts.forEach((s) => scheduleService.saveShift(s));
  const schedule = storedSchedule(repos, scheduleService);
  const handovers = new HandoverService({ repos, schedule, clock, events, notifications, t, formatTime: (ms) => new Date(ms).toISOString().slice(11, 16) });
  const autoAssign = new AutoAssigner({ repos, schedule, clock });
  stops.push(() => {
    handovers.stop();
    notifications.stop();
    repos.db.close();
  });
  const receive = (user: string, language = 'en', body = `Hello from ${user}`) => {
    const result = ingestPage(repos, ACCOUNT_ID, [inbound({ thread: user, user, language, body, createdAt: clock.now() })], null, DEFAULT_SLA_POLICIES, clock.now());
    return { id: result.conversationIds[0]!, isNew: result.newConversationIds.includes(result.conversationIds[0]!) };
  };
  return { repos, clock, handovers, autoAssign, receive, seen, changes, path };
}

describe('shift handover', () => {
  it('prepares a handover for each open conversation when the shift ends, with a receiver from the next shift', () => {
    const e = setup();
    const en = e.receive('olivia', 'en', 'Where is my parcel?').id;
    const lv = e.receive('janis', 'lv', 'Kur ir mana paka?').id;
    const other = e.receive('mara', 'en').id;
    e.repos.conversations.patch(en, { assigneeId: 'ana' });
    e.repos.conversations.patch(lv, { assigneeId: 'ana' });
    e.repos.conversations.patch(other, { assigneeId: SELF_ID });
    e.repos.messages.insert({
      conversationId: en,
      accountId: ACCOUNT_ID,
      platformId: 'reply-1',
      direction: 'out',
      customerId: null,
      agentId: 'ana',
      body: "Sorry! I'll follow up at 18:00 with the tracking number.",
      language: 'en',
      urgent: false,
      createdAt: T0 + H,
      status: 'sent',
    });

    e.clock.set(T0 + 7 * H);
    expect(e.handovers.check()).toEqual([]);
    e.clock.set(T0 + 8 * H + 1000);
    const added = e.handovers.check();
    expect(added).toHaveLength(2);
    expect(e.handovers.check()).toEqual([]);

    const items = e.handovers.list();
    const enItem = items.find((i) => i.conversationId === en)!;
    const lvItem = items.find((i) => i.conversationId === lv)!;
    expect(enItem).toMatchObject({ fromAgentId: 'ana', toAgentId: SELF_ID, status: 'pending', shiftEnd: T0 + 8 * H, customerName: 'Customer olivia' });
    expect(enItem.lastCustomerMessage?.body).toBe('Where is my parcel?');
    expect(enItem.promises).toEqual([{ text: "I'll follow up at 18:00 with the tracking number.", dueAt: Date.UTC(2026, 10, 23, 16, 0), sentAt: T0 + H }]);
    expect(enItem.sla.state).toBe('overdue');
    // Only Lia speaks Latvian on the next shift.
    expect(lvItem.toAgentId).toBe('lia');
    expect(e.changes.some((tables) => tables.includes('handovers'))).toBe(true);

    // The item survives a restart with the same ids.
    e.repos.db.close();
    const reopened = makeRepos(e.path);
    expect(reopened.handovers.item(enItem.id)?.toAgentId).toBe(SELF_ID);
    reopened.db.close();
    stops.pop();
  });

  it('the receiver acknowledges and takes the conversation; others cannot', () => {
    const e = setup();
    const en = e.receive('olivia').id;
    const lv = e.receive('janis', 'lv').id;
    e.repos.conversations.patch(en, { assigneeId: 'ana' });
    e.repos.conversations.patch(lv, { assigneeId: 'ana' });
    e.clock.set(T0 + 8 * H);
    e.handovers.check();
    const [enItem, lvItem] = [en, lv].map((id) => e.handovers.list().find((i) => i.conversationId === id)!);

    expect(() => e.handovers.acknowledge(lvItem!.id)).toThrow(/for Lia/);
    const accepted = e.handovers.acknowledge(enItem!.id);
    expect(accepted).toMatchObject({ status: 'accepted', toAgentId: SELF_ID });
    expect(accepted.acknowledgedAt).toBe(T0 + 8 * H);
    expect(e.repos.conversations.state(en)!.assigneeId).toBe(SELF_ID);
    expect(() => e.handovers.acknowledge(enItem!.id)).toThrow(/already acknowledged/);
  });

  it('reassigns to the queue with a note; anyone then acknowledges it', () => {
    const e = setup();
    const lv = e.receive('janis', 'lv').id;
    e.repos.conversations.patch(lv, { assigneeId: 'ana' });
    e.clock.set(T0 + 8 * H);
    e.handovers.check();
    const item = e.handovers.list()[0]!;

    const toQueue = e.handovers.reassign(item.id, null, '  Customer prefers e-mail  ');
    expect(toQueue).toMatchObject({ toAgentId: null, note: 'Customer prefers e-mail', status: 'pending' });
    expect(e.repos.conversations.state(lv)!.assigneeId).toBeNull();
    // Unassigned is not "taken by someone else": the item stays pending.
    e.handovers.check();
    expect(e.handovers.list()[0]!.status).toBe('pending');
    expect(() => e.handovers.reassign(item.id, 'nobody', undefined)).toThrow(/nobody was not found/);

    expect(e.handovers.acknowledge(item.id)).toMatchObject({ status: 'accepted', toAgentId: SELF_ID, note: 'Customer prefers e-mail' });
  });

  it('serves the list from indexes', () => {
    const e = setup();
    const plan = e.repos.db.prepare(`EXPLAIN QUERY PLAN ${HANDOVER_LIST_SQL}`).all(0).map((r) => (r as { detail: string }).detail).join(' | ');
    expect(plan).toContain('handover_items_pending');
    expect(plan).toContain('handover_items_acknowledged');
    // Pending items are read from their partial index only; no table is scanned.
    expect(plan).not.toMatch(/SCAN [ih](?! USING)/);
  });

  it('suggests the queue when nobody on the next shift fits', () => {
    const e = setup();
    const ja = e.receive('kenji', 'ja').id;
    e.repos.conversations.patch(ja, { assigneeId: 'ana' });
    e.clock.set(T0 + 8 * H);
    e.handovers.check();
    expect(e.handovers.list()[0]).toMatchObject({ conversationId: ja, toAgentId: null });
  });

  it('warns once about a waiting conversation whose owner is off shift, and settles items taken elsewhere', () => {
    const e = setup();
    const en = e.receive('olivia').id;
    e.repos.conversations.patch(en, { assigneeId: 'ana' });
    e.clock.set(T0 + 8 * H);
    e.handovers.check();
    e.handovers.check();
    const warnings = e.seen.filter((n) => n.kind === 'handover');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ conversationId: en, title: 'Waiting after a shift ended: \u2068Customer olivia\u2069' });
    expect(warnings[0]!.body).toContain('Ana is off shift');

    // Assigned later to an agent who is off shift: handed over too.
    const late = e.receive('pat').id;
    e.repos.conversations.patch(late, { assigneeId: 'ana' });
    e.clock.advance(60_000);
    expect(e.handovers.check()).toHaveLength(1);

    expect(() => e.handovers.acknowledge('no-such-item')).toThrow(/no-such-item was not found/);

    // Someone took it directly: the item is settled, not left pending.
    e.repos.conversations.patch(en, { assigneeId: 'lia' });
    e.handovers.check();
    expect(e.handovers.list().find((i) => i.conversationId === en)!.status).toBe('accepted');
  });

  it('settles a pending item when its owner is on shift again and still has the conversation', () => {
    const e = setup({ shifts: [shift('ana', T0, T0 + 8 * H), shift('ana', T0 + 24 * H, T0 + 32 * H), shift(SELF_ID, T0 + 8 * H, T0 + 16 * H)] });
    const en = e.receive('olivia').id;
    e.repos.conversations.patch(en, { assigneeId: 'ana' });
    e.clock.set(T0 + 8 * H);
    e.handovers.check();
    expect(e.handovers.list()[0]!.status).toBe('pending');
    e.clock.set(T0 + 24 * H + 60_000);
    e.handovers.check();
    expect(e.handovers.list()[0]).toMatchObject({ status: 'accepted', toAgentId: 'ana' });
  });
});

describe('auto-assignment', () => {
  it('is on by default when shifts exist, and follows the workspace setting', () => {
    expect(setup().autoAssign.settings()).toEqual({ enabled: true, explicit: false });
    expect(setup({ shifts: [] }).autoAssign.settings()).toEqual({ enabled: false, explicit: false });
    const e = setup();
    expect(e.autoAssign.setEnabled(false)).toEqual({ enabled: false, explicit: true });
    const c = e.receive('olivia');
    expect(e.autoAssign.assign([c.id])).toEqual([]);
    expect(e.repos.conversations.state(c.id)!.assigneeId).toBeNull();
  });

  it('assigns new conversations round robin among agents on shift who fit, within capacity', () => {
    const e = setup({
      profiles: [profile('ana', ['en'], ['all'], 2), profile(SELF_ID, ['en', 'lv'], ['all'], 1), profile('lia', ['lv', 'en'], [`account:${ACCOUNT_ID}`], 5), profile('kai', ['en'], ['account:other'], 5)],
      shifts: [shift('ana', T0, T0 + 8 * H), shift(SELF_ID, T0, T0 + 8 * H), shift('lia', T0 + 8 * H, T0 + 16 * H), shift('kai', T0, T0 + 8 * H)],
    });
    e.clock.set(T0 + H);
    const owners = ['a', 'b', 'c', 'd'].map((u) => {
      const c = e.receive(u);
      expect(c.isNew).toBe(true);
      e.autoAssign.assign([c.id]);
      return e.repos.conversations.state(c.id)!.assigneeId;
    });
    // Sam (1) and Ana (2) rotate in id order; Lia is off shift, Kai covers another account; then nobody has room.
    expect(owners).toEqual([SELF_ID, 'ana', 'ana', null]);

    // Language: only Sam speaks Latvian on this shift, and he is full.
    e.repos.conversations.patch(e.repos.conversations.openOwnedBy(SELF_ID)[0]!, { status: 'resolved' });
    const lv = e.receive('janis', 'lv').id;
    expect(e.autoAssign.assign([lv])).toEqual([lv]);
    expect(e.repos.conversations.state(lv)!.assigneeId).toBe(SELF_ID);
    // An already-assigned or old conversation is left alone.
    expect(e.autoAssign.assign([lv])).toEqual([]);
  });
});
