// report_account_quarter_hours (inbound and backlog changes per quarter hour and account, kept by
// triggers and the conversations repository) against the exact reads of messages' counts,
// conversations and events: random
// traffic through the real services and schema on a real SQLite file, with listening hits taken,
// resolutions, reopens, and messages, conversations and an account deleted.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReportFilters } from '@shared/reports/types';
import { ACCOUNT_ID, inbound, makeRepos, manualClock, T0, tempDir } from '../../../../test/support/coreFixtures';
import { EventBus } from '../events';
import { InboxService } from '../inbox/inboxService';
import { createReportRepo } from '../repos/reports';
import { ingestPage } from '../sync/ingest';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = T0 - 12 * DAY;

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random traffic over the 12 days before T0. With `languageless`, some customers' messages have
 * no language: report_message_counts then files them under their conversation's language at the
 * time, which can change before the message is deleted, so only the messages themselves are the
 * truth to compare with.
 */
function busyDesk(seed: number, languageless = false) {
  const repos = makeRepos(join(tempDir(), 'shiftdesk.sqlite'), START);
  repos.workspace.addAccount({ id: 'acc-ig', platform: 'instagram', name: 'Brand IG', handle: '@brand', role: 'support', connector: 'test' }, START);
  repos.workspace.addAccount({ id: 'acc-mail', platform: 'email', name: 'Brand mail', handle: 'help@brand.test', role: 'support', connector: 'test' }, START);
  repos.workspace.setAccountRegion(ACCOUNT_ID, 'EMEA');
  repos.workspace.setAccountRegion('acc-ig', 'AMER');
  repos.workspace.setAccountRegion('acc-mail', 'EMEA');
  const clock = manualClock(START);
  const policies = () => repos.sla.resolvedPolicies();
  const inbox = new InboxService({ repos, clock, events: new EventBus(), policies, onQueued: () => {}, onDeadlinesChanged: () => {} });
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ids = (sql: string) => repos.db.prepare(sql).pluck().all() as number[];
  const threads: { account: string; thread: string }[] = [];
  const accounts = [ACCOUNT_ID, 'acc-ig', 'acc-mail'];

  for (let t = START; t < T0; t += Math.floor(random() * 40 * MIN)) {
    clock.set(t);
    const action = random();
    if (action < 0.45) {
      // A customer writes: a new thread, or one already known (a resolved one reopens).
      const known = threads.length > 0 && random() < 0.4;
      const target = known ? pick(threads) : { account: pick(accounts), thread: `th-${threads.length}` };
      if (!known) threads.push(target);
      const item = inbound({ thread: target.thread, user: target.thread, createdAt: t, language: pick(languageless ? ['en', 'pt-BR', 'lv', undefined] : ['en', 'pt-BR', 'lv', 'de']) });
      ingestPage(repos, target.account, [item], null, policies(), t);
    } else if (action < 0.55) {
      const item = inbound({ thread: `hit-${t}`, user: `fan-${t}`, createdAt: t });
      ingestPage(repos, pick(accounts), [item], null, policies(), t, { listening: { intent: 'sales' } });
    } else if (action < 0.62) {
      const hits = ids("SELECT id FROM conversations WHERE status = 'listening'");
      if (hits.length) inbox.takeFromListening(pick(hits));
    } else if (action < 0.85) {
      const open = ids("SELECT id FROM conversations WHERE status = 'open'");
      if (open.length) inbox.setStatus(pick(open), 'resolved');
    } else if (action < 0.92) {
      const resolved = ids("SELECT id FROM conversations WHERE status = 'resolved'");
      if (resolved.length) inbox.setStatus(pick(resolved), 'open');
    } else if (action < 0.97) {
      const messages = ids('SELECT id FROM messages');
      if (messages.length) repos.db.prepare('DELETE FROM messages WHERE id = ?').run(pick(messages));
    } else {
      const conversations = ids('SELECT id FROM conversations');
      if (conversations.length) repos.db.prepare('DELETE FROM conversations WHERE id = ?').run(pick(conversations));
    }
  }
  return repos;
}

/** Account-level filters: the rollup answers them. */
const ROLLUP_FILTERS: ReportFilters[] = [
  {},
  { regions: ['EMEA'] },
  { accountIds: ['acc-ig'] },
  { platforms: ['x', 'email'] },
  { queue: 'account:acc-mail' },
  { queue: 'all', agentIds: ['agent-2'], shiftRegions: ['APAC'] },
];
const PERIOD_STARTS = [START - DAY, START + 3 * DAY + 7 * MIN + 13, T0 - 7 * DAY, T0 - DAY, T0 - 2 * 60 * MIN + 1];

function expectRollupMatchesRows(db: Database) {
  const reports = createReportRepo(db);
  let changes = 0;
  for (const from of PERIOD_STARTS) {
    for (const f of ROLLUP_FILTERS) {
      const exact = reports.backlogChangesOfRows(from, Number.MAX_SAFE_INTEGER, f);
      expect(reports.backlogChanges(from, f), `backlog from ${from} ${JSON.stringify(f)}`).toEqual(exact);
      changes += exact.length;
      expect(reports.inboundByQuarterHour(from, T0, f), `inbound from ${from} ${JSON.stringify(f)}`).toEqual(reports.inboundByQuarterHourAndLanguage(from, T0, f));
    }
    // Totals (whole days from the daily counts, the ends from the quarter hours) add up to the messages.
    const to = T0 - 5 * 60 * MIN + 7 * MIN;
    const totals = reports
      .messageTotals(from, to, {})
      .filter((t) => t.messages > 0)
      .map((t) => [t.accountId, t.language, t.direction, t.messages]);
    const direct = db
      .prepare(
        `SELECT account_id, language, direction, COUNT(*) FROM messages WHERE created_at >= ? AND created_at < ?
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .raw()
      .all(Math.floor(from / 900_000) * 900_000, Math.ceil(to / 900_000) * 900_000);
    expect(totals.sort()).toEqual(direct.sort());
  }
  return changes;
}

describe('report_account_quarter_hours', () => {
  it('answers backlog changes and inbound per quarter hour exactly as the rows do, for every account-level filter', () => {
    for (const seed of [1, 2, 3]) {
      const repos = busyDesk(seed);
      const db = repos.db;
      // The traffic did what the test is about.
      const events = db.prepare("SELECT kind, COUNT(*) AS n FROM conversation_events WHERE kind IN ('resolution', 'reopen') GROUP BY kind").all();
      expect(events).toHaveLength(2);
      expect(db.prepare("SELECT COUNT(*) FROM conversations WHERE status = 'listening'").pluck().get()).toBeGreaterThan(0);
      expect(expectRollupMatchesRows(db)).toBeGreaterThan(100);

      // Removing an account takes its rows with it.
      repos.workspace.removeAccount('acc-mail');
      expect(db.prepare("SELECT COUNT(*) FROM report_account_quarter_hours WHERE account_id = 'acc-mail'").pluck().get()).toBe(0);
      expectRollupMatchesRows(db);
      db.close();
    }
  });

  it('counts inbound messages exactly when some have no language of their own', () => {
    const repos = busyDesk(4, true);
    const reports = createReportRepo(repos.db);
    const messages = (from: number, accountId: string | null) =>
      repos.db
        .prepare(
          `SELECT created_at / 900000 AS bucket, COUNT(*) AS count FROM messages
           WHERE direction = 'in' AND created_at >= ? AND created_at < ? AND (? IS NULL OR account_id = ?) GROUP BY 1 ORDER BY 1`,
        )
        .all(from, T0, accountId, accountId);
    expect(repos.db.prepare('SELECT COUNT(*) FROM messages WHERE language IS NULL').pluck().get()).toBeGreaterThan(10);
    for (const from of [START, T0 - 3 * DAY]) {
      expect(reports.inboundByQuarterHour(from, T0, {})).toEqual(messages(from, null));
      expect(reports.inboundByQuarterHour(from, T0, { accountIds: ['acc-ig'] })).toEqual(messages(from, 'acc-ig'));
      for (const f of ROLLUP_FILTERS) expect(reports.backlogChanges(from, f)).toEqual(reports.backlogChangesOfRows(from, Number.MAX_SAFE_INTEGER, f));
    }
    repos.db.close();
  });

  it('counts a listening hit from its start once taken, and uncounts a deleted conversation', () => {
    const repos = makeRepos(join(tempDir(), 'shiftdesk.sqlite'));
    const clock = manualClock();
    const policies = () => repos.sla.resolvedPolicies();
    const inbox = new InboxService({ repos, clock, events: new EventBus(), policies, onQueued: () => {}, onDeadlinesChanged: () => {} });
    const reports = createReportRepo(repos.db);
    const [hit] = ingestPage(repos, ACCOUNT_ID, [inbound({ createdAt: T0 - 20 * MIN })], null, policies(), T0, { listening: { intent: 'sales' } }).conversationIds;
    const bucket = Math.floor((T0 - 20 * MIN) / (15 * MIN));
    expect(reports.backlogChanges(T0 - DAY, {})).toEqual([]);
    expect(reports.inboundByQuarterHour(T0 - DAY, T0, {})).toEqual([{ bucket, count: 1 }]);
    inbox.takeFromListening(hit!);
    expect(reports.backlogChanges(T0 - DAY, {})).toEqual([{ bucket, delta: 1 }]);
    repos.db.prepare('DELETE FROM conversations WHERE id = ?').run(hit);
    expect(reports.backlogChanges(T0 - DAY, {})).toEqual([]);
    expect(reports.inboundByQuarterHour(T0 - DAY, T0, {})).toEqual([]);
    repos.db.close();
  });

  it('is what backlog and inbound read for account-level filters, and the rows for language and urgency', () => {
    const repos = makeRepos();
    // Record the statements the repository runs, with their parameters.
    let ran: { sql: string; params: unknown[] }[] = [];
    const db = new Proxy(repos.db, {
      get(target, key) {
        if (key !== 'prepare') return Reflect.get(target, key, target) as unknown;
        return (sql: string) => {
          const statement = target.prepare(sql);
          return new Proxy(statement, {
            get(s, k) {
              const value = Reflect.get(s, k, s) as unknown;
              if (k !== 'all' || typeof value !== 'function') return typeof value === 'function' ? value.bind(s) : value;
              return (...params: unknown[]) => (ran.push({ sql, params }), value.apply(s, params));
            },
          });
        };
      },
    });
    const reports = createReportRepo(db);
    const plans = (read: () => unknown) => {
      ran = [];
      read();
      return ran.map(({ sql, params }) => ({ sql, plan: (repos.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ') }));
    };
    for (const f of [{}, { regions: ['EMEA'], accountIds: ['acc-x'], platforms: ['x' as const] }]) {
      for (const read of [() => reports.backlogChanges(T0 - 365 * DAY, f), () => reports.inboundByQuarterHour(T0 - 365 * DAY, T0, f)]) {
        const [one, ...more] = plans(read);
        expect(more).toEqual([]);
        expect(one!.sql).toMatch(/FROM report_account_quarter_hours r/);
        expect(one!.sql).not.toMatch(/report_message_counts|conversations|conversation_events/);
        expect(one!.plan).toMatch(/SEARCH r USING PRIMARY KEY \(bucket>\?( AND bucket<\?)?\)/);
        expect(one!.plan).not.toMatch(/TEMP B-TREE/);
      }
    }
    for (const f of [{ languages: ['en'] }, { queue: 'language:pt' as const }]) {
      const [one] = plans(() => reports.inboundByQuarterHour(T0 - 365 * DAY, T0, f));
      expect(one!.sql).toMatch(/FROM report_message_counts r/);
      expect(one!.plan).toMatch(/SEARCH r USING PRIMARY KEY \(bucket>\? AND bucket<\?\)/);
    }
    for (const f of [{ languages: ['en'] }, { queue: 'urgent' as const }]) {
      const [one] = plans(() => reports.backlogChanges(T0 - 365 * DAY, f));
      expect(one!.plan).toMatch(/conversations_created.*conversation_events_kind_at/s);
    }
    repos.db.close();
  });
});
