// Migration 18's rollups against the events themselves: every count and sum a report reads from
// months, days and the hours at either end equals the same figure computed from the events, for
// many periods and filters, before and after conversations are deleted; waits of long periods
// come from every 8th conversation with the count still exact.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportFilters } from '@shared/reports/types';
import { generateYear } from '../../../../test/bench/reports';
import { tempDir } from '../../../../test/support/coreFixtures';
import { openDatabase, type Db } from '../db/database';
import { createReportRepo, eventWhere } from '../repos/reports';
import { durationStats } from '@shared/reports/figures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

function replica(): Db {
  const db = openDatabase(join(tempDir(), 'rollups.sqlite'));
  generateYear(db, 25_000, 11);
  // Replies by a second agent in every 7th conversation, some before the first agent's.
  db.exec(`INSERT INTO conversation_events (kind, at, conversation_id, account_id, platform, language, priority, agent_id, shift_region, wait_ms, handle_ms, policy_id, sla_target, sla_met)
           SELECT 'response', at + (id % 3 - 1) * 600000, conversation_id, account_id, platform, language, priority, 'agent-' || ((CAST(substr(agent_id, 7) AS INTEGER) + 5) % 12), 'APAC', 90000, NULL, policy_id, 'next_response', id % 2
           FROM conversation_events WHERE kind = 'first_response' AND conversation_id % 7 = 0`);
  return db;
}

/** The same figures straight from conversation_events, as the reads did before the rollups. */
function fromEvents(db: Db, from: number, to: number, f: ReportFilters) {
  const w = eventWhere(f);
  const q = (sql: string) => db.prepare(sql).raw().all(from, to, ...w.params) as unknown[][];
  return {
    outcomes: q(`SELECT policy_id, sla_target, SUM(kind <> 'sla_breach' AND sla_met = 1), SUM(kind <> 'sla_breach' AND sla_met = 0), SUM(kind = 'sla_breach')
                 FROM conversation_events e WHERE kind IN ('first_response', 'response', 'resolution', 'sla_breach') AND at >= ? AND at < ?
                   AND policy_id IS NOT NULL AND sla_target IS NOT NULL${w.sql} GROUP BY 1, 2 ORDER BY 1, 2`),
    agents: q(`SELECT agent_id, SUM(agent_first_reply), SUM(kind <> 'resolution'), SUM(kind = 'resolution'), COALESCE(SUM(handle_ms), 0), AVG(handle_ms)
               FROM conversation_events e WHERE kind IN ('first_response', 'response', 'resolution') AND at >= ? AND at < ? AND agent_id IS NOT NULL${w.sql}
               GROUP BY agent_id ORDER BY 3 DESC, agent_id`).map((row) => [...row.slice(0, 5), round(row[5] as number | null)]),
    surveys: q(`SELECT survey_kind, score, COUNT(*) FROM conversation_events e WHERE kind = 'survey_answer' AND at >= ? AND at < ?${w.sql} GROUP BY 1, 2 ORDER BY 1, 2`),
    resolutions: q(`SELECT COUNT(*) FROM conversation_events e WHERE kind = 'resolution' AND at >= ? AND at < ?${w.sql}`)[0]![0],
    firstWaits: q(`SELECT COUNT(*) FROM conversation_events e WHERE kind = 'first_response' AND wait_ms IS NOT NULL AND at >= ? AND at < ?${w.sql}`)[0]![0],
  };
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1e3) / 1e3);

function fromRollups(db: Db, from: number, to: number, f: ReportFilters) {
  const r = createReportRepo(db);
  return {
    outcomes: r.outcomes(from, to, f).map((o) => [o.policyId, o.target, o.met, o.late, o.alerts]),
    agents: r.agentTotals(from, to, f).map((a) => [a.agentId, a.conversations, a.replies, a.resolutions, a.handleTimeMs, round(a.handleAverageMs)]),
    surveys: r
      .surveyScores(from, to, f)
      .map((s) => [s.kind, s.score, s.count])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])),
    resolutions: r.countEvents('resolution', from, to, f),
    firstWaits: r.waits('first_response', from, to, f).count,
  };
}

const FILTERS: ReportFilters[] = [
  {},
  { accountIds: ['acc-ig'] },
  { regions: ['EMEA'] },
  { platforms: ['x'] },
  { languages: ['en'] },
  { languages: ['pt', 'und'] },
  { agentIds: ['agent-3', 'agent-8'] },
  { shiftRegions: ['APAC'] },
  { queue: 'urgent' },
  { queue: 'language:de', regions: ['AMER'] },
];

function periods(): [number, number][] {
  let seed = 5;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const fixed: [number, number][] = [365, 90, 30, 7, 1].map((days) => [NOW - days * DAY, NOW]);
  const loose = Array.from({ length: 12 }, (): [number, number] => {
    const from = NOW - 380 * DAY + Math.floor(random() * 370 * DAY);
    return [from, Math.min(NOW, from + Math.floor(random() * 200 * DAY) + 1)];
  });
  return [...fixed, ...loose];
}

describe('report rollups (migration 18)', () => {
  const db = replica();

  it("flags each agent's first reply in a conversation, and only that one", () => {
    const replies = db.prepare("SELECT id, conversation_id AS c, agent_id AS a, agent_first_reply AS flag FROM conversation_events WHERE kind IN ('first_response', 'response') ORDER BY id").all() as { id: number; c: number; a: string; flag: number }[];
    const seen = new Set<string>();
    const expected = replies.map((r) => (seen.has(`${r.c} ${r.a}`) ? 0 : (seen.add(`${r.c} ${r.a}`), 1)));
    expect(replies.map((r) => r.flag)).toEqual(expected);
    expect(replies.filter((r) => r.flag === 0).length).toBeGreaterThan(1000);
  });

  it('give the figures the events give, for every period and filter', () => {
    for (const [from, to] of periods()) for (const f of FILTERS) expect(fromRollups(db, from, to, f), `${new Date(from).toISOString()} – ${new Date(to).toISOString()} ${JSON.stringify(f)}`).toEqual(fromEvents(db, from, to, f));
  });

  it('stay exact when conversations and their events are deleted', () => {
    db.exec('DELETE FROM conversations WHERE id % 5 = 0');
    for (const [from, to] of periods().slice(0, 6)) for (const f of FILTERS.slice(0, 5)) expect(fromRollups(db, from, to, f)).toEqual(fromEvents(db, from, to, f));
  });

  it('read months and days by their keys', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT SUM(events) FROM report_event_months r WHERE r.month >= 1 AND r.month < 2 AND r.kind IN ('resolution')`).all() as { detail: string }[])
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH r USING PRIMARY KEY \(month>\? AND month<\?\)/);
  });

  it('estimate medians and p90s of long periods from every 8th conversation, with the count exact', () => {
    const repo = createReportRepo(db, { exactWaitsLimit: 1000 });
    const from = NOW - 365 * DAY;
    const sampled = repo.waits('first_response', from, NOW, {});
    const exact = createReportRepo(db).waits('first_response', from, NOW, {});
    expect(sampled.sampled).toBe(true);
    expect(exact.sampled).toBe(false);
    expect(sampled.count).toBe(exact.count);
    expect(sampled.calendar.length).toBeGreaterThan(exact.count / 10);
    expect(sampled.calendar.length).toBeLessThan(exact.count / 6);
    const [estimate, truth] = [durationStats(sampled.calendar), durationStats(exact.calendar)];
    expect(Math.abs(estimate.medianMs! / truth.medianMs! - 1)).toBeLessThan(0.1);
    // About 500 sampled waits here: p90's standard error is near 8 %; the bench measures a busy year's.
    expect(Math.abs(estimate.p90Ms! / truth.p90Ms! - 1)).toBeLessThan(0.25);
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT e.wait_ms FROM conversation_events AS e INDEXED BY conversation_events_wait_sample WHERE e.kind = ? AND e.at >= ? AND e.at < ? AND e.wait_ms IS NOT NULL AND e.conversation_id % 8 = 0 AND e.account_id IN (SELECT id FROM accounts WHERE region IN (?))`)
        .all('first_response', from, NOW, 'EMEA') as { detail: string }[]
    )
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/USING COVERING INDEX conversation_events_wait_sample/);
  });
});
