// Reports at scale (#8): a year of a busy brand generated straight into an on-disk replica (the
// real schema: migrations, indexes and the message-count triggers all on), then getReport timed
// for the periods a dashboard shows. Generation is bulk SQL (prepared INSERTs, 50k rows per
// transaction), not ingestPage: the point is the size of the history, not how it arrived.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SLA_POLICIES } from '../../src/shared/sla';
import { reportQuerySchema, type ReportFilters } from '../../src/shared/reports/types';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createRepos } from '../../src/main/core/repos';
import { backlogStartCounter, createReportRepo } from '../../src/main/core/repos/reports';
import { durationStats } from '../../src/shared/reports/figures';
import { ReportService } from '../../src/main/core/reports/reportService';
import { EventBus } from '../../src/main/core/events';
import { fmt, nowMs, summarize, thousands, timeWallCpu } from './stats';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The bench's "now" (as in bench.ts). */
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
export const REPORT_GOAL_MS = 1000;

const ACCOUNTS = [
  { id: 'acc-x', platform: 'x', region: 'AMER', weight: 4 },
  { id: 'acc-ig', platform: 'instagram', region: 'EMEA', weight: 3 },
  { id: 'acc-fb', platform: 'facebook', region: 'APAC', weight: 2 },
  { id: 'acc-mail', platform: 'email', region: 'EMEA', weight: 1 },
] as const;
const LANGUAGES = ['en', 'en', 'en', 'es', 'pt-BR', 'de', 'fr', 'ja', 'lv', null] as const;
const AGENTS = Array.from({ length: 12 }, (_, i) => ({ id: `agent-${i}`, region: ['EMEA', 'AMER', 'APAC'][i % 3]! }));
const SENTIMENTS = ['negative', 'neutral', 'neutral', 'positive', null] as const;
/** Share of the day's traffic per UTC hour (a follow-the-sun brand: busier in the EU/US day). */
const HOURLY = [2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8, 8, 8, 7, 7, 6, 5, 4, 3, 3, 2];
const MESSAGES_PER_CONVERSATION = 5;

/** Deterministic PRNG (mulberry32), so runs compare. */
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

export interface ReportBenchResult {
  messages: number;
  conversations: number;
  events: number;
  generateS: number;
  fileMb: number;
  /** Wall and CPU milliseconds (median of the runs): CPU time is what other work on the machine does not move. */
  timings: Record<string, { p50: number; max: number; cpuP50: number }>;
  /** A year's sampled median and p90 (calendar time) against the exact ones, as fractions. */
  sampleErrors: { kind: string; sampled: boolean; medianError: number; p90Error: number }[];
}

/** Writes `messages` messages (5 per conversation) over the year before NOW. */
export function generateYear(db: Db, messages: number, seed = 7): { conversations: number; events: number } {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lognormal = (medianMs: number, sigma: number) => medianMs * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
  const repos = createRepos(db);
  db.transaction(() => {
    for (const a of ACCOUNTS) {
      repos.workspace.addAccount({ id: a.id, platform: a.platform, name: a.id, handle: `@${a.id}`, role: 'support', connector: 'bench' }, NOW);
      repos.workspace.setAccountRegion(a.id, a.region);
    }
    repos.workspace.addAgent({ id: 'agent-self', name: 'Desk', timeZone: 'Europe/Riga', isSelf: true }, NOW);
    for (const agent of AGENTS) repos.workspace.addAgent({ id: agent.id, name: agent.id, timeZone: 'UTC', isSelf: false }, NOW);
    DEFAULT_SLA_POLICIES.forEach((p) => repos.sla.savePolicy(p));
  })();
  const insertCustomer = db.prepare('INSERT INTO customers (id, account_id, platform_id, handle, display_name, language, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, account_id, platform_id, kind, customer_id, status, priority, language, assignee_id, created_at, last_message_at,
                                first_responded_at, last_responded_at, due_at, policy_id)
     VALUES (?, ?, ?, 'mention', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'social')`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (conversation_id, account_id, platform_id, direction, customer_id, agent_id, body, language, created_at, status, sentiment_label)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO conversation_events (kind, at, conversation_id, account_id, platform, language, priority, agent_id, shift_region, message_id,
                                      wait_ms, business_wait_ms, handle_ms, from_agent_id, policy_id, sla_target, sla_met, survey_kind, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Written as the conversations repository does: conversations' starts count in the backlog.
  const countBacklogStart = backlogStartCounter(db);
  const conversations = Math.round(messages / MESSAGES_PER_CONVERSATION);
  const weights = ACCOUNTS.flatMap((a) => Array.from({ length: a.weight }, () => a));
  const hourTotal = HOURLY.reduce((a, b) => a + b, 0);
  const start = NOW - 365 * DAY;
  let events = 0;
  let customer = 0;
  const BATCH = 10_000;
  for (let from = 0; from < conversations; from += BATCH) {
    db.transaction(() => {
      for (let id = from + 1; id <= Math.min(conversations, from + BATCH); id++) {
        // Conversations in time order (as a real replica fills), with the hourly pattern.
        const day = Math.floor(((id - 1) / conversations) * 365);
        let u = random() * hourTotal;
        let hour = 0;
        while ((u -= HOURLY[hour]!) > 0 && hour < 23) hour++;
        const t0 = start + day * DAY + hour * HOUR + Math.floor(random() * HOUR);
        const account = pick(weights);
        const language = pick(LANGUAGES);
        const agent = pick(AGENTS);
        const priority = random() < 0.05 ? 'urgent' : 'normal';
        if (id === 1 || random() < 0.35) {
          customer++;
          insertCustomer.run(customer, account.id, `cust-${customer}`, `cust${customer}`, `Customer ${customer}`, language, t0);
        }
        const firstWait = Math.round(lognormal(25 * MIN, 1));
        const nextWait = Math.round(lognormal(40 * MIN, 1));
        const t1 = t0 + firstWait;
        const t2 = t1 + Math.round(lognormal(30 * MIN, 0.8));
        const t3 = t2 + nextWait;
        const t4 = t3 + Math.round(lognormal(20 * MIN, 0.8));
        const resolved = t4 + HOUR < NOW && random() < 0.92;
        const resolvedAt = t4 + Math.round(lognormal(HOUR, 0.5));
        insertConversation.run(id, account.id, `conv-${id}`, customer, resolved ? 'resolved' : 'open', priority, language, agent.id, t0, t4, t1, t3, resolved ? Number.MAX_SAFE_INTEGER : t4 + HOUR);
        countBacklogStart(t0, account.id, 1);
        const body = `Message about booking ${id} and a question that needs an answer`;
        const common = [id, account.id, account.platform, language, priority] as const;
        const msg = (n: number, dir: 'in' | 'out', at: number) =>
          Number(insertMessage.run(id, account.id, `m-${id}-${n}`, dir, dir === 'in' ? customer : null, dir === 'out' ? agent.id : null, body, dir === 'in' ? language : null, at, dir === 'in' ? 'received' : 'sent', dir === 'in' ? pick(SENTIMENTS) : null).lastInsertRowid);
        msg(0, 'in', t0);
        insertEvent.run('assignment', t0 + MIN, ...common, agent.id, agent.region, null, null, null, null, null, null, null, null, null, null);
        const m1 = msg(1, 'out', t1);
        insertEvent.run('first_response', t1, ...common, agent.id, agent.region, m1, firstWait, Math.round(firstWait * 0.8), Math.min(firstWait, 30 * MIN), null, 'social', 'first_response', firstWait <= HOUR ? 1 : 0, null, null);
        msg(2, 'in', t2);
        const m3 = msg(3, 'out', t3);
        insertEvent.run('response', t3, ...common, agent.id, agent.region, m3, nextWait, Math.round(nextWait * 0.8), Math.min(nextWait, 30 * MIN), null, 'social', 'next_response', nextWait <= 2 * HOUR ? 1 : 0, null, null);
        msg(4, 'in', t4);
        events += 3;
        if (firstWait > HOUR) {
          insertEvent.run('sla_breach', t0 + HOUR, ...common, agent.id, agent.region, null, HOUR, null, null, null, 'social', 'first_response', null, null, null);
          events++;
        }
        if (resolved) {
          insertEvent.run('resolution', resolvedAt, ...common, agent.id, agent.region, null, resolvedAt - t0, Math.round((resolvedAt - t0) * 0.7), null, null, 'social', null, null, null, null);
          events++;
          if (random() < 0.15) {
            const nps = random() < 0.4;
            insertEvent.run('survey_answer', resolvedAt + HOUR, ...common, agent.id, agent.region, null, null, null, null, null, null, null, null, nps ? 'nps' : 'csat', nps ? Math.floor(random() * 11) : 1 + Math.floor(random() * 5));
            events++;
          }
        }
      }
    })();
  }
  return { conversations, events };
}

const fileMb = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1e6;

/** How far a year's sampled medians and p90s (calendar time) are from the exact ones. */
function sampledWaitErrors(db: Db, service: ReportService): ReportBenchResult['sampleErrors'] {
  const query = reportQuerySchema.parse({ from: NOW - 365 * DAY, to: NOW, timeZone: 'UTC' });
  const report = service.report(query);
  const exact = createReportRepo(db, { exactWaitsLimit: Number.POSITIVE_INFINITY });
  const off = (a: number | null, b: number | null) => (a === null || b === null ? 0 : Math.abs(a / b - 1));
  return (
    [
      ['first_response', report.firstResponse],
      ['response', report.nextResponse],
      ['resolution', report.resolution.time],
    ] as const
  ).map(([kind, figures]) => {
    const truth = durationStats(exact.waits(kind, query.from, query.to, {}).calendar);
    return { kind, sampled: figures.calendar.estimated, medianError: off(figures.calendar.medianMs, truth.medianMs), p90Error: off(figures.calendar.p90Ms, truth.p90Ms) };
  });
}

/** Generates the year and times getReport per dashboard period (a warm-up, then `runs` timed calls each). */
export function benchReports(messages: number, log: (line: string) => void, runs = 5): ReportBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-bench-reports-'));
  const db = openDatabase(join(dir, 'reports.sqlite'));
  try {
    const started = nowMs();
    const { conversations, events } = generateYear(db, messages);
    db.pragma('optimize');
    const generateS = (nowMs() - started) / 1000;
    const mb = fileMb(dir);
    log(`   ${thousands(messages)} messages, ${thousands(conversations)} conversations, ${thousands(events)} events over a year; generated in ${generateS.toFixed(1)} s; replica ${mb.toFixed(0)} MB`);
    const service = new ReportService({ repos: createRepos(db), clock: { now: () => NOW }, events: new EventBus() });
    const cases: [string, number, ReportFilters, boolean][] = [
      ['last 7 days', 7, {}, false],
      ['last 7 days + previous', 7, {}, true],
      ['last 30 days', 30, {}, false],
      ['last 30 days, EMEA, en', 30, { regions: ['EMEA'], languages: ['en'] }, false],
      ['last 30 days, one agent', 30, { agentIds: ['agent-3'] }, false],
      ['last 90 days', 90, {}, false],
      ['last 365 days', 365, {}, false],
    ];
    const timings: ReportBenchResult['timings'] = {};
    for (const [name, days, filters, compare] of cases) {
      const query = reportQuerySchema.parse({ from: NOW - days * DAY, to: NOW, timeZone: 'America/New_York', filters, compare });
      service.report(query);
      const samples = Array.from({ length: runs }, () => timeWallCpu(() => service.report(query)));
      const s = summarize(samples.map((x) => x.ms));
      const cpu = summarize(samples.map((x) => x.cpuMs));
      timings[name] = { p50: s.p50, max: s.max, cpuP50: cpu.p50 };
      log(
        `   ${name.padEnd(30)} p50 ${fmt(s.p50, 1).padStart(8)} ms  max ${fmt(s.max, 1).padStart(8)} ms  cpu p50 ${fmt(cpu.p50, 1).padStart(8)} ms ${s.p50 <= REPORT_GOAL_MS ? '' : `(over ${REPORT_GOAL_MS} ms)`}`,
      );
    }
    const sampleErrors = sampledWaitErrors(db, service);
    for (const e of sampleErrors) log(`   ${`sampled ${e.kind}`.padEnd(30)} ${e.sampled ? `median off by ${fmt(e.medianError * 100, 2)} %, p90 by ${fmt(e.p90Error * 100, 2)} %` : 'exact (under the sampling limit)'}`);
    return { messages, conversations, events, generateS, fileMb: mb, timings, sampleErrors };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
