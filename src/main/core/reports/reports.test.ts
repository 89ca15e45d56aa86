// Events written by the real services on a real SQLite file, the report computed from them,
// the CSV export read back, and migration 15's backfill of a replica written before events.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportQuerySchema, type ReportQueryInput } from '@shared/reports/types';
import { parseCsv } from '@shared/reports/csv';
import { ACCOUNT_ID, inbound, makeRepos, manualClock, SELF_ID, T0, tempDir } from '../../../../test/support/coreFixtures';
import { createMemoryBadge } from '../adapters/headless';
import { silentLogger } from '../adapters/logger';
import { openDatabase } from '../db/database';
import { migrations } from '../db/migrations';
import { EventBus } from '../events';
import { createTranslator } from '../i18n/translator';
import { InboxService } from '../inbox/inboxService';
import { NotificationCenter } from '../notify/notificationCenter';
import { createRepos } from '../repos';
import { eventWhere, messageCountWhere } from '../repos/reports';
import { SlaMonitor } from '../sla/slaMonitor';
import { ingestPage } from '../sync/ingest';
import { setUpDemo } from '../demo/demoWorkspace';
import { recordEvent } from './recordEvents';
import { ReportService } from './reportService';

const MIN = 60_000;
const HOUR = 60 * MIN;

function desk() {
  const path = join(tempDir(), 'shiftdesk.sqlite');
  const repos = makeRepos(path);
  const clock = manualClock();
  const events = new EventBus();
  const policies = () => repos.sla.resolvedPolicies();
  const inbox = new InboxService({ repos, clock, events, policies, onQueued: () => {}, onDeadlinesChanged: () => {} });
  const t = createTranslator();
  const notifications = new NotificationCenter({ notifier: { native: true, show: () => ({ status: 'shown' as const }) }, events, clock, logger: silentLogger, t, groupWindowMs: 10 });
  const monitor = new SlaMonitor({ repos, clock, badge: createMemoryBadge(), events, notifications, t, formatTime: (ms) => new Date(ms).toISOString(), policies });
  const reports = new ReportService({ repos, clock, events });
  const receive = (thread: string, at: number, language = 'en') =>
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread, user: thread, createdAt: at, language })], null, policies(), clock.now()).conversationIds[0]!;
  const query = (input: Partial<ReportQueryInput> = {}) => reportQuerySchema.parse({ from: T0 - HOUR, to: T0 + 24 * HOUR, timeZone: 'Europe/Riga', ...input });
  return { path, repos, clock, inbox, monitor, reports, receive, query, close: () => (monitor.stop(), notifications.stop(), repos.db.close()) };
}

describe('conversation events from the real services', () => {
  it('records first response, response, resolution, reopen, assignment, breach and survey answers in the transactions that cause them', () => {
    const d = desk();
    d.reports.setRegion(ACCOUNT_ID, 'EMEA');
    const id = d.receive('ana', T0);
    d.clock.set(T0 + 10 * MIN);
    d.inbox.sendReply(id, 'Hello Ana, looking into it');
    d.clock.set(T0 + 20 * MIN);
    d.receive('ana', T0 + 20 * MIN);
    d.clock.set(T0 + 50 * MIN);
    d.inbox.sendReply(id, 'Done: your booking is fixed');
    d.clock.set(T0 + 60 * MIN);
    d.inbox.setStatus(id, 'resolved');
    d.clock.set(T0 + 90 * MIN);
    d.receive('ana', T0 + 90 * MIN);
    d.inbox.assign(id, 'agent-2');

    const events = d.repos.events.forConversation(id);
    expect(events.map((e) => e.kind)).toEqual(['first_response', 'assignment', 'response', 'resolution', 'reopen', 'assignment']);
    const [first, claimed, next, resolved, reopened, handed] = events;
    expect(first).toMatchObject({ at: T0 + 10 * MIN, agentId: SELF_ID, waitMs: 10 * MIN, businessWaitMs: 10 * MIN, policyId: 'social', slaTarget: 'first_response', slaMet: true, platform: 'x', language: 'en' });
    expect(first!.messageId).toBeGreaterThan(0);
    // The first reply of an unassigned conversation makes it the agent's.
    expect(claimed).toMatchObject({ fromAgentId: null, agentId: SELF_ID });
    // Handle time: from the customer's message (T0+20) to the reply, under the 30-minute cap.
    expect(next).toMatchObject({ waitMs: 30 * MIN, slaTarget: 'next_response', slaMet: true, handleMs: 30 * MIN });
    expect(resolved).toMatchObject({ at: T0 + 60 * MIN, waitMs: 60 * MIN, agentId: SELF_ID });
    expect(reopened).toMatchObject({ at: T0 + 90 * MIN });
    expect(handed).toMatchObject({ fromAgentId: SELF_ID, agentId: 'agent-2' });

    // A conversation nobody answers breaches its hour.
    const late = d.receive('ben', T0 + 2 * HOUR, 'lv');
    d.clock.set(T0 + 3 * HOUR + 1000);
    d.monitor.start();
    expect(d.repos.events.forConversation(late).map((e) => [e.kind, e.slaTarget, e.policyId])).toEqual([['sla_breach', 'first_response', 'social']]);

    // Survey answers through the entry point the surveys feature calls; a bad score writes nothing.
    d.repos.db.transaction(() => recordEvent(d.repos, { kind: 'survey_answer', conversationId: id, surveyKind: 'csat', score: 4, at: T0 + 100 * MIN }))();
    recordEvent(d.repos, { kind: 'survey_answer', conversationId: id, surveyKind: 'nps', score: 10, at: T0 + 100 * MIN });
    expect(() => recordEvent(d.repos, { kind: 'survey_answer', conversationId: id, surveyKind: 'csat', score: 6, at: T0 })).toThrow(/whole number from 1 to 5/);
    expect(() => recordEvent(d.repos, { kind: 'survey_answer', conversationId: 99999, surveyKind: 'nps', score: 3, at: T0 })).toThrow(/Conversation 99999/);
    expect(d.repos.events.forConversation(id).filter((e) => e.kind === 'survey_answer')).toHaveLength(2);

    const report = d.reports.report(d.query());
    expect(report.firstResponse.calendar).toEqual({ count: 1, medianMs: 10 * MIN, p90Ms: 10 * MIN, estimated: false });
    expect(report.nextResponse.business).toEqual({ count: 1, medianMs: 30 * MIN, p90Ms: 30 * MIN, estimated: false });
    expect(report.resolution).toMatchObject({ created: 2, resolved: 1, reopened: 1, rate: 0.5 });
    expect(report.resolution.time.calendar.medianMs).toBe(60 * MIN);
    expect(report.sla).toEqual([
      { policyId: 'social', policyName: 'Social', target: 'first_response', met: 1, breached: 0, attainment: 1, breachAlerts: 1 },
      { policyId: 'social', policyName: 'Social', target: 'next_response', met: 1, breached: 0, attainment: 1, breachAlerts: 0 },
    ]);
    expect(report.volume.byChannel).toEqual([{ platform: 'x', inbound: 4, outbound: 2 }]);
    // 09:00 UTC is 11:00 in Riga (EET): 11:00, 11:20, 12:30, 13:00.
    expect(report.volume.byHour.slice(10, 15)).toEqual([0, 2, 1, 1, 0]);
    expect(report.volume.byDay).toEqual([{ date: '2026-11-23', inbound: 4 }]);
    expect(report.agents).toEqual([
      { agentId: SELF_ID, name: 'Sam Agent', conversations: 1, replies: 2, resolutions: 1, handleTimeMs: 40 * MIN, handleAverageMs: 20 * MIN },
    ]);
    expect(report.csat).toMatchObject({ responses: 1, average: 4 });
    expect(report.nps).toMatchObject({ responses: 1, score: 100 });
    expect(report.sentiment.byRegion.map((s) => s.key)).toEqual(report.sentiment.byRegion.length ? ['EMEA'] : []);
    // Both conversations are open now; before the first message nothing was.
    // A 25-hour period: hourly points. Open at T0+1h: Ana's (resolved at that instant, counted
    // from it on); T0+2h: Ana's again (reopened at T0+90min); T0+3h: Ana's and Ben's.
    expect(report.backlog.bucket).toBe('hour');
    expect(report.backlog.points.slice(0, 5)).toEqual([
      { at: T0 - HOUR, open: 0 },
      { at: T0, open: 0 },
      { at: T0 + HOUR, open: 1 },
      { at: T0 + 2 * HOUR, open: 1 },
      { at: T0 + 3 * HOUR, open: 2 },
    ]);
    expect(report.backlog.points.at(-1)).toEqual({ at: T0 + 24 * HOUR, open: 2 });
    // Whole UTC days come from the daily counts, the ends from the quarter hours: the same totals.
    const week = d.reports.report(d.query({ from: T0 - 3 * 24 * HOUR + 7 * MIN, to: T0 + 5 * 24 * HOUR }));
    expect(week.backlog.bucket).toBe('day');
    expect(week.volume.byChannel).toEqual([{ platform: 'x', inbound: 4, outbound: 2 }]);
    expect(d.reports.report(d.query({ from: T0 + 15 * MIN, to: T0 + 5 * 24 * HOUR })).volume.byChannel).toEqual([{ platform: 'x', inbound: 3, outbound: 1 }]);

    // Filters: language, agent, region, queue.
    expect(d.reports.report(d.query({ filters: { languages: ['lv'] } })).resolution.created).toBe(1);
    expect(d.reports.report(d.query({ filters: { languages: ['lv'] } })).volume.byChannel).toEqual([{ platform: 'x', inbound: 1, outbound: 0 }]);
    expect(d.reports.report(d.query({ filters: { agentIds: ['agent-2'] } })).firstResponse.calendar.count).toBe(0);
    expect(d.reports.report(d.query({ filters: { regions: ['APAC'] } })).headline.inbound).toBe(0);
    expect(d.reports.report(d.query({ filters: { regions: ['EMEA'], queue: 'urgent' } })).resolution.created).toBe(0);

    // The previous period (the 25 hours before) had nothing.
    const compared = d.reports.report(d.query({ compare: true }));
    expect(compared.previous).toMatchObject({ from: T0 - 26 * HOUR, to: T0 - HOUR, headline: { inbound: 0, firstResponseMedianMs: null } });

    // CSV: parses back, one row per figure.
    const rows = parseCsv(d.reports.csv(d.query()).text);
    expect(rows[0]).toEqual(['section', 'group', 'metric', 'value']);
    expect(rows).toContainEqual(['first_response', 'calendar', 'median_ms', String(10 * MIN)]);
    expect(rows).toContainEqual(['agent', 'Sam Agent', 'replies', '2']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    d.close();
  });

  it('an empty period gives zero counts and null figures, never NaN', () => {
    const d = desk();
    const report = d.reports.report(d.query({ compare: true }));
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(report.firstResponse.business).toEqual({ count: 0, medianMs: null, p90Ms: null, estimated: false });
    expect(report.resolution.rate).toBeNull();
    expect(report.headline).toEqual({
      firstResponseMedianMs: null,
      firstResponseBusinessMedianMs: null,
      resolutionRate: null,
      resolved: 0,
      inbound: 0,
      slaAttainment: null,
      csatAverage: null,
      npsScore: null,
    });
    expect(report.volume.byHour).toEqual(new Array(24).fill(0));
    d.close();
  });

  it('refuses a period that ends before it starts, or a bad region, with a clear error', () => {
    expect(() => reportQuerySchema.parse({ from: T0, to: T0 - 1, timeZone: 'Europe/Riga' })).toThrow(/end after it starts/);
    expect(() => reportQuerySchema.parse({ from: T0, to: T0 + 1, timeZone: 'Mars/Olympus' })).toThrow(/IANA/);
    const d = desk();
    expect(() => d.reports.setRegion('nope', 'EMEA')).toThrow(/Account nope/);
    expect(d.reports.setRegion(ACCOUNT_ID, 'APAC').region).toBe('APAC');
    expect(d.reports.setRegion(ACCOUNT_ID, null).region).toBeNull();
    d.close();
  });
});

describe('migration 15', () => {
  it('backfills responses, resolutions, breaches and message counts from a replica written before events', () => {
    const path = join(tempDir(), 'old.sqlite');
    const old = openDatabase(path, migrations.slice(0, 14));
    old.exec(`
      INSERT INTO agents (id, name, time_zone, is_self, created_at) VALUES ('a1', 'Ana', 'Europe/Riga', 1, 0);
      INSERT INTO accounts (id, platform, name, handle, connector, created_at) VALUES ('acc', 'mastodon', 'Brand', '@b', 'test', 0);
      INSERT INTO customers (id, account_id, platform_id, handle, display_name, updated_at) VALUES (1, 'acc', 'c1', 'c1', 'C', 0);
      INSERT INTO sla_policies (id, name, position, match, first_response_seconds, next_response_seconds) VALUES ('social', 'Social', 0, '{}', 3600, 7200);
      INSERT INTO conversations (id, account_id, platform_id, kind, customer_id, status, created_at, last_message_at, due_at, assignee_id, first_responded_at, language)
        VALUES (1, 'acc', 't1', 'mention', 1, 'resolved', ${T0}, ${T0 + 3 * HOUR}, ${Number.MAX_SAFE_INTEGER}, 'a1', ${T0 + 2 * HOUR}, 'de');
      INSERT INTO conversations (id, account_id, platform_id, kind, customer_id, status, created_at, last_message_at, due_at, breach_notified_at, awaiting_since)
        VALUES (2, 'acc', 't2', 'mention', 1, 'open', ${T0}, ${T0}, ${T0 + HOUR}, ${T0 + HOUR}, ${T0});
      INSERT INTO messages (conversation_id, account_id, platform_id, direction, customer_id, body, language, created_at, status, sentiment_label)
        VALUES (1, 'acc', 'm1', 'in', 1, 'Hallo', 'de', ${T0}, 'received', 'negative'),
               (1, 'acc', 'm2', 'in', 1, 'Hallo?', 'de', ${T0 + HOUR}, 'received', 'neutral'),
               (2, 'acc', 'm5', 'in', 1, 'Hi', 'en', ${T0}, 'received', NULL);
      INSERT INTO messages (conversation_id, account_id, platform_id, direction, agent_id, body, created_at, status)
        VALUES (1, 'acc', 'm3', 'out', 'a1', 'Hi!', ${T0 + 2 * HOUR}, 'sent'),
               (1, 'acc', 'm4', 'out', 'a1', 'Done', ${T0 + 3 * HOUR}, 'sent');
    `);
    old.close();
    const repos = createRepos(openDatabase(path));
    const kinds = (id: number) => repos.events.forConversation(id).map((e) => [e.kind, e.at, e.waitMs]);
    expect(kinds(1)).toEqual([
      ['first_response', T0 + 2 * HOUR, 2 * HOUR],
      // The follow-up answered nothing new: no wait.
      ['response', T0 + 3 * HOUR, null],
      ['resolution', T0 + 3 * HOUR, 3 * HOUR],
    ]);
    expect(repos.events.forConversation(1)[0]).toMatchObject({ slaMet: false, slaTarget: 'first_response', agentId: 'a1', language: 'de', platform: 'mastodon' });
    expect(kinds(2)).toEqual([['sla_breach', T0 + HOUR, HOUR]]);
    const counts = repos.db
      .prepare('SELECT language, direction, SUM(messages) AS messages, SUM(negative) AS negative, SUM(neutral) AS neutral FROM report_message_counts GROUP BY 1, 2 ORDER BY 1, 2')
      .all();
    expect(repos.db.prepare('SELECT SUM(messages) FROM report_message_days').pluck().get()).toBe(5);
    expect(counts).toEqual([
      { language: 'de', direction: 'in', messages: 2, negative: 1, neutral: 1 },
      { language: 'de', direction: 'out', messages: 2, negative: 0, neutral: 0 },
      { language: 'en', direction: 'in', messages: 1, negative: 0, neutral: 0 },
    ]);
    repos.db.close();
  });

  it('keeps message counts exact as messages are written, re-labelled and removed', () => {
    const repos = makeRepos();
    ingestPage(repos, ACCOUNT_ID, [inbound({ createdAt: T0 }), inbound({ createdAt: T0 + MIN })], null, repos.sla.resolvedPolicies(), T0);
    const total = () => {
      const quarters = repos.db.prepare('SELECT SUM(messages) AS messages, SUM(negative) AS negative FROM report_message_counts').get();
      expect(repos.db.prepare('SELECT SUM(messages) AS messages, SUM(negative) AS negative FROM report_message_days').get()).toEqual(quarters);
      return quarters;
    };
    expect(total()).toEqual({ messages: 2, negative: 0 });
    repos.db.prepare("UPDATE messages SET sentiment_label = 'negative'").run();
    expect(total()).toEqual({ messages: 2, negative: 2 });
    repos.db.prepare('DELETE FROM messages WHERE id = (SELECT MIN(id) FROM messages)').run();
    expect(total()).toEqual({ messages: 1, negative: 1 });
    repos.workspace.removeAccount(ACCOUNT_ID);
    expect(total()).toEqual({ messages: null, negative: null });
  });
});

describe('demo workspace', () => {
  it('has four weeks of history, written once, that make an interesting report', () => {
    const dir = tempDir();
    const repos = makeRepos(join(dir, 'shiftdesk.sqlite'));
    const clock = manualClock();
    const started = performance.now();
    setUpDemo(repos, dir, clock, { ratePerMinute: 0 }).close();
    const seedMs = performance.now() - started;
    const reports = new ReportService({ repos, clock, events: new EventBus() });
    const report = reports.report(reportQuerySchema.parse({ from: T0 - 30 * 24 * HOUR, to: T0, timeZone: 'Europe/Riga', compare: true }));
    expect(report.firstResponse.calendar.count).toBe(28 * 22);
    expect(report.firstResponse.business.medianMs).toBeGreaterThan(0);
    expect(report.resolution.rate).toBe(1);
    expect(report.csat.responses + report.nps.responses).toBeGreaterThan(50);
    expect(report.sentiment.byRegion.map((r) => r.key).sort()).toEqual(['AMER', 'APAC', 'EMEA']);
    expect(report.agents.length).toBeGreaterThanOrEqual(4);
    expect(report.volume.byDay.length).toBeGreaterThanOrEqual(28);
    expect(report.sla.find((s) => s.target === 'first_response' && s.policyId === 'social')?.attainment).toBeGreaterThan(0.5);
    // Once: a second start adds nothing.
    const events = repos.db.prepare('SELECT COUNT(*) FROM conversation_events').pluck().get();
    setUpDemo(repos, dir, clock, { ratePerMinute: 0 }).close();
    expect(repos.db.prepare('SELECT COUNT(*) FROM conversation_events').pluck().get()).toBe(events);
    // Not noticeable at start (generous for a loaded machine).
    expect(seedMs).toBeLessThan(3000);
    repos.db.close();
  });
});

describe('query plans', () => {
  it('reads events from the covering index (filters included) and message counts by their keys', () => {
    const repos = makeRepos();
    const plan = (sql: string, params: unknown[]) =>
      (repos.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const filters of [{}, { regions: ['EMEA'], languages: ['en', 'und'], agentIds: ['a'], shiftRegions: ['APAC'], queue: 'urgent' as const }]) {
      const w = eventWhere(filters);
      expect(plan(`SELECT e.wait_ms, e.sla_met, e.agent_id FROM conversation_events e WHERE e.kind = ? AND e.at >= ? AND e.at < ?${w.sql}`, ['response', 0, 1, ...w.params])).toMatch(
        /SEARCH e USING COVERING INDEX conversation_events_kind_at \(kind=\? AND at>\? AND at<\?\)/,
      );
      const m = messageCountWhere(filters);
      expect(plan(`SELECT SUM(r.messages) FROM report_message_days r WHERE r.day >= ? AND r.day < ?${m.sql}`, [0, 1, ...m.params])).toMatch(/SEARCH r USING PRIMARY KEY \(day>\? AND day<\?\)/);
      expect(plan(`SELECT SUM(r.messages) FROM report_message_counts r WHERE r.bucket >= ? AND r.bucket < ?${m.sql}`, [0, 1, ...m.params])).toMatch(/SEARCH r USING PRIMARY KEY \(bucket>\? AND bucket<\?\)/);
    }
    repos.db.close();
  });
});
