// Property tests of the business-hours maths against an independent oracle: a brute-force walk,
// one UTC minute at a time, that reads each minute's local wall clock from Intl.DateTimeFormat
// (no Temporal, no offsets arithmetic, no transitions) and checks it against the weekly hours.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  isOpen,
  nextOpenChange,
  WEEKDAYS,
  wallClockMinutes,
  type BusinessCalendar,
  type OpenInterval,
  type Weekday,
} from './businessHours';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const DAY = 86_400_000;
const ZONES = ['Europe/Riga', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'] as const;
const RUNS = 150;

// --- the oracle ------------------------------------------------------------------------------

interface WallClock {
  date: string;
  weekday: Weekday;
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const quarterCache = new Map<string, WallClock>();

function intlWallClock(zone: string, utcMs: number): WallClock {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: parts.weekday!.toLowerCase() as Weekday,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * The wall clock at a UTC quarter hour. Every offset of these zones is a whole number of quarter
 * hours and every change happens on a quarter hour, so the clock then runs minute by minute for
 * the next 15 minutes: checked here rather than assumed.
 */
function quarterWallClock(zone: string, quarterUtcMs: number): WallClock {
  const key = `${zone} ${quarterUtcMs}`;
  let clock = quarterCache.get(key);
  if (!clock) {
    clock = intlWallClock(zone, quarterUtcMs);
    const last = intlWallClock(zone, quarterUtcMs + 14 * MINUTE);
    if (clock.minuteOfDay % 15 !== 0 || last.date !== clock.date || last.minuteOfDay !== clock.minuteOfDay + 14) {
      throw new Error(`oracle: ${zone} does not run on quarter hours at ${new Date(quarterUtcMs).toISOString()}`);
    }
    quarterCache.set(key, clock);
  }
  return clock;
}

function oracleIsOpen(calendar: BusinessCalendar, holidays: ReadonlySet<string>, minuteUtcMs: number): boolean {
  const quarter = Math.floor(minuteUtcMs / QUARTER) * QUARTER;
  const clock = quarterWallClock(calendar.zone, quarter);
  if (holidays.has(clock.date)) return false;
  const minute = clock.minuteOfDay + (minuteUtcMs - quarter) / MINUTE;
  return calendar.weekly[clock.weekday].some((i) => wallClockMinutes(i.start) <= minute && minute < wallClockMinutes(i.end));
}

const holidaySet = (calendar: BusinessCalendar) => new Set(calendar.holidays.map((h) => h.date));

function oracleBetween(calendar: BusinessCalendar, from: number, to: number): number {
  const holidays = holidaySet(calendar);
  let open = 0;
  for (let m = from; m < to; m += MINUTE) if (oracleIsOpen(calendar, holidays, m)) open += MINUTE;
  return open;
}

function oracleAdd(calendar: BusinessCalendar, start: number, duration: number): number {
  if (duration === 0) return start;
  const holidays = holidaySet(calendar);
  let open = 0;
  for (let m = start; m < start + 400 * DAY; m += MINUTE) {
    if (oracleIsOpen(calendar, holidays, m)) {
      open += MINUTE;
      if (open === duration) return m + MINUTE;
    }
  }
  throw new Error('oracle: no deadline within 400 days');
}

// --- generators ------------------------------------------------------------------------------

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Interval boundaries, often in the small hours where the clocks change. */
const boundary = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: 1320, max: 1440 }),
  fc.constantFrom(0, 60, 90, 120, 150, 165, 180, 225, 240, 1380, 1440),
);

const dayHours: fc.Arbitrary<OpenInterval[]> = fc.array(boundary, { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const out: OpenInterval[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    if (sorted[i]! < sorted[i + 1]!) out.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  }
  return out;
});

const sparseWeek = fc
  .tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours)
  .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!])) as BusinessCalendar['weekly']);
/** Open around the clock, but for the hours of at most one day: the "open for good" shortcut. */
const fullWeek = fc.record({ day: fc.constantFrom(...WEEKDAYS), hours: fc.option(dayHours, { nil: undefined }) }).map(
  ({ day, hours }) =>
    Object.fromEntries(WEEKDAYS.map((d) => [d, d === day && hours ? hours : [{ start: '00:00', end: '24:00' }]])) as BusinessCalendar['weekly'],
);
const weeklyHours = fc.oneof({ weight: 6, arbitrary: sparseWeek }, { weight: 1, arbitrary: fullWeek });

const weeklyOpenMinutes = (weekly: BusinessCalendar['weekly']) =>
  WEEKDAYS.reduce((sum, d) => sum + weekly[d].reduce((s, i) => s + wallClockMinutes(i.end) - wallClockMinutes(i.start), 0), 0);

function transitions2026(zone: string): number[] {
  const out: number[] = [];
  let cursor = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone });
  for (let next = cursor.getTimeZoneTransition('next'); next && next.year === 2026; next = cursor.getTimeZoneTransition('next')) {
    out.push(next.epochMilliseconds);
    cursor = next;
  }
  return out;
}

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

/** Whole UTC minutes in 2026, half of them within three days of a clock change. */
function instantIn2026(zone: string): fc.Arbitrary<number> {
  const anywhere = fc.integer({ min: YEAR_START / MINUTE, max: YEAR_END / MINUTE - 1 }).map((m) => m * MINUTE);
  const transitions = transitions2026(zone);
  if (transitions.length === 0) return anywhere;
  const nearChange = fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 1440, max: 3 * 1440 }))
    .map(([t, offset]) => t + offset * MINUTE);
  return fc.oneof(anywhere, nearChange);
}

/** A calendar with holidays near `near` (a few local dates from two days before to five weeks after). */
function calendarNear(zone: string, near: number, requireOpen: boolean): fc.Arbitrary<BusinessCalendar> {
  const weekly = requireOpen ? weeklyHours.filter((w) => weeklyOpenMinutes(w) > 0) : weeklyHours;
  return fc.record({ weekly, holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 35 }), { maxLength: 6 }) }).map(({ weekly, holidayOffsets }) => {
    const base = new Date(near);
    const holidays = holidayOffsets.map((d) => ({
      date: new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + d)).toISOString().slice(0, 10),
      name: '',
    }));
    return { zone, alwaysOpen: false, weekly, holidays };
  });
}

const describeCalendar = (c: BusinessCalendar) =>
  JSON.stringify({ zone: c.zone, weekly: Object.fromEntries(WEEKDAYS.filter((d) => c.weekly[d].length).map((d) => [d, c.weekly[d].map((i) => `${i.start}-${i.end}`)])), holidays: c.holidays.map((h) => h.date) });

// --- properties ------------------------------------------------------------------------------

describe.each(ZONES)('business hours in %s agree with a minute-by-minute Intl oracle', (zone) => {
  const instant = instantIn2026(zone);

  it('businessTimeBetween', () => {
    const input = instant.chain((from) =>
      fc.record({ from: fc.constant(from), minutes: fc.integer({ min: 0, max: 10 * 1440 }), calendar: calendarNear(zone, from, false) }),
    );
    fc.assert(
      fc.property(input, ({ from, minutes, calendar }) => {
        const to = from + minutes * MINUTE;
        expect(businessTimeBetween(calendar, from, to), describeCalendar(calendar)).toBe(oracleBetween(calendar, from, to));
      }),
      { numRuns: RUNS },
    );
  });

  it('addBusinessTime', () => {
    const input = instant.chain((start) =>
      calendarNear(zone, start, true).chain((calendar) =>
        fc.record({
          start: fc.constant(start),
          calendar: fc.constant(calendar),
          minutes: fc.integer({ min: 0, max: Math.min(2 * weeklyOpenMinutes(calendar.weekly), 5 * 1440) }),
        }),
      ),
    );
    fc.assert(
      fc.property(input, ({ start, calendar, minutes }) => {
        expect(addBusinessTime(calendar, start, minutes * MINUTE), describeCalendar(calendar)).toBe(oracleAdd(calendar, start, minutes * MINUTE));
      }),
      { numRuns: RUNS },
    );
  });

  it('isOpen and nextOpenChange', () => {
    const input = instant.chain((at) => fc.record({ at: fc.constant(at), calendar: calendarNear(zone, at, true) }));
    fc.assert(
      fc.property(input, ({ at, calendar }) => {
        const holidays = holidaySet(calendar);
        const openNow = oracleIsOpen(calendar, holidays, at);
        expect(isOpen(calendar, at), describeCalendar(calendar)).toBe(openNow);
        const change = nextOpenChange(calendar, at);
        if (change === null) {
          // Only a calendar open at every minute of the week has no next change.
          expect(openNow).toBe(true);
          expect(weeklyOpenMinutes(calendar.weekly)).toBe(7 * 1440);
          return;
        }
        expect(change.opens).toBe(!openNow);
        expect(change.at).toBeGreaterThan(at);
        expect(change.at - at).toBeLessThan(60 * DAY);
        for (let m = at; m < change.at; m += MINUTE) {
          if (oracleIsOpen(calendar, holidays, m) !== openNow) throw new Error(`state changes at ${new Date(m).toISOString()}, before ${new Date(change.at).toISOString()}`);
        }
        expect(oracleIsOpen(calendar, holidays, change.at)).toBe(change.opens);
      }),
      { numRuns: RUNS },
    );
  });

  it('addBusinessTime and businessTimeBetween are inverse, to the millisecond', () => {
    const anyMs = fc.integer({ min: 0, max: MINUTE - 1 });
    const input = instant.chain((start) =>
      fc.record({
        start: anyMs.map((ms) => start + ms),
        calendar: calendarNear(zone, start, true),
        duration: fc.integer({ min: 0, max: 3 * DAY }),
        span: fc.integer({ min: 0, max: 20 * DAY }),
      }),
    );
    fc.assert(
      fc.property(input, ({ start, calendar, duration, span }) => {
        const due = addBusinessTime(calendar, start, duration);
        expect(businessTimeBetween(calendar, start, due)).toBe(duration);
        // The earliest such instant: nothing open is left out just before it.
        if (duration > 0) expect(businessTimeBetween(calendar, start, due - 1)).toBe(duration - 1);
        const end = start + span;
        const open = businessTimeBetween(calendar, start, end);
        const back = addBusinessTime(calendar, start, open);
        expect(back).toBeLessThanOrEqual(end);
        expect(businessTimeBetween(calendar, back, end)).toBe(0);
        // Additive over a split, as pausing the clock needs.
        const middle = start + Math.floor(span / 3);
        expect(businessTimeBetween(calendar, start, middle) + businessTimeBetween(calendar, middle, end)).toBe(open);
      }),
      { numRuns: RUNS },
    );
  });
});

it('the oracle itself sees the 2026 clock changes', () => {
  // New York, 2026-03-08 07:00Z: 01:59 EST is followed by 03:00 EDT.
  expect(intlWallClock('America/New_York', Date.UTC(2026, 2, 8, 6, 59)).minuteOfDay).toBe(1 * 60 + 59);
  expect(intlWallClock('America/New_York', Date.UTC(2026, 2, 8, 7, 0)).minuteOfDay).toBe(3 * 60);
  // Chatham, 45-minute offset.
  expect(intlWallClock('Pacific/Chatham', Date.UTC(2026, 6, 5, 20, 15))).toEqual({ date: '2026-07-06', weekday: 'mon', minuteOfDay: 9 * 60 });
});
