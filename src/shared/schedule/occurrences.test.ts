import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Shift, ShiftOccurrence, TimeOff } from '../schedule';
import { findConflicts } from './conflicts';
import { expandShifts, lastLocalDate, onShiftAt, onShiftSummary } from './occurrences';
import { parseShiftRule, shiftRuleError } from './shiftRule';

const HOUR = 3_600_000;

/** UTC ms of an ISO instant with an explicit offset, e.g. '2026-03-08T01:30-05:00'. */
const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
/** The local wall clock and offset of an instant, e.g. '2026-03-09T10:00+03:00'. */
const local = (zone: string, utcMs: number) =>
  Temporal.Instant.fromEpochMilliseconds(utcMs).toZonedDateTimeISO(zone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
const span = (o: ShiftOccurrence) => `${local(o.timeZone, o.start)} → ${local(o.timeZone, o.end)}`;

function shift(overrides: Partial<Shift> & Pick<Shift, 'timeZone' | 'startDate' | 'start'>): Shift {
  return { id: 's1', agentId: 'a1', durationMinutes: 480, rrule: null, exceptions: [], region: null, note: null, version: 1, updatedAt: 0, ...overrides };
}

describe('expandShifts keeps local wall-clock times across DST', () => {
  it('Europe/Riga: a 09:00–17:00 weekday shift stays 09:00–17:00 across spring forward and fall back', () => {
    const riga = shift({ timeZone: 'Europe/Riga', startDate: '2026-03-23', start: '09:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' });
    const spring = expandShifts([riga], ms('2026-03-27T00:00+02:00'), ms('2026-04-01T00:00+03:00'));
    expect(spring.map(span)).toEqual([
      '2026-03-27T09:00+02:00 → 2026-03-27T17:00+02:00',
      '2026-03-30T09:00+03:00 → 2026-03-30T17:00+03:00',
      '2026-03-31T09:00+03:00 → 2026-03-31T17:00+03:00',
    ]);
    const autumn = expandShifts([riga], ms('2026-10-23T00:00+03:00'), ms('2026-10-27T00:00+02:00'));
    expect(autumn.map(span)).toEqual(['2026-10-23T09:00+03:00 → 2026-10-23T17:00+03:00', '2026-10-26T09:00+02:00 → 2026-10-26T17:00+02:00']);
    expect(autumn.every((o) => o.end - o.start === 8 * HOUR)).toBe(true);
  });

  it('America/New_York: a night shift crossing midnight and a transition ends at its local end (7 h in spring, 9 h in autumn)', () => {
    const night = shift({ timeZone: 'America/New_York', startDate: '2026-03-01', start: '22:00', durationMinutes: 480, rrule: 'FREQ=DAILY' });
    const [before, across, after] = expandShifts([night], ms('2026-03-07T12:00-05:00'), ms('2026-03-09T23:00-04:00'));
    expect([before, across, after].map((o) => span(o!))).toEqual([
      '2026-03-07T22:00-05:00 → 2026-03-08T06:00-04:00',
      '2026-03-08T22:00-04:00 → 2026-03-09T06:00-04:00',
      '2026-03-09T22:00-04:00 → 2026-03-10T06:00-04:00',
    ]);
    expect(before!.end - before!.start).toBe(7 * HOUR);
    expect(before!.localDate).toBe('2026-03-07');
    expect(before!.startMovedByDstGap).toBeUndefined();
    const [fallBack] = expandShifts([night], ms('2026-10-31T12:00-04:00'), ms('2026-10-31T23:00-04:00'));
    expect(span(fallBack!)).toBe('2026-10-31T22:00-04:00 → 2026-11-01T06:00-05:00');
    expect(fallBack!.end - fallBack!.start).toBe(9 * HOUR);
  });

  it('Australia/Lord_Howe: half-hour DST; a start inside the 30-minute gap moves forward and is flagged', () => {
    const day = shift({ timeZone: 'Australia/Lord_Howe', startDate: '2026-04-01', start: '09:00', rrule: 'FREQ=DAILY;COUNT=10' });
    const april = expandShifts([day], ms('2026-04-04T00:00+11:00'), ms('2026-04-06T00:00+10:30'));
    expect(april.map(span)).toEqual(['2026-04-04T09:00+11:00 → 2026-04-04T17:00+11:00', '2026-04-05T09:00+10:30 → 2026-04-05T17:00+10:30']);
    const early = shift({ id: 'gap', timeZone: 'Australia/Lord_Howe', startDate: '2026-10-04', start: '02:10', durationMinutes: 240 });
    const [moved] = expandShifts([early], ms('2026-10-03T00:00+10:30'), ms('2026-10-05T00:00+11:00'));
    expect(span(moved!)).toBe('2026-10-04T02:40+11:00 → 2026-10-04T06:10+11:00');
    expect(moved!.startMovedByDstGap).toBe(true);
    expect(findConflicts([moved!]).map((c) => c.kind)).toEqual(['dst-gap']);
  });

  it('Asia/Kolkata: +05:30 all year, the same instants in January and July', () => {
    const kolkata = shift({ timeZone: 'Asia/Kolkata', startDate: '2026-01-01', start: '09:30', rrule: 'FREQ=DAILY' });
    const [jan] = expandShifts([kolkata], ms('2026-01-15T00:00+05:30'), ms('2026-01-16T00:00+05:30'));
    const [jul] = expandShifts([kolkata], ms('2026-07-15T00:00+05:30'), ms('2026-07-16T00:00+05:30'));
    expect(new Date(jan!.start).toISOString()).toBe('2026-01-15T04:00:00.000Z');
    expect(new Date(jul!.start).toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('Pacific/Chatham: +12:45/+13:45, fall back in April and a start inside the September gap', () => {
    const chatham = shift({ timeZone: 'Pacific/Chatham', startDate: '2026-04-01', start: '08:00', rrule: 'FREQ=DAILY' });
    const april = expandShifts([chatham], ms('2026-04-04T00:00+13:45'), ms('2026-04-06T00:00+12:45'));
    expect(april.map(span)).toEqual(['2026-04-04T08:00+13:45 → 2026-04-04T16:00+13:45', '2026-04-05T08:00+12:45 → 2026-04-05T16:00+12:45']);
    const gap = shift({ id: 'gap', timeZone: 'Pacific/Chatham', startDate: '2026-09-27', start: '03:00', durationMinutes: 120 });
    const [moved] = expandShifts([gap], ms('2026-09-26T00:00+12:45'), ms('2026-09-28T00:00+13:45'));
    expect(span(moved!)).toBe('2026-09-27T04:00+13:45 → 2026-09-27T05:00+13:45');
    expect(moved!.startMovedByDstGap).toBe(true);
  });

  it('America/Santiago: a shift at the skipped midnight starts at 01:00; a night shift across the April fall back lasts 9 h', () => {
    const midnight = shift({ timeZone: 'America/Santiago', startDate: '2026-09-06', start: '00:00', durationMinutes: 360 });
    const [moved] = expandShifts([midnight], ms('2026-09-05T00:00-04:00'), ms('2026-09-07T00:00-03:00'));
    expect(span(moved!)).toBe('2026-09-06T01:00-03:00 → 2026-09-06T06:00-03:00');
    expect(moved!.startMovedByDstGap).toBe(true);
    const night = shift({ timeZone: 'America/Santiago', startDate: '2026-04-04', start: '20:00', durationMinutes: 480 });
    const [across] = expandShifts([night], ms('2026-04-04T00:00-03:00'), ms('2026-04-06T00:00-04:00'));
    expect(span(across!)).toBe('2026-04-04T20:00-03:00 → 2026-04-05T04:00-04:00');
    expect(across!.end - across!.start).toBe(9 * HOUR);
  });
});

describe('expandShifts patterns', () => {
  it('returns occurrences overlapping [from, to), including one that started before from', () => {
    const night = shift({ timeZone: 'UTC', startDate: '2026-05-01', start: '22:00', rrule: 'FREQ=DAILY' });
    const found = expandShifts([night], ms('2026-05-03T03:00Z'), ms('2026-05-03T22:00Z'));
    expect(found.map((o) => o.localDate)).toEqual(['2026-05-02']);
    expect(expandShifts([night], ms('2026-05-03T06:00Z'), ms('2026-05-03T22:00Z'))).toEqual([]);
  });

  it('skips exceptions and honours COUNT and UNTIL', () => {
    const weekly = shift({ timeZone: 'Europe/Riga', startDate: '2026-06-01', start: '09:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260615', exceptions: ['2026-06-03'] });
    expect(expandShifts([weekly], ms('2026-05-01T00:00Z'), ms('2026-07-01T00:00Z')).map((o) => o.localDate)).toEqual(['2026-06-01', '2026-06-08', '2026-06-10', '2026-06-15']);
    // An UNTIL in UTC is an instant: 06:00Z on 15 June is 09:00 in Riga, so that day's 09:00 start is the last.
    const utcUntil = { ...weekly, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260615T060000Z', exceptions: [] };
    expect(expandShifts([utcUntil], ms('2026-05-01T00:00Z'), ms('2026-07-01T00:00Z')).map((o) => o.localDate).at(-1)).toBe('2026-06-15');
    expect(lastLocalDate(utcUntil)).toBe('2026-06-15');
    const beforeStart = { ...utcUntil, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260615T055900Z' };
    expect(expandShifts([beforeStart], ms('2026-05-01T00:00Z'), ms('2026-07-01T00:00Z')).map((o) => o.localDate).at(-1)).toBe('2026-06-10');
    expect(lastLocalDate({ ...weekly, rrule: 'FREQ=DAILY' })).toBeNull();
    const counted = { ...weekly, rrule: 'FREQ=DAILY;COUNT=3', exceptions: [] };
    expect(expandShifts([counted], ms('2026-05-01T00:00Z'), ms('2026-07-01T00:00Z')).map((o) => o.localDate)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
  });

  it('a 4-on/4-off rotation: four daily patterns every 8 days, one per day of the block', () => {
    const rotation = [0, 1, 2, 3].map((i) =>
      shift({ id: `r${i}`, timeZone: 'Europe/Berlin', startDate: `2026-06-0${i + 1}`, start: '07:00', durationMinutes: 720, rrule: 'FREQ=DAILY;INTERVAL=8' }),
    );
    const dates = expandShifts(rotation, ms('2026-06-01T00:00+02:00'), ms('2026-06-17T00:00+02:00')).map((o) => o.localDate);
    expect(dates).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12']);
  });

  it('sorts several agents by start', () => {
    const a = shift({ id: 'a', agentId: 'priya', timeZone: 'Asia/Kolkata', startDate: '2026-06-01', start: '09:00' });
    const b = shift({ id: 'b', agentId: 'laura', timeZone: 'Europe/Riga', startDate: '2026-06-01', start: '09:00' });
    expect(expandShifts([b, a], ms('2026-06-01T00:00Z'), ms('2026-06-02T00:00Z')).map((o) => o.agentId)).toEqual(['priya', 'laura']);
  });

  it('time off removes the occurrences inside it and cuts those partly inside', () => {
    const weekly = shift({ timeZone: 'Europe/Riga', startDate: '2026-06-01', start: '09:00', rrule: 'FREQ=DAILY' });
    const timeOff: TimeOff[] = [
      { id: 't1', agentId: 'a1', start: ms('2026-06-02T00:00+03:00'), end: ms('2026-06-04T00:00+03:00'), reason: 'holiday', version: 1 },
      { id: 't2', agentId: 'a1', start: ms('2026-06-04T12:00+03:00'), end: ms('2026-06-04T13:00+03:00'), reason: 'doctor', version: 1 },
      { id: 't3', agentId: 'someone-else', start: ms('2026-06-01T00:00+03:00'), end: ms('2026-06-06T00:00+03:00'), reason: null, version: 1 },
    ];
    const found = expandShifts([weekly], ms('2026-06-01T00:00+03:00'), ms('2026-06-06T00:00+03:00'), timeOff);
    expect(found.map(span)).toEqual([
      '2026-06-01T09:00+03:00 → 2026-06-01T17:00+03:00',
      '2026-06-04T09:00+03:00 → 2026-06-04T12:00+03:00',
      '2026-06-04T13:00+03:00 → 2026-06-04T17:00+03:00',
      '2026-06-05T09:00+03:00 → 2026-06-05T17:00+03:00',
    ]);
  });

  it('rejects an invalid zone, date or rule with a message naming the shift', () => {
    const window = [ms('2026-06-01T00:00Z'), ms('2026-06-02T00:00Z')] as const;
    expect(() => expandShifts([shift({ timeZone: 'Mars/Olympus', startDate: '2026-06-01', start: '09:00' })], ...window)).toThrow(/Shift s1: "Mars\/Olympus" is not an IANA time zone/);
    expect(() => expandShifts([shift({ timeZone: 'UTC', startDate: '2026-02-30', start: '09:00' })], ...window)).toThrow(/Shift s1: 2026-02-30 09:00 is not a valid date/);
    expect(() => expandShifts([shift({ timeZone: 'UTC', startDate: '2026-06-01', start: '09:00', rrule: 'FREQ=DAILY;INTERVAL=x' })], ...window)).toThrow(
      /Shift s1: Recurrence rule "FREQ=DAILY;INTERVAL=x": INTERVAL must be a whole number/,
    );
  });
});

describe('shift rules', () => {
  it('accepts day-based rules, with or without the RRULE: prefix', () => {
    expect(parseShiftRule('RRULE:FREQ=WEEKLY;BYDAY=MO,TU;WKST=MO').freq).toBe(2);
    expect(shiftRuleError('FREQ=MONTHLY;BYDAY=1MO;COUNT=12')).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['garbage', /"garbage" is not NAME=VALUE/],
    ['BYDAY=MO', /FREQ is missing/],
    ['FREQ=HOURLY', /FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY/],
    ['FREQ=DAILY;BYHOUR=9', /BYHOUR is not allowed/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20260101', /COUNT or UNTIL, not both/],
    ['FREQ=DAILY;FREQ=WEEKLY', /FREQ appears twice/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY must be weekdays/],
    ['FREQ=DAILY;FOO=1', /FOO is not a supported part/],
  ])('rejects %j', (rule, message) => {
    expect(shiftRuleError(rule)).toMatch(message);
  });
});

describe('findConflicts', () => {
  const utc = (id: string, agentId: string, date: string, start: string, durationMinutes = 480) => shift({ id, agentId, timeZone: 'UTC', startDate: date, start, durationMinutes });
  const window = [ms('2026-06-01T00:00Z'), ms('2026-06-05T00:00Z')] as const;

  it('flags overlapping shifts and too little rest, per agent only', () => {
    const shifts = [
      utc('early', 'a1', '2026-06-01', '06:00'),
      utc('late', 'a1', '2026-06-01', '12:00'),
      utc('next', 'a1', '2026-06-02', '06:00'),
      utc('other', 'a2', '2026-06-01', '07:00'),
    ];
    const conflicts = findConflicts(expandShifts(shifts, ...window));
    expect(conflicts.map((c) => [c.kind, c.occurrences.map((o) => o.shiftId)])).toEqual([
      ['overlap', ['early', 'late']],
      ['short-rest', ['late', 'next']],
    ]);
    expect(conflicts[1]!.message).toMatch(/only 600 minutes of rest/);
    expect(findConflicts(expandShifts(shifts, ...window), [], { minRestMinutes: 600 }).map((c) => c.kind)).toEqual(['overlap']);
  });

  it('time off: a shift wholly inside is not a conflict, one partly inside is', () => {
    const shifts = [utc('monday', 'a1', '2026-06-01', '09:00'), utc('tuesday', 'a1', '2026-06-02', '09:00'), utc('wednesday', 'a1', '2026-06-03', '01:00')];
    const timeOff: TimeOff[] = [
      { id: 't1', agentId: 'a1', start: ms('2026-06-01T00:00Z'), end: ms('2026-06-02T00:00Z'), reason: null, version: 1 },
      { id: 't2', agentId: 'a1', start: ms('2026-06-02T15:00Z'), end: ms('2026-06-02T18:00Z'), reason: null, version: 1 },
    ];
    const conflicts = findConflicts(expandShifts(shifts, ...window), timeOff);
    expect(conflicts.map((c) => [c.kind, c.occurrences.map((o) => o.shiftId)])).toEqual([
      ['short-rest', ['tuesday', 'wednesday']],
      ['time-off', ['tuesday']],
    ]);
  });
});

describe('who is on shift', () => {
  const utc = (id: string, agentId: string, date: string, start: string, durationMinutes = 480) => shift({ id, agentId, timeZone: 'UTC', startDate: date, start, durationMinutes });
  const occurrences = expandShifts(
    [utc('p1', 'priya', '2026-06-01', '03:00'), utc('j1', 'jonas', '2026-06-01', '08:00'), utc('j2', 'jonas', '2026-06-01', '16:00', 120), utc('l1', 'laura', '2026-06-01', '14:00'), utc('l2', 'laura', '2026-06-02', '06:00')],
    ms('2026-06-01T00:00Z'),
    ms('2026-06-03T00:00Z'),
  );

  it('onShiftAt: start inclusive, end exclusive', () => {
    expect(onShiftAt(occurrences, ms('2026-06-01T08:00Z')).map((o) => o.shiftId)).toEqual(['p1', 'j1']);
    expect(onShiftAt(occurrences, ms('2026-06-01T11:00Z')).map((o) => o.shiftId)).toEqual(['j1']);
  });

  it('onShiftSummary: each agent on shift with the end of their unbroken stretch, and the others by their next start', () => {
    expect(onShiftSummary(occurrences, ms('2026-06-01T09:00Z'))).toEqual({
      now: [
        { agentId: 'priya', end: ms('2026-06-01T11:00Z') },
        { agentId: 'jonas', end: ms('2026-06-01T18:00Z') },
      ],
      next: [{ agentId: 'laura', start: ms('2026-06-01T14:00Z') }],
    });
    expect(onShiftSummary(occurrences, ms('2026-06-02T23:00Z'))).toEqual({ now: [], next: [] });
    expect(onShiftSummary(occurrences, ms('2026-06-01T23:00Z')).next).toEqual([{ agentId: 'laura', start: ms('2026-06-02T06:00Z') }]);
  });
});
