// The reads behind reports (#8): conversation_events, report_message_counts and conversations
// for a period and filters. Filters change the WHERE clause, so statements are prepared once per
// distinct SQL text and kept (a handful of shapes in practice).
import { UNKNOWN_LANGUAGE } from '@shared/domain';
import type { ReportFilters } from '@shared/reports/types';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';
import { eventAsRollupRowSql, ROLLUP_ROW_COLUMNS } from '../db/eventRollupsSql';
import { periodSpans } from './periodSpans';

type Param = string | number;
interface Where {
  sql: string;
  params: Param[];
}

const QUARTER_HOUR_MS = 900_000;
const DAY_MS = 86_400_000;

function languageClause(column: string, tags: readonly string[], unknown: string): Where {
  const parts: string[] = [];
  const params: Param[] = [];
  for (const tag of tags) {
    if (tag === UNKNOWN_LANGUAGE) parts.push(unknown);
    else {
      // 'pt' also keeps 'pt-BR': a language with its regional variants.
      parts.push(`(${column} = ? COLLATE NOCASE OR ${column} LIKE ?)`);
      params.push(tag, `${tag}-%`);
    }
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

const inList = (column: string, values: readonly Param[]): Where => ({ sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] });

/** The filters that pick accounts: account, platform, region and an account's queue. */
function accountFilters(f: ReportFilters, account: string): Where[] {
  const out: Where[] = [];
  if (f.accountIds) out.push(inList(account, f.accountIds));
  if (f.queue?.startsWith('account:')) out.push(inList(account, [f.queue.slice('account:'.length)]));
  if (f.platforms) {
    const w = inList('platform', f.platforms);
    out.push({ sql: `${account} IN (SELECT id FROM accounts WHERE ${w.sql})`, params: w.params });
  }
  if (f.regions) {
    const w = inList('region', f.regions);
    out.push({ sql: `${account} IN (SELECT id FROM accounts WHERE ${w.sql})`, params: w.params });
  }
  return out;
}

/** Filters that need a row's language (the language filter, a language's queue). */
const filtersLanguage = (f: ReportFilters): boolean => f.languages !== undefined || f.queue?.startsWith('language:') === true;

/** The filters every table shares: the accounts', language, and the queue's language/urgency. */
function commonWhere(f: ReportFilters, cols: { account: string; language: string; unknownLanguage: string; priority: string | null }): Where[] {
  const out = accountFilters(f, cols.account);
  if (f.languages) out.push(languageClause(cols.language, f.languages, cols.unknownLanguage));
  if (f.queue?.startsWith('language:')) out.push(languageClause(cols.language, [f.queue.slice('language:'.length)], cols.unknownLanguage));
  if (f.queue === 'urgent' && cols.priority) out.push({ sql: `${cols.priority} = 'urgent'`, params: [] });
  return out;
}

const join = (parts: Where[]): Where => ({ sql: parts.map((p) => ` AND ${p.sql}`).join(''), params: parts.flatMap((p) => p.params) });

export function eventWhere(f: ReportFilters): Where {
  const parts = commonWhere(f, { account: 'e.account_id', language: 'e.language', unknownLanguage: 'e.language IS NULL', priority: 'e.priority' });
  if (f.agentIds) parts.push(inList('e.agent_id', f.agentIds));
  if (f.shiftRegions) parts.push(inList('e.shift_region', f.shiftRegions));
  return join(parts);
}

/** The same filters on a rollup of events (report_event_days, report_event_months): '' where an event has NULL. */
export function rollupWhere(f: ReportFilters): Where {
  const parts = commonWhere(f, { account: 'r.account_id', language: 'r.language', unknownLanguage: "r.language = ''", priority: 'r.priority' });
  if (f.agentIds) parts.push(inList('r.agent_id', f.agentIds));
  if (f.shiftRegions) parts.push(inList('r.shift_region', f.shiftRegions));
  return join(parts);
}

export const messageCountWhere = (f: ReportFilters): Where =>
  join(commonWhere(f, { account: 'r.account_id', language: 'r.language', unknownLanguage: "r.language = ''", priority: null }));

/** report_account_quarter_hours answers account-level filters only. */
export const accountQuarterHourWhere = (f: ReportFilters): Where => join(accountFilters(f, 'r.account_id'));

export const conversationWhere = (f: ReportFilters): Where =>
  join(commonWhere(f, { account: 'c.account_id', language: 'c.language', unknownLanguage: 'c.language IS NULL', priority: 'c.priority' }));

type RolledUpKind = 'first_response' | 'response' | 'resolution' | 'reopen' | 'sla_breach' | 'survey_answer';

/**
 * The events of kinds in [from, to) matching the filters, as rollup rows: whole UTC months and
 * days from the rollups, the hours at either end from the events themselves. Every count and sum
 * of a report reads this, so a year costs a few thousand rows, not millions of events.
 */
function eventRows(from: number, to: number, f: ReportFilters, kinds: readonly RolledUpKind[]): Where {
  const spans = periodSpans(from, to);
  const kindList = kinds.map(() => '?').join(', ');
  const rw = rollupWhere(f);
  const ew = eventWhere(f);
  const branches: Where[] = [
    ...spans.months.map(([a, b]) => ({
      sql: `SELECT ${ROLLUP_ROW_COLUMNS} FROM report_event_months r WHERE r.month >= ? AND r.month < ? AND r.kind IN (${kindList})${rw.sql}`,
      params: [a, b, ...kinds, ...rw.params],
    })),
    ...spans.days.map(([a, b]) => ({
      sql: `SELECT ${ROLLUP_ROW_COLUMNS} FROM report_event_days r WHERE r.day >= ? AND r.day < ? AND r.kind IN (${kindList})${rw.sql}`,
      params: [a, b, ...kinds, ...rw.params],
    })),
    ...spans.instants.map(([a, b]) => ({
      sql: `SELECT ${eventAsRollupRowSql('e')} FROM conversation_events e WHERE e.kind IN (${kindList}) AND e.at >= ? AND e.at < ?${ew.sql}`,
      params: [...kinds, a, b, ...ew.params],
    })),
  ];
  if (branches.length === 0) return { sql: `SELECT ${eventAsRollupRowSql('e')} FROM conversation_events e WHERE 0`, params: [] };
  return { sql: branches.map((b) => b.sql).join('\n UNION ALL '), params: branches.flatMap((b) => b.params) };
}

/** Above this many waits in a period, medians and p90s are estimated from every 8th conversation's (see migration 18's sample index). */
export const EXACT_WAITS_LIMIT = 100_000;
export const WAIT_SAMPLE_ONE_IN = 8;

/**
 * Adds (1) or takes back (-1) a conversation's start in report_account_quarter_hours, in its
 * quarter hour and account. For the writers of conversations (see migration 19 for why not a
 * trigger): the conversations repository, and the bench's bulk generator.
 */
export function backlogStartCounter(db: Db): (createdAt: number, accountId: string, delta: 1 | -1) => void {
  const stmt = db.prepare<[number, string, number]>(
    `INSERT INTO report_account_quarter_hours (bucket, account_id, inbound, backlog_delta) VALUES (?, ?, 0, ?)
     ON CONFLICT (bucket, account_id) DO UPDATE SET backlog_delta = backlog_delta + excluded.backlog_delta`,
  );
  return (createdAt, accountId, delta) => void stmt.run(Math.floor(createdAt / QUARTER_HOUR_MS), accountId, delta);
}

export interface OutcomeRow {
  policyId: string;
  target: 'first_response' | 'next_response' | 'resolution';
  met: number;
  late: number;
  alerts: number;
}

export function createReportRepo(db: Db, { exactWaitsLimit = EXACT_WAITS_LIMIT } = {}) {
  const cache = new Map<string, Statement<Param[]>>();
  const statement = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare<Param[]>(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const all = <T>(sql: string, params: Param[]): T[] => statement(sql).all(...params) as T[];
  const one = (sql: string, params: Param[]): number => (statement(sql).pluck(true).get(...params) as number | null) ?? 0;

  /** Inbound per quarter hour from the counts by language (any filter). */
  function inboundByQuarterHourAndLanguage(from: number, to: number, f: ReportFilters): { bucket: number; count: number }[] {
    const w = messageCountWhere(f);
    return all(
      `SELECT r.bucket AS bucket, SUM(r.messages) AS count FROM report_message_counts r
       WHERE r.direction = 'in' AND r.bucket >= ? AND r.bucket < ?${w.sql} GROUP BY r.bucket HAVING count > 0`,
      [Math.floor(from / QUARTER_HOUR_MS), Math.ceil(to / QUARTER_HOUR_MS), ...w.params],
    );
  }

  /** Inbound per quarter hour from the counts by account; not for language filters. */
  function inboundByAccountQuarterHour(from: number, to: number, f: ReportFilters): { bucket: number; count: number }[] {
    const w = accountQuarterHourWhere(f);
    return all(
      `SELECT r.bucket AS bucket, SUM(r.inbound) AS count FROM report_account_quarter_hours r
       WHERE r.bucket >= ? AND r.bucket < ?${w.sql} GROUP BY r.bucket HAVING count > 0`,
      [Math.floor(from / QUARTER_HOUR_MS), Math.ceil(to / QUARTER_HOUR_MS), ...w.params],
    );
  }

  /** Backlog changes in [from, to) counted from conversations and events (any filter). */
  function backlogChangesOfRows(from: number, to: number, f: ReportFilters): { bucket: number; delta: number }[] {
    const c = conversationWhere(f);
    const e = eventWhere({ ...f, agentIds: undefined, shiftRegions: undefined });
    return all(
      `SELECT bucket, SUM(delta) AS delta FROM (
         SELECT c.created_at / ${QUARTER_HOUR_MS} AS bucket, COUNT(*) AS delta FROM conversations c
         WHERE c.status <> 'listening' AND c.created_at >= ? AND c.created_at < ?${c.sql} GROUP BY 1
         UNION ALL
         SELECT e.at / ${QUARTER_HOUR_MS}, SUM(CASE e.kind WHEN 'resolution' THEN -1 ELSE 1 END) FROM conversation_events e
         WHERE e.kind IN ('resolution', 'reopen') AND e.at >= ? AND e.at < ?${e.sql} GROUP BY 1
       ) GROUP BY bucket HAVING SUM(delta) <> 0 ORDER BY bucket`,
      [from, to, ...c.params, from, to, ...e.params],
    );
  }

  /** Backlog changes from quarter hour `firstBucket` on, by account; not for language or urgency filters. */
  function backlogChangesByAccountQuarterHour(firstBucket: number, f: ReportFilters): { bucket: number; delta: number }[] {
    const w = accountQuarterHourWhere(f);
    return all(
      `SELECT r.bucket AS bucket, SUM(r.backlog_delta) AS delta FROM report_account_quarter_hours r
       WHERE r.bucket >= ?${w.sql} GROUP BY r.bucket HAVING delta <> 0 ORDER BY r.bucket`,
      [firstBucket, ...w.params],
    );
  }

  return {
    /**
     * Waits of responses or resolutions in [from, to): calendar and business time, one value per
     * event, or per event of every 8th conversation when the period holds more than
     * EXACT_WAITS_LIMIT (`count` is exact either way). Read as two single-column lists from a
     * covering index; moving rows into JavaScript is the cost, not the scan.
     */
    waits(kind: 'first_response' | 'response' | 'resolution', from: number, to: number, f: ReportFilters): { calendar: number[]; business: number[]; count: number; sampled: boolean } {
      const rows = eventRows(from, to, f, [kind]);
      const count = one(`SELECT SUM(waited) FROM (${rows.sql})`, rows.params);
      const sampled = count > exactWaitsLimit;
      const w = eventWhere(f);
      // The planner cannot tell the sample index holds an eighth of the rows: it is named.
      const source = sampled ? `conversation_events AS e INDEXED BY conversation_events_wait_sample` : 'conversation_events e';
      const sample = sampled ? ` AND e.conversation_id % ${WAIT_SAMPLE_ONE_IN} = 0` : '';
      const where = `FROM ${source} WHERE e.kind = ? AND e.at >= ? AND e.at < ? AND e.wait_ms IS NOT NULL${sample}${w.sql}`;
      const params = [kind, from, to, ...w.params];
      return {
        calendar: statement(`SELECT e.wait_ms ${where}`).pluck(true).all(...params) as number[],
        business: statement(`SELECT COALESCE(e.business_wait_ms, e.wait_ms) ${where}`).pluck(true).all(...params) as number[],
        count,
        sampled,
      };
    },
    countEvents(kind: 'resolution' | 'reopen', from: number, to: number, f: ReportFilters): number {
      const rows = eventRows(from, to, f, [kind]);
      return one(`SELECT SUM(events) FROM (${rows.sql})`, rows.params);
    },
    /** Conversations that started in [from, to) (listening hits not taken are not conversations yet). */
    created(from: number, to: number, f: ReportFilters): number {
      const w = conversationWhere(f);
      return one(`SELECT COUNT(*) FROM conversations c WHERE c.status <> 'listening' AND c.created_at >= ? AND c.created_at < ?${w.sql}`, [from, to, ...w.params]);
    },
    /** Per policy and target: responses/resolutions within and after it, and breach alerts. */
    outcomes(from: number, to: number, f: ReportFilters): OutcomeRow[] {
      const rows = eventRows(from, to, f, ['first_response', 'response', 'resolution', 'sla_breach']);
      return all<OutcomeRow>(
        `SELECT policy_id AS policyId, sla_target AS target, SUM(met) AS met, SUM(late) AS late,
                SUM(CASE WHEN kind = 'sla_breach' THEN events ELSE 0 END) AS alerts
         FROM (${rows.sql}) WHERE policy_id <> '' AND sla_target <> ''
         GROUP BY policy_id, sla_target HAVING SUM(events) > 0 ORDER BY policy_id, sla_target`,
        rows.params,
      );
    },
    /**
     * Inbound messages per UTC quarter hour (those with any), from the quarter hours of each
     * account unless the filters need the language.
     */
    inboundByQuarterHour(from: number, to: number, f: ReportFilters): { bucket: number; count: number }[] {
      return filtersLanguage(f) ? inboundByQuarterHourAndLanguage(from, to, f) : inboundByAccountQuarterHour(from, to, f);
    },
    /**
     * Messages and sentiment per account, language and direction in [from, to): whole UTC days
     * from the daily counts, the partial days at either end from the quarter-hour counts. Each
     * part is summed before the join (a year is ~25k daily rows; joining them first cost 2.5x).
     */
    messageTotals(from: number, to: number, f: ReportFilters) {
      const w = messageCountWhere(f);
      const firstDay = Math.ceil(from / DAY_MS);
      const endDay = Math.max(firstDay, Math.floor(to / DAY_MS));
      const q = (ms: number) => Math.floor(ms / QUARTER_HOUR_MS);
      const qEnd = (ms: number) => Math.ceil(ms / QUARTER_HOUR_MS);
      // [from, first midnight) and [last midnight, to) in quarter hours; the whole period when it has no whole day.
      const edges: [number, number][] = firstDay < endDay ? [[q(from), firstDay * 96], [endDay * 96, qEnd(to)]] : [[q(from), qEnd(to)]];
      return all<{ accountId: string; platform: string; region: string | null; language: string; direction: 'in' | 'out'; messages: number; negative: number; neutral: number; positive: number }>(
        `SELECT t.account_id AS accountId, a.platform, a.region, t.language, t.direction, SUM(t.messages) AS messages,
                SUM(t.negative) AS negative, SUM(t.neutral) AS neutral, SUM(t.positive) AS positive
         FROM (
           SELECT r.account_id, r.language, r.direction, SUM(r.messages) AS messages, SUM(r.negative) AS negative, SUM(r.neutral) AS neutral,
                  SUM(r.positive) AS positive
           FROM report_message_days r WHERE r.day >= ? AND r.day < ?${w.sql} GROUP BY 1, 2, 3
           UNION ALL
           SELECT r.account_id, r.language, r.direction, SUM(r.messages), SUM(r.negative), SUM(r.neutral), SUM(r.positive) FROM report_message_counts r
           WHERE ((r.bucket >= ? AND r.bucket < ?) OR (r.bucket >= ? AND r.bucket < ?))${w.sql} GROUP BY 1, 2, 3
         ) t JOIN accounts a ON a.id = t.account_id
         GROUP BY t.account_id, t.language, t.direction`,
        [firstDay, firstDay < endDay ? endDay : firstDay, ...w.params, edges[0]![0], edges[0]![1], edges[1]?.[0] ?? 0, edges[1]?.[1] ?? 0, ...w.params],
      );
    },
    /** Conversations open now (matching the filters). */
    openNow(f: ReportFilters): number {
      const w = conversationWhere(f);
      return one(`SELECT COUNT(*) FROM conversations c WHERE c.status = 'open'${w.sql}`, w.params);
    },
    /**
     * Backlog changes at or after `from` per quarter hour (those that are not zero, in time
     * order): conversations started, resolutions, reopens. From the quarter hours of each account
     * unless the filters need the language or the priority.
     */
    backlogChanges(from: number, f: ReportFilters): { bucket: number; delta: number }[] {
      if (filtersLanguage(f) || f.queue === 'urgent') return backlogChangesOfRows(from, Number.MAX_SAFE_INTEGER, f);
      const firstWhole = Math.ceil(from / QUARTER_HOUR_MS);
      // A `from` inside a quarter hour: that quarter hour's part from `from` on, counted row by row.
      const head = from % QUARTER_HOUR_MS === 0 ? [] : backlogChangesOfRows(from, firstWhole * QUARTER_HOUR_MS, f);
      return [...head, ...backlogChangesByAccountQuarterHour(firstWhole, f)];
    },
    /** Per agent: conversations taken on (first replied in), replies, resolutions, total and average handle time. */
    agentTotals(from: number, to: number, f: ReportFilters) {
      const rows = eventRows(from, to, f, ['first_response', 'response', 'resolution']);
      return all<{ agentId: string; name: string | null; conversations: number; replies: number; resolutions: number; handleTimeMs: number; handleAverageMs: number | null }>(
        `SELECT agent_id AS agentId, (SELECT name FROM agents WHERE id = agent_id) AS name, SUM(first_replies) AS conversations,
                SUM(CASE WHEN kind = 'resolution' THEN 0 ELSE events END) AS replies, SUM(CASE WHEN kind = 'resolution' THEN events ELSE 0 END) AS resolutions,
                SUM(handle_ms) AS handleTimeMs, CASE WHEN SUM(handled) > 0 THEN CAST(SUM(handle_ms) AS REAL) / SUM(handled) END AS handleAverageMs
         FROM (${rows.sql}) WHERE agent_id <> ''
         GROUP BY agent_id HAVING SUM(events) > 0 ORDER BY replies DESC, agent_id`,
        rows.params,
      );
    },
    surveyScores(from: number, to: number, f: ReportFilters): { kind: 'csat' | 'nps'; score: number; count: number }[] {
      const rows = eventRows(from, to, f, ['survey_answer']);
      return all(`SELECT survey_kind AS kind, score, SUM(events) AS count FROM (${rows.sql}) GROUP BY 1, 2 HAVING SUM(events) > 0`, rows.params);
    },
    inboundByQuarterHourAndLanguage,
    inboundByAccountQuarterHour,
    backlogChangesOfRows,
    backlogChangesByAccountQuarterHour,
    policyNames: (): Map<string, string> => new Map(all<{ id: string; name: string }>('SELECT id, name FROM sla_policies', []).map((p) => [p.id, p.name])),
  };
}

export type ReportRepo = ReturnType<typeof createReportRepo>;
