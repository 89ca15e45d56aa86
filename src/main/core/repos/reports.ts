// The reads behind reports (#8): conversation_events, report_message_counts and conversations
// for a period and filters. Filters change the WHERE clause, so statements are prepared once per
// distinct SQL text and kept (a handful of shapes in practice).
import { UNKNOWN_LANGUAGE } from '@shared/domain';
import type { ReportFilters } from '@shared/reports/types';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';

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

export const messageCountWhere = (f: ReportFilters): Where =>
  join(commonWhere(f, { account: 'r.account_id', language: 'r.language', unknownLanguage: "r.language = ''", priority: null }));

/** report_account_quarter_hours answers account-level filters only. */
export const accountQuarterHourWhere = (f: ReportFilters): Where => join(accountFilters(f, 'r.account_id'));

export const conversationWhere = (f: ReportFilters): Where =>
  join(commonWhere(f, { account: 'c.account_id', language: 'c.language', unknownLanguage: 'c.language IS NULL', priority: 'c.priority' }));

/**
 * Adds (1) or takes back (-1) a conversation's start in report_account_quarter_hours, in its
 * quarter hour and account. For the writers of conversations (see migration 18 for why not a
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

export function createReportRepo(db: Db) {
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
     * event. Read as two single-column lists (the covering index answers them without the table
     * when no filter needs it); moving rows into JavaScript is the cost, not the scan.
     */
    waits(kind: 'first_response' | 'response' | 'resolution', from: number, to: number, f: ReportFilters): { calendar: number[]; business: number[] } {
      const w = eventWhere(f);
      const where = `FROM conversation_events e WHERE e.kind = ? AND e.at >= ? AND e.at < ? AND e.wait_ms IS NOT NULL${w.sql}`;
      const params = [kind, from, to, ...w.params];
      return {
        calendar: statement(`SELECT e.wait_ms ${where}`).pluck(true).all(...params) as number[],
        business: statement(`SELECT COALESCE(e.business_wait_ms, e.wait_ms) ${where}`).pluck(true).all(...params) as number[],
      };
    },
    countEvents(kind: 'resolution' | 'reopen', from: number, to: number, f: ReportFilters): number {
      const w = eventWhere(f);
      return one(`SELECT COUNT(*) FROM conversation_events e WHERE e.kind = ? AND e.at >= ? AND e.at < ?${w.sql}`, [kind, from, to, ...w.params]);
    },
    /** Conversations that started in [from, to) (listening hits not taken are not conversations yet). */
    created(from: number, to: number, f: ReportFilters): number {
      const w = conversationWhere(f);
      return one(`SELECT COUNT(*) FROM conversations c WHERE c.status <> 'listening' AND c.created_at >= ? AND c.created_at < ?${w.sql}`, [from, to, ...w.params]);
    },
    /** Per policy and target: responses/resolutions within and after it, and breach alerts. */
    outcomes(from: number, to: number, f: ReportFilters): OutcomeRow[] {
      const w = eventWhere(f);
      return all<OutcomeRow>(
        `SELECT e.policy_id AS policyId, e.sla_target AS target,
                SUM(e.kind <> 'sla_breach' AND e.sla_met = 1) AS met, SUM(e.kind <> 'sla_breach' AND e.sla_met = 0) AS late,
                SUM(e.kind = 'sla_breach') AS alerts
         FROM conversation_events e
         WHERE e.kind IN ('first_response', 'response', 'resolution', 'sla_breach') AND e.at >= ? AND e.at < ?
           AND e.policy_id IS NOT NULL AND e.sla_target IS NOT NULL${w.sql}
         GROUP BY e.policy_id, e.sla_target ORDER BY e.policy_id, e.sla_target`,
        [from, to, ...w.params],
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
    /** Per agent: conversations replied in, replies, resolutions, total and average handle time. */
    agentTotals(from: number, to: number, f: ReportFilters) {
      const w = eventWhere(f);
      return all<{ agentId: string; name: string | null; conversations: number; replies: number; resolutions: number; handleTimeMs: number; handleAverageMs: number | null }>(
        `SELECT e.agent_id AS agentId, (SELECT name FROM agents WHERE id = e.agent_id) AS name,
                COUNT(DISTINCT CASE WHEN e.kind IN ('first_response', 'response') THEN e.conversation_id END) AS conversations,
                SUM(e.kind IN ('first_response', 'response')) AS replies, SUM(e.kind = 'resolution') AS resolutions,
                COALESCE(SUM(e.handle_ms), 0) AS handleTimeMs, AVG(e.handle_ms) AS handleAverageMs
         FROM conversation_events e
         WHERE e.kind IN ('first_response', 'response', 'resolution') AND e.at >= ? AND e.at < ? AND e.agent_id IS NOT NULL${w.sql}
         GROUP BY e.agent_id ORDER BY replies DESC, e.agent_id`,
        [from, to, ...w.params],
      );
    },
    surveyScores(from: number, to: number, f: ReportFilters): { kind: 'csat' | 'nps'; score: number; count: number }[] {
      const w = eventWhere(f);
      return all(
        `SELECT e.survey_kind AS kind, e.score, COUNT(*) AS count FROM conversation_events e
         WHERE e.kind = 'survey_answer' AND e.at >= ? AND e.at < ?${w.sql} GROUP BY 1, 2`,
        [from, to, ...w.params],
      );
    },
    inboundByQuarterHourAndLanguage,
    inboundByAccountQuarterHour,
    backlogChangesOfRows,
    backlogChangesByAccountQuarterHour,
    policyNames: (): Map<string, string> => new Map(all<{ id: string; name: string }>('SELECT id, name FROM sla_policies', []).map((p) => [p.id, p.name])),
  };
}

export type ReportRepo = ReturnType<typeof createReportRepo>;
