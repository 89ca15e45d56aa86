// The demo schedule on a real SQLite file: written once, the self agent on shift from the first
// start, teammates covering every weekday hour in winter and summer time, one deliberate conflict.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../events';
import { ScheduleService } from '../schedule/scheduleService';
import { makeRepos, manualClock, SELF_ID, tempDir } from '../../../../test/support/coreFixtures';
import { seedDemoSchedule } from './demoSchedule';
import { setUpDemo } from './demoWorkspace';

const HOUR = 3_600_000;
const DAY = 86_400_000;

function demo(now: number) {
  const dir = tempDir();
  const repos = makeRepos(join(dir, 'shiftdesk.sqlite'), now);
  const clock = manualClock(now);
  setUpDemo(repos, dir, clock, { ratePerMinute: 0 }).close();
  return { repos, clock, schedule: new ScheduleService({ repos, clock, events: new EventBus() }) };
}

describe('demo schedule', () => {
  it.each([
    ['winter', Date.parse('2026-11-25T13:17:00Z')],
    ['summer', Date.parse('2026-07-08T02:45:00Z')],
  ])('%s: the self agent is on shift now; the team covers every weekday hour; Jonas rests too little before Saturday', (_season, now) => {
    const { schedule } = demo(now);
    expect(schedule.onShift(now).now.map((n) => n.agentId)).toContain(SELF_ID);

    // Monday 00:00 UTC to Friday 21:00 UTC of the week around `now`, every half hour.
    const monday = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY - (now % DAY);
    const week = schedule.schedule(monday - DAY, monday + 7 * DAY);
    const team = week.occurrences.filter((o) => o.agentId !== SELF_ID);
    for (let at = monday; at < monday + 4 * DAY + 21 * HOUR; at += HOUR / 2) {
      expect(team.some((o) => o.start <= at && at < o.end), new Date(at).toISOString()).toBe(true);
    }
    expect(week.conflicts.map((c) => [c.kind, c.agentId, c.occurrences.map((o) => o.shiftId)])).toContainEqual([
      'short-rest',
      'demo-agent-jonas',
      ['demo-shift-jonas', 'demo-shift-jonas-saturday'],
    ]);
    expect(week.conflicts.every((c) => c.kind === 'short-rest' && c.agentId === 'demo-agent-jonas')).toBe(true);
    expect(week.profiles.map((p) => p.agentId).sort()).toEqual([SELF_ID, 'demo-agent-aiko', 'demo-agent-jonas', 'demo-agent-laura', 'demo-agent-priya'].sort());
  });

  it('is written only on the first start: removed shifts stay removed', () => {
    const now = Date.parse('2026-11-25T13:17:00Z');
    const { repos, schedule } = demo(now);
    schedule.removeShift('demo-shift-jonas-saturday');
    seedDemoSchedule(repos, now + DAY);
    expect(repos.schedule.shift('demo-shift-jonas-saturday')).toBeNull();
    expect(repos.schedule.allShifts()).toHaveLength(5);
  });
});
