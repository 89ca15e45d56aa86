// The schedule on a real SQLite file: shifts, profiles and time off checked, versioned, kept
// across a reopening, read by window through their indexes, and announced as changes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '@shared/businessHours';
import type { ChangesEvent } from '@shared/domain';
import type { AgentProfile, Shift, TimeOff } from '@shared/schedule';
import { openDatabase } from '../db/database';
import { EventBus } from '../events';
import { createRepos } from '../repos';
import { makeRepos, manualClock, SELF_ID, T0, tempDir } from '../../../../test/support/coreFixtures';
import { createTranslator } from '../i18n/translator';
import { ScheduleService } from './scheduleService';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

const rigaWeekdays: Shift = {
  id: 'shift-riga',
  agentId: SELF_ID,
  timeZone: 'europe/riga',
  startDate: '2026-11-02',
  start: '09:00',
  durationMinutes: 480,
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  exceptions: ['2026-11-25'],
  region: 'EMEA',
  note: null,
  version: 0,
  updatedAt: 0,
};
const tokyoNights: Shift = { ...rigaWeekdays, id: 'shift-tokyo', agentId: 'agent-2', timeZone: 'Asia/Tokyo', start: '22:00', rrule: 'FREQ=DAILY;COUNT=5', exceptions: [], region: 'APAC' };

function service(path: string) {
  const repos = makeRepos(path);
  const events = new EventBus();
  const changes: ChangesEvent[] = [];
  events.on('changes', (e) => changes.push(e));
  const clock = manualClock();
  return { repos, changes, clock, schedule: new ScheduleService({ repos, clock, events }) };
}

describe('ScheduleService', () => {
  it('saves shifts with canonical zones and versions, and serves a window after reopening', () => {
    const path = join(tempDir(), 'shiftdesk.sqlite');
    const { repos, schedule, changes } = service(path);
    const saved = schedule.saveShift(rigaWeekdays);
    expect(saved).toMatchObject({ timeZone: 'Europe/Riga', version: 1, updatedAt: T0 });
    schedule.saveShift(tokyoNights);
    expect(changes).toEqual([
      { tables: ['schedule'], conversationIds: [] },
      { tables: ['schedule'], conversationIds: [] },
    ]);
    repos.db.close();

    const reopened = new ScheduleService({ repos: createRepos(openDatabase(path)), clock: manualClock(), events: new EventBus() });
    // Monday 23 Nov – Friday 27 Nov 2026 (T0 is Monday 09:00 UTC).
    const week = reopened.schedule(at('2026-11-23T00:00:00Z'), at('2026-11-28T00:00:00Z'));
    expect(week.occurrences.map((o) => o.localDate)).toEqual(['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']);
    // Five Tokyo nights from 2 Nov are over before this window: the pattern is not even read.
    expect(week.shifts.map((s) => s.id)).toEqual(['shift-riga']);
    const early = reopened.schedule(at('2026-11-06T00:00:00Z'), at('2026-11-08T00:00:00Z'));
    expect(early.occurrences.map((o) => `${o.shiftId} ${o.localDate}`)).toEqual(['shift-riga 2026-11-06', 'shift-tokyo 2026-11-06']);
  });

  it('refuses a stale version, an unknown agent, a bad zone, date or rule, keeping what was saved', () => {
    const { schedule, changes } = service(join(tempDir(), 'shiftdesk.sqlite'));
    const saved = schedule.saveShift(rigaWeekdays);
    expect(schedule.saveShift({ ...saved, start: '10:00' }).version).toBe(2);
    expect(() => schedule.saveShift({ ...saved, start: '11:00' })).toThrow(/Shift shift-riga was changed elsewhere \(version 2, this edit is of version 1\)/);
    expect(() => schedule.saveShift({ ...rigaWeekdays, id: 'x', agentId: 'nobody' })).toThrow('Agent nobody was not found');
    expect(() => schedule.saveShift({ ...rigaWeekdays, id: 'x', timeZone: 'Riga' })).toThrow('"Riga" is not an IANA time zone');
    expect(() => schedule.saveShift({ ...rigaWeekdays, id: 'x', startDate: '2026-02-30' })).toThrow('2026-02-30 is not a date');
    expect(() => schedule.saveShift({ ...rigaWeekdays, id: 'x', rrule: 'FREQ=WEEKLY;BYDAY=MONDAY' })).toThrow(/BYDAY must be weekdays like MO,WE,FR/);
    expect(() => schedule.saveShift({ ...rigaWeekdays, id: 'x', rrule: 'FREQ=DAILY;UNTIL=20260101' })).toThrow(/ends before the first shift/);
    expect(() => schedule.saveShift({ ...rigaWeekdays, id: 'x', start: '25:00' })).toThrow(/HH:MM/);
    expect(changes).toHaveLength(2);
    const week = schedule.schedule(at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z'));
    expect(week.shifts).toEqual([{ ...rigaWeekdays, timeZone: 'Europe/Riga', start: '10:00', version: 2, updatedAt: T0 }]);
  });

  it('time off cuts occurrences; conflicts include short rest across the window edge', () => {
    const { schedule } = service(join(tempDir(), 'shiftdesk.sqlite'));
    schedule.saveShift(rigaWeekdays);
    // A late shift on Sunday 22 Nov (outside the window) leaves too little rest before Monday.
    schedule.saveShift({ ...rigaWeekdays, id: 'sunday-late', startDate: '2026-11-22', start: '23:00', durationMinutes: 120, rrule: null, exceptions: [] });
    const off: TimeOff = { id: 'off-1', agentId: SELF_ID, start: at('2026-11-24T00:00:00+02:00'), end: at('2026-11-25T00:00:00+02:00'), reason: 'Dentist', version: 0 };
    expect(schedule.saveTimeOff(off).version).toBe(1);
    expect(() => schedule.saveTimeOff({ ...off, id: 'off-2', end: off.start })).toThrow(/time off must end after it starts/);
    const week = schedule.schedule(at('2026-11-23T00:00:00Z'), at('2026-11-28T00:00:00Z'));
    expect(week.timeOff.map((t) => t.id)).toEqual(['off-1']);
    expect(week.occurrences.filter((o) => o.agentId === SELF_ID).map((o) => o.localDate)).toEqual(['2026-11-23', '2026-11-26', '2026-11-27']);
    expect(week.conflicts.map((c) => [c.kind, c.occurrences.map((o) => o.localDate)])).toEqual([['short-rest', ['2026-11-22', '2026-11-23']]]);
    schedule.removeTimeOff('off-1');
    expect(() => schedule.removeTimeOff('off-1')).toThrow('Time off off-1 was not found');
    expect(schedule.schedule(at('2026-11-24T00:00:00Z'), at('2026-11-25T00:00:00Z')).occurrences).toHaveLength(1);
  });

  it('profiles: checked, versioned, de-duplicated', () => {
    const { schedule } = service(join(tempDir(), 'shiftdesk.sqlite'));
    const profile: AgentProfile = { agentId: 'agent-2', timeZone: 'Asia/Tokyo', languages: ['ja', 'en', 'ja'], skills: ['billing'], queues: ['all'], capacity: 8, version: 0 };
    expect(schedule.saveProfile(profile)).toEqual({ ...profile, languages: ['ja', 'en'], version: 1 });
    expect(() => schedule.saveProfile({ ...profile, version: 0 })).toThrow(/changed elsewhere/);
    expect(() => schedule.saveProfile({ ...profile, agentId: 'nobody' })).toThrow('Agent nobody was not found');
    expect(() => schedule.saveProfile({ ...profile, version: 1, timeZone: 'Nowhere/City' })).toThrow(/not an IANA time zone/);
    expect(schedule.schedule(T0, T0 + DAY).profiles).toEqual([{ ...profile, languages: ['ja', 'en'], version: 1 }]);
  });

  it('who is on shift now and next; removing a shift', () => {
    const { schedule, clock } = service(join(tempDir(), 'shiftdesk.sqlite'));
    schedule.saveShift(rigaWeekdays);
    schedule.saveShift({ ...tokyoNights, startDate: '2026-11-23', rrule: 'FREQ=DAILY' });
    clock.set(at('2026-11-23T08:00:00Z'));
    expect(schedule.onShift()).toEqual({
      now: [{ agentId: SELF_ID, end: at('2026-11-23T17:00:00+02:00') }],
      next: [{ agentId: 'agent-2', start: at('2026-11-23T22:00:00+09:00') }],
    });
    expect(schedule.hasShifts(SELF_ID)).toBe(true);
    expect(schedule.isOnShift(SELF_ID, at('2026-11-23T08:00:00Z'))).toBe(true);
    expect(schedule.isOnShift(SELF_ID, at('2026-11-23T16:00:00Z'))).toBe(false);
    schedule.removeShift('shift-riga');
    expect(() => schedule.removeShift('shift-riga')).toThrow('Shift shift-riga was not found');
    expect(schedule.hasShifts(SELF_ID)).toBe(false);
    expect(schedule.onShift().now).toEqual([]);
  });

  it('a removal leaves a tombstone for a later team sync (id, the next version, when); saving the id again lifts it', () => {
    const { schedule, repos, clock } = service(join(tempDir(), 'shiftdesk.sqlite'));
    const saved = schedule.saveShift(rigaWeekdays);
    schedule.saveShift({ ...saved, note: 'moved', version: saved.version });
    clock.set(T0 + 60_000);
    schedule.removeShift('shift-riga');
    expect(repos.schedule.deletedSince(T0)).toEqual([{ kind: 'shift', id: 'shift-riga', version: 3, deletedAt: T0 + 60_000 }]);
    expect(repos.schedule.deletedSince(T0 + 60_001)).toEqual([]);
    schedule.saveShift({ ...rigaWeekdays, version: 0 });
    expect(repos.schedule.deletedSince(0)).toEqual([]);
  });

  it('isWorking: shifts decide for an agent with shifts (time off counted), working hours for the others', () => {
    const { schedule } = service(join(tempDir(), 'shiftdesk.sqlite'));
    const officeHours = businessCalendarSchema.parse({ zone: 'Europe/Riga', weekly: { mon: [{ start: '08:00', end: '12:00' }] } });
    const mondayAt = (time: string) => at(`2026-11-23T${time}:00+02:00`);
    // No shifts: the calendar, or always working without one.
    expect(schedule.isWorking(SELF_ID, mondayAt('09:00'), officeHours)).toBe(true);
    expect(schedule.isWorking(SELF_ID, mondayAt('13:00'), officeHours)).toBe(false);
    expect(schedule.isWorking(SELF_ID, mondayAt('23:00'), null)).toBe(true);
    // With shifts (09:00–17:00 weekdays), the calendar no longer counts.
    schedule.saveShift(rigaWeekdays);
    expect(schedule.isWorking(SELF_ID, mondayAt('08:30'), officeHours)).toBe(false);
    expect(schedule.isWorking(SELF_ID, mondayAt('13:00'), officeHours)).toBe(true);
    expect(schedule.isWorking(SELF_ID, mondayAt('17:00'), null)).toBe(false);
    schedule.saveTimeOff({ id: 'off', agentId: SELF_ID, start: mondayAt('12:00'), end: mondayAt('14:00'), reason: null, version: 0 });
    expect(schedule.isWorking(SELF_ID, mondayAt('13:00'), officeHours)).toBe(false);
    expect(schedule.isWorking(SELF_ID, mondayAt('14:00'), officeHours)).toBe(true);
    // Another agent's shifts change nothing for this one.
    expect(schedule.isWorking('agent-2', mondayAt('23:00'), null)).toBe(true);
    // Shifts that ended (a past schedule) hand routing back to the working hours.
    schedule.saveShift({ ...tokyoNights, agentId: 'agent-2' });
    expect(schedule.isWorking('agent-2', mondayAt('23:00'), officeHours)).toBe(false);
    expect(schedule.isWorking('agent-2', at('2026-11-30T09:00:00+02:00'), officeHours)).toBe(true);
    expect(schedule.isWorking('agent-2', at('2026-11-05T23:00:00+09:00'), officeHours)).toBe(true);
  });

  it('exports one agent or the team as iCalendar, titled in the agent language', () => {
    const { schedule } = service(join(tempDir(), 'shiftdesk.sqlite'));
    schedule.saveShift(rigaWeekdays);
    schedule.saveShift(tokyoNights);
    const t = createTranslator('en');
    const mine = schedule.exportIcs(SELF_ID, t);
    expect(mine).toContain('X-WR-CALNAME:Shifts: Sam Agent');
    expect(mine).toContain('SUMMARY:Sam Agent: shift (EMEA)');
    expect(mine).toContain('TZID:Europe/Riga');
    expect(mine).not.toContain('Asia/Tokyo');
    const team = schedule.exportIcs(null, t);
    expect(team).toContain('X-WR-CALNAME:Team shifts');
    expect(team).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo');
    expect(() => schedule.exportIcs('nobody', t)).toThrow('Agent nobody was not found');
  });

  it('imports time off from .ics as whole local days in the agent zone, once, and refuses a broken file whole', () => {
    const { schedule, changes } = service(join(tempDir(), 'shiftdesk.sqlite'));
    schedule.saveShift(rigaWeekdays);
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261124',
      'DTEND;VALUE=DATE:20261126',
      'SUMMARY:Winter break',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261126',
      'SUMMARY:Moving day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20261201T100000Z',
      'DTEND:20261201T120000Z',
      'SUMMARY:Dentist',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(schedule.importTimeOffIcs(SELF_ID, ics)).toEqual({ imported: 2 });
    const week = schedule.schedule(at('2026-11-23T00:00:00Z'), at('2026-12-05T00:00:00Z'));
    expect(week.timeOff.map((t) => [new Date(t.start).toISOString(), new Date(t.end).toISOString(), t.reason])).toEqual([
      ['2026-11-23T22:00:00.000Z', '2026-11-26T22:00:00.000Z', 'Winter break / Moving day'],
      ['2026-11-30T22:00:00.000Z', '2026-12-01T22:00:00.000Z', 'Dentist'],
    ]);
    expect(week.occurrences.map((o) => o.localDate)).toEqual(['2026-11-23', '2026-11-27', '2026-11-30', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(schedule.importTimeOffIcs(SELF_ID, ics)).toEqual({ imported: 0 });
    const changesBefore = changes.length;
    expect(() => schedule.importTimeOffIcs(SELF_ID, ics.replace('DTSTART:20261201T100000Z', 'DTSTART:2026120'))).toThrow(/Line \d+: DTSTART: expected a date/);
    expect(() => schedule.importTimeOffIcs('nobody', ics)).toThrow('Agent nobody was not found');
    expect(changes).toHaveLength(changesBefore);
  });

  it('refuses an empty or too long window', () => {
    const { schedule } = service(':memory:');
    expect(() => schedule.schedule(T0, T0)).toThrow('must end after it starts');
    expect(() => schedule.schedule(T0, T0 + 401 * DAY)).toThrow('at most 400 days');
    expect(schedule.schedule(T0, T0 + HOUR).occurrences).toEqual([]);
  });

  it('serves windows through the indexes', () => {
    const { repos } = service(':memory:');
    const plan = (sql: string) => (repos.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan("SELECT * FROM shifts WHERE start_date <= '2026-12-01' AND (last_date IS NULL OR last_date >= '2026-11-01')")).toMatch(/USING INDEX shifts_window/);
    expect(plan('SELECT * FROM time_off WHERE end_at > 1 AND start_at < 2')).toMatch(/USING INDEX time_off_window/);
    expect(plan("SELECT 1 FROM shifts WHERE agent_id = 'a' AND (last_date IS NULL OR last_date >= '2026-11-01')")).toMatch(/USING INDEX shifts_agent/);
  });
});
