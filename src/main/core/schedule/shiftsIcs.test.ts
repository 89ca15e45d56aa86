// The iCalendar export read back by an independent parser (node-ical): every occurrence over
// eight months, through the clock changes of six zones, at the same instants as expandShifts.
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { Shift } from '@shared/schedule';
import { expandShifts } from '@shared/schedule/occurrences';
import { shiftsToIcs } from './shiftsIcs';

const base: Omit<Shift, 'id' | 'timeZone' | 'startDate' | 'start'> = {
  agentId: 'a1',
  durationMinutes: 480,
  rrule: null,
  exceptions: [],
  region: null,
  note: null,
  version: 1,
  updatedAt: Date.UTC(2026, 0, 1),
};

const shifts: Shift[] = [
  { ...base, id: 'riga', timeZone: 'Europe/Riga', startDate: '2026-03-02', start: '09:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', exceptions: ['2026-03-30', '2026-06-24'], region: 'EMEA', note: 'Front line; holidays excepted' },
  { ...base, id: 'new-york-night', timeZone: 'America/New_York', startDate: '2026-03-01', start: '22:00', rrule: 'FREQ=DAILY' },
  { ...base, id: 'lord-howe', timeZone: 'Australia/Lord_Howe', startDate: '2026-03-01', start: '02:10', durationMinutes: 120, rrule: 'FREQ=DAILY' },
  { ...base, id: 'santiago-night', timeZone: 'America/Santiago', startDate: '2026-03-01', start: '20:00', rrule: 'FREQ=DAILY;UNTIL=20261031' },
  { ...base, id: 'santiago-midnight', timeZone: 'America/Santiago', startDate: '2026-09-06', start: '00:00', durationMinutes: 360, rrule: 'FREQ=WEEKLY;COUNT=4' },
  { ...base, id: 'chatham', timeZone: 'Pacific/Chatham', startDate: '2026-03-02', start: '08:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=100' },
  { ...base, id: 'kolkata-rotation', timeZone: 'Asia/Kolkata', startDate: '2026-03-03', start: '11:30', rrule: 'FREQ=DAILY;INTERVAL=8;UNTIL=20260901' },
  { ...base, id: 'riga-until-utc', timeZone: 'Europe/Riga', startDate: '2026-03-20', start: '21:00', rrule: 'FREQ=DAILY;UNTIL=20260415T180000Z' },
  { ...base, id: 'berlin-once', timeZone: 'Europe/Berlin', startDate: '2026-03-29', start: '01:30', durationMinutes: 240 },
];

const from = Date.UTC(2026, 2, 1);
const to = Date.UTC(2026, 10, 1);

describe('shifts as iCalendar', () => {
  const text = shiftsToIcs(shifts, { name: 'Team shifts', summary: (s) => `Sam: ${s.id}`, now: from });

  it('carries one VTIMEZONE per zone used, and each pattern in its own zone', () => {
    for (const zone of new Set(shifts.map((s) => s.timeZone))) {
      expect(text).toContain(`TZID:${zone}\r\n`);
      expect(text.split(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`)).toHaveLength(2);
    }
    expect(text).toContain('DTSTART;TZID=Europe/Riga:20260302T090000');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(text).toContain('EXDATE;TZID=Europe/Riga:20260330T090000,20260624T090000');
    expect(text).toMatch(/RRULE:FREQ=DAILY;UNTIL=20261101T\d{6}Z/);
  });

  it('parsed back by node-ical, every occurrence has the instants expandShifts gives', () => {
    const parsed = ical.sync.parseICS(text);
    const fromIcs: string[] = [];
    for (const component of Object.values(parsed)) {
      if (!component || component.type !== 'VEVENT') continue;
      for (const instance of ical.expandRecurringEvent(component, { from: new Date(from), to: new Date(to), expandOngoing: true })) {
        const start = instance.start.getTime();
        const end = instance.end.getTime();
        if (end > from && start < to) fromIcs.push(`${component.uid.replace(/-first$/, '')} ${new Date(start).toISOString()} → ${new Date(end).toISOString()}`);
      }
    }
    const expected = expandShifts(shifts, from, to).map((o) => `${o.shiftId} ${new Date(o.start).toISOString()} → ${new Date(o.end).toISOString()}`);
    expect(expected.length).toBeGreaterThan(700);
    expect(fromIcs.sort()).toEqual(expected.sort());
  });
});
