// Coverage from the replica's own history, on a real SQLite file: inbound messages of the last
// weeks up to now, bucketed in the viewer's zone, against this week's shifts and the lead's target.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methods } from '@shared/contract';
import type { ChangesEvent } from '@shared/domain';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import type { AgentProfile, Shift } from '@shared/schedule';
import { DEFAULT_COVERAGE_TARGET } from '@shared/schedule/coverage';
import { ACCOUNT_ID, SELF_ID, inbound, makeRepos, manualClock, tempDir } from '../../../../test/support/coreFixtures';
import { EventBus } from '../events';
import { ingestPage } from '../sync/ingest';
import { CoverageService } from './coverageService';
import { ScheduleService } from './scheduleService';

const at = (iso: string) => Date.parse(iso);
const timeZone = 'Asia/Kolkata';
// Thursday 12 March 2026, 15:30 in Kolkata, in the week that starts on Monday 9 March.
const NOW = at('2026-03-12T15:30+05:30');

const profiles: AgentProfile[] = [
  { agentId: SELF_ID, timeZone: 'Europe/Riga', languages: ['en'], skills: [], queues: ['all'], capacity: 10, version: 0 },
  { agentId: 'agent-2', timeZone: 'Asia/Kolkata', languages: ['hi'], skills: [], queues: ['all'], capacity: 10, version: 0 },
];
const shift = (id: string, agentId: string, startDate: string, start: string, durationMinutes: number, region: string): Shift => ({
  id,
  agentId,
  timeZone,
  startDate,
  start,
  durationMinutes,
  rrule: null,
  exceptions: [],
  region,
  note: null,
  version: 0,
  updatedAt: 0,
});

function setUp() {
  const repos = makeRepos(join(tempDir(), 'shiftdesk.sqlite'));
  const events = new EventBus();
  const changes: ChangesEvent[] = [];
  const clock = manualClock(NOW);
  // The real schedule: profiles and shifts stored, occurrences expanded by it.
  const schedule = new ScheduleService({ repos, clock, events });
  profiles.forEach((p) => schedule.saveProfile(p));
  // 12:00-14:00 Kolkata on Monday this week, and one last week (outside the week staffed).
  schedule.saveShift(shift('s1', SELF_ID, '2026-03-09', '12:00', 120, 'EMEA'));
  schedule.saveShift(shift('s2', SELF_ID, '2026-03-02', '12:00', 120, 'EMEA'));
  schedule.saveShift(shift('s3', 'agent-2', '2026-03-09', '13:30', 90, 'APAC'));
  events.on('changes', (e) => changes.push(e));
  const staffing = { occurrences: (from: number, to: number) => schedule.occurrences(from, to), profiles: () => repos.schedule.profiles() };
  const coverage = new CoverageService({ repos, clock, events, staffing });
  const messages = [
    ...Array.from({ length: 3 }, () => inbound({ createdAt: at('2026-03-02T13:10+05:30'), language: 'en' })),
    inbound({ createdAt: at('2026-03-09T13:50+05:30'), language: 'en' }),
    inbound({ createdAt: at('2026-03-02T14:05+05:30'), language: 'hi' }),
    // Outside the two weeks up to now: just before them, and after now.
    inbound({ createdAt: at('2026-02-26T15:29+05:30'), language: 'en' }),
    inbound({ createdAt: at('2026-03-12T15:30+05:30'), language: 'en' }),
    // Our own answer is not demand.
    { ...inbound({ createdAt: at('2026-03-02T13:20+05:30'), language: 'en' }), direction: 'out' as const },
  ];
  ingestPage(repos, ACCOUNT_ID, messages, null, DEFAULT_SLA_POLICIES, NOW);
  return { repos, coverage, changes };
}

describe('coverage service', () => {
  it('sets the average demand of the last weeks beside this week’s shifts', () => {
    const { coverage } = setUp();
    const report = coverage.report({ timeZone, weeks: 2 });
    expect(report.weekStart).toBe(at('2026-03-09T00:00+05:30'));
    expect(report.historyFrom).toBe(at('2026-02-26T15:30+05:30'));
    expect(report.historyTo).toBe(NOW);
    expect(report.target).toBe(DEFAULT_COVERAGE_TARGET);
    expect(report.targetIsDefault).toBe(true);
    // 13h: (3 + 1) en / 2 weeks = 2 messages; ana all hour, agent-2 from 13:30: 1.5 agent-hours.
    expect(report.buckets[13]).toMatchObject({ demand: 2, staffed: 1.5 });
    // 14h: 1 hi / 2 weeks = 0.5; agent-2 until 15:00: 1.
    expect(report.buckets[14]).toMatchObject({ demand: 0.5, staffed: 1 });
    expect(report.buckets[12]).toMatchObject({ demand: 0, staffed: 1 });
    expect(report.buckets.reduce((sum, b) => sum + b.demand, 0)).toBe(2.5);
    expect(report.segments).toEqual({ languages: ['en', 'hi'], regions: ['APAC', 'EMEA'] });

    const hindi = coverage.report({ timeZone, weeks: 2, segment: { kind: 'language', language: 'hi' } });
    expect(hindi.buckets[13]).toMatchObject({ demand: 0, staffed: 0.5 });
    expect(hindi.buckets[14]).toMatchObject({ demand: 0.5, staffed: 1 });
  });

  it('lets a lead set the target, and only a lead', () => {
    const { repos, coverage, changes } = setUp();
    expect(() => coverage.setTarget(2)).toThrow('Only a lead can set the coverage target');
    repos.workspace.setAgentPreferences(SELF_ID, { role: 'lead', workingCalendarId: null, quietUntil: null });
    expect(coverage.setTarget(2)).toBe(2);
    expect(changes).toEqual([{ tables: ['coverage'], conversationIds: [] }]);
    const report = coverage.report({ timeZone, weeks: 2 });
    expect(report).toMatchObject({ target: 2, targetIsDefault: false });
    // 13h: required 2 / 2 = 1, staffed 1.5: half an agent spare, ok. 14h: required 0.25, staffed 1: ok.
    expect(report.buckets[13]).toMatchObject({ required: 1, gap: -0.5, status: 'ok' });
    expect(() => coverage.setTarget(0)).toThrow();
    expect(coverage.report({ timeZone, weeks: 2 }).target).toBe(2);
  });

  it('refuses a zone that does not exist and bad input at the contract, with a clear error', () => {
    const { coverage } = setUp();
    expect(() => coverage.report({ timeZone: 'Mars/Olympus', weeks: 2 })).toThrow("'Mars/Olympus' is not a time zone");
    expect(methods.getCoverage.input.safeParse({ timeZone, weeks: 0 }).success).toBe(false);
    expect(methods.getCoverage.input.safeParse({ timeZone, weeks: 4, segment: { kind: 'language', language: 'not a tag' } }).success).toBe(false);
    expect(methods.setCoverageTarget.input.safeParse({ messagesPerAgentHour: -1 }).success).toBe(false);
    expect(methods.setCoverageTarget.input.safeParse({ messagesPerAgentHour: 7.5 }).success).toBe(true);
  });
});
