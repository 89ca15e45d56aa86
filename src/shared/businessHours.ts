// Business-hours calendars and the deadline maths on them. Pure functions over UTC epoch ms; the
// time-zone rules (offsets and their transitions) come from Temporal.
//
// The one rule everything follows from: an instant is open when the calendar's local wall clock
// at that instant shows a time inside one of that weekday's [start, end) intervals, on a local
// date that is not a holiday. So, on the days the clocks change:
// - hours skipped by a spring-forward gap do not exist and count nothing (02:00–03:00 on a day
//   that jumps from 02:00 to 03:00 contributes 0; 01:30–02:30 contributes its 30 real minutes);
// - hours repeated by a fall-back overlap count every real instant the clock shows them
//   (01:00–02:00 on a day that goes back from 02:00 to 01:00 lasts two hours);
// - a day whose midnight is skipped (America/Santiago) opens at its real start, 01:00, when its
//   hours start at 00:00;
// - '24:00' is the start of the next local day, so Mon 22:00–24:00 and Tue 00:00–02:00 are one
//   unbroken stretch.
//
// The engine walks the zone's offset segments (between two transitions the offset is constant)
// and, inside each, the local days and their few open intervals: its cost grows with the number
// of days crossed, never with minutes, so deadlines weeks or years ahead stay cheap.
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { DeskError, invalidInput } from './errors';

/** ISO order: WEEKDAYS[dayOfWeek - 1]. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/**
 * After the last holiday, the weekly pattern repeats. A walk that sees three weeks of one state
 * (always closed, or one unbroken open stretch) has seen every weekday at least twice outside any
 * clock change, so that state lasts for ever.
 */
const STEADY_STATE_MS = 22 * DAY_MS;
/**
 * How far ahead deadlines and changes are looked for: a century, far beyond any SLA, and a bound
 * on the walk (tens of milliseconds) whatever the calendar.
 */
export const MAX_HORIZON_MS = 36_525 * DAY_MS;
export const MAX_INTERVALS_PER_DAY = 48;
export const MAX_HOLIDAYS = 5000;

const START_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** IANA names only: letters first, no offsets ("+02:00") and no ISO strings with annotations. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** Minutes since local midnight of 'HH:MM' (24:00 → 1440). */
export function wallClockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The zone's canonical spelling (case as in the tz database), or null when it is not an IANA zone. */
export function canonicalTimeZone(zone: string): string | null {
  if (!ZONE_NAME.test(zone)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string()
  .max(100)
  .transform((zone, ctx) => {
    const id = canonicalTimeZone(zone.trim());
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: `"${zone.slice(0, 100)}" is not an IANA time zone (for example Europe/Riga)` });
      return z.NEVER;
    }
    return id;
  });

export const openIntervalSchema = z
  .object({
    start: z.string().regex(START_TIME, 'Use a 24-hour time from 00:00 to 23:59'),
    end: z.string().regex(END_TIME, 'Use a 24-hour time from 00:01 to 24:00'),
  })
  .superRefine((interval, ctx) => {
    if (!START_TIME.test(interval.start) || !END_TIME.test(interval.end)) return;
    if (wallClockMinutes(interval.end) <= wallClockMinutes(interval.start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `${interval.start}–${interval.end} ends before it starts; hours past midnight are a second interval from 00:00 on the next day`,
      });
    }
  });
/** Local wall-clock hours [start, end): 'HH:MM', the end may be '24:00'. */
export type OpenInterval = z.output<typeof openIntervalSchema>;

const dayHoursSchema = z
  .array(openIntervalSchema)
  .max(MAX_INTERVALS_PER_DAY, `At most ${MAX_INTERVALS_PER_DAY} intervals a day`)
  .superRefine((intervals, ctx) => {
    if (!intervals.every((i) => START_TIME.test(i.start) && END_TIME.test(i.end))) return;
    const sorted = [...intervals].sort((a, b) => wallClockMinutes(a.start) - wallClockMinutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      const current = sorted[i]!;
      if (wallClockMinutes(current.start) < wallClockMinutes(previous.end)) {
        ctx.addIssue({
          code: 'custom',
          path: [intervals.indexOf(current)],
          message: `${previous.start}–${previous.end} and ${current.start}–${current.end} overlap`,
        });
      }
    }
  })
  .default([]);

export const weeklyHoursSchema = z.strictObject({
  mon: dayHoursSchema,
  tue: dayHoursSchema,
  wed: dayHoursSchema,
  thu: dayHoursSchema,
  fri: dayHoursSchema,
  sat: dayHoursSchema,
  sun: dayHoursSchema,
});
/** Open intervals per weekday; a missing day is closed. */
export type WeeklyHours = z.output<typeof weeklyHoursSchema>;

const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'Use a date like 2026-12-24')
  .refine((date) => !ISO_DATE.test(date) || isRealDate(date), 'There is no such date');

export const holidaySchema = z.object({ date: isoDateSchema, name: z.string().max(200).default('') });
/** A local date on which the calendar is closed all day. */
export type Holiday = z.output<typeof holidaySchema>;

const calendarShape = z.object({
  zone: timeZoneSchema,
  /** Open 24/7: weekly hours and holidays are kept (for when it is turned off) but ignored. */
  alwaysOpen: z.boolean().default(false),
  weekly: weeklyHoursSchema.default({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }),
  holidays: z.array(holidaySchema).max(MAX_HOLIDAYS, `At most ${MAX_HOLIDAYS} holidays`).default([]),
});

/** What an admin may save: a valid calendar that is open at some time. */
export const businessCalendarSchema = calendarShape.superRefine((calendar, ctx) => {
  if (!calendar.alwaysOpen && WEEKDAYS.every((day) => calendar.weekly[day].length === 0)) {
    ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'The calendar is never open: add opening hours or make it open 24/7' });
  }
});
export type BusinessCalendar = z.output<typeof businessCalendarSchema>;
/** The accepted input: weekdays, alwaysOpen, holidays and holiday names may be left out. */
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/** addBusinessTime on a calendar that does not open for that long any more (within MAX_HORIZON_MS). */
export class NoOpenTimeError extends DeskError {
  constructor(zone: string) {
    super('NoOpenTime', `The business-hours calendar (${zone}) is not open long enough in the next hundred years to reach this deadline`);
  }
}

/** A moment when the calendar opens (opens: true) or closes. */
export interface OpenChange {
  at: number;
  opens: boolean;
}

/** One unbroken open stretch [start, end) in UTC ms. */
export interface OpenStretch {
  start: number;
  end: number;
}

// --- compiled form ---------------------------------------------------------------------------

interface CompiledCalendar {
  zone: string;
  alwaysOpen: boolean;
  /** Per ISO weekday index (0 = Monday): merged, sorted [start, end) in ms since local midnight. */
  days: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Holidays as days since 1970-01-01 (local dates). */
  holidays: ReadonlySet<number>;
  /** UTC ms after which no holiday can matter any more (or -Infinity). */
  holidaysOverAt: number;
  /** No weekly hours at all (and not 24/7). */
  neverOpen: boolean;
}

/** Calendars are treated as immutable values: each object is validated and compiled once. */
const compiled = new WeakMap<object, CompiledCalendar>();

function compile(input: BusinessCalendarInput | BusinessCalendar): CompiledCalendar {
  const cached = typeof input === 'object' && input !== null ? compiled.get(input) : undefined;
  if (cached) return cached;
  const result = calendarShape.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`).join('; ');
    throw invalidInput(`Invalid business-hours calendar: ${issues}`);
  }
  const calendar = result.data;
  const days = WEEKDAYS.map((day) => mergeIntervals(calendar.weekly[day]));
  const holidays = new Set(calendar.holidays.map((h) => epochDayOf(h.date)));
  const lastHoliday = holidays.size ? Math.max(...holidays) : -Infinity;
  const value: CompiledCalendar = {
    zone: calendar.zone,
    alwaysOpen: calendar.alwaysOpen,
    days,
    holidays,
    // A local date ends at most a day (plus the largest offset, under a day) after its UTC midnight.
    holidaysOverAt: (lastHoliday + 2) * DAY_MS,
    neverOpen: !calendar.alwaysOpen && days.every((d) => d.length === 0),
  };
  if (typeof input === 'object' && input !== null) compiled.set(input, value);
  return value;
}

function mergeIntervals(intervals: readonly OpenInterval[]): Array<[number, number]> {
  const sorted = intervals
    .map((i): [number, number] => [wallClockMinutes(i.start) * MINUTE_MS, wallClockMinutes(i.end) * MINUTE_MS])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function isRealDate(date: string): boolean {
  try {
    Temporal.PlainDate.from(date);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
function epochDayOf(date: string): number {
  return Temporal.PlainDate.from(date).since('1970-01-01', { largestUnit: 'days' }).days;
}

/** ISO weekday index (0 = Monday) of a day since 1970-01-01 (a Thursday). */
function weekdayIndexOf(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** The zone's offset at an instant and the next instant it changes (Infinity: never). */
function offsetSegmentAt(zone: string, utcMs: number): { offsetMs: number; endsAt: number } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(utcMs).toZonedDateTimeISO(zone);
  const next = zoned.getTimeZoneTransition('next');
  return { offsetMs: zoned.offsetNanoseconds / 1e6, endsAt: next ? next.epochMilliseconds : Infinity };
}

function checkInstant(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer number of UTC milliseconds, not ${value}`);
}

function checkDuration(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_HORIZON_MS) {
    throw new RangeError(`durationMs must be a whole number of milliseconds from 0 to ${MAX_HORIZON_MS}, not ${value}`);
  }
}

function checkRange(fromMs: number, toMs: number): void {
  checkInstant('fromUtcMs', fromMs);
  checkInstant('toUtcMs', toMs);
  if (toMs - fromMs > MAX_HORIZON_MS) throw new RangeError(`A range may span at most ${MAX_HORIZON_MS} ms (a century)`);
}

// --- the walk --------------------------------------------------------------------------------

/**
 * Open pieces in [fromMs, untilMs), in order, one per (offset segment, local day, interval):
 * pieces may touch but never overlap. Ends early when the calendar can never open again.
 */
function* openPieces(calendar: CompiledCalendar, fromMs: number, untilMs: number): Generator<[number, number]> {
  if (calendar.neverOpen) return;
  let lastOpen = Math.max(fromMs, calendar.holidaysOverAt);
  let segmentStart = fromMs;
  while (segmentStart < untilMs) {
    const { offsetMs, endsAt } = offsetSegmentAt(calendar.zone, segmentStart);
    const segmentEnd = Math.min(endsAt, untilMs);
    for (let day = Math.floor((segmentStart + offsetMs) / DAY_MS); ; day++) {
      const dayStartsAt = day * DAY_MS - offsetMs; // local midnight, as if this offset held all day
      if (dayStartsAt >= segmentEnd) break;
      if (dayStartsAt > lastOpen + STEADY_STATE_MS) return;
      if (calendar.holidays.has(day)) continue;
      for (const [from, to] of calendar.days[weekdayIndexOf(day)]!) {
        const start = Math.max(dayStartsAt + from, segmentStart);
        const end = Math.min(dayStartsAt + to, segmentEnd);
        if (start < end) {
          lastOpen = Math.max(lastOpen, end);
          yield [start, end];
        }
      }
    }
    segmentStart = segmentEnd;
  }
}

/**
 * Unbroken open stretches in [fromMs, untilMs), clipped to it, in order; the first may start at
 * fromMs and the last may end at untilMs.
 */
function* openStretches(calendar: CompiledCalendar, fromMs: number, untilMs: number): Generator<[number, number]> {
  if (fromMs >= untilMs) return;
  if (calendar.alwaysOpen) {
    yield [fromMs, untilMs];
    return;
  }
  let current: [number, number] | null = null;
  for (const [start, end] of openPieces(calendar, fromMs, untilMs)) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
      if (current[1] - Math.max(current[0], calendar.holidaysOverAt) > STEADY_STATE_MS) {
        // Three weeks open without a break, after the last holiday: open for good.
        yield [current[0], untilMs];
        return;
      }
      continue;
    }
    if (current) yield current;
    current = [start, end];
  }
  if (current) yield current;
}

// --- the API ---------------------------------------------------------------------------------

/** Whether the calendar is open at an instant. */
export function isOpen(calendar: BusinessCalendarInput, utcMs: number): boolean {
  checkInstant('utcMs', utcMs);
  const c = compile(calendar);
  if (c.alwaysOpen) return true;
  const { offsetMs } = offsetSegmentAt(c.zone, utcMs);
  const wall = utcMs + offsetMs;
  const day = Math.floor(wall / DAY_MS);
  if (c.holidays.has(day)) return false;
  const sinceMidnight = wall - day * DAY_MS;
  return c.days[weekdayIndexOf(day)]!.some(([start, end]) => start <= sinceMidnight && sinceMidnight < end);
}

/**
 * The next time the calendar opens or closes after utcMs (a change exactly at utcMs is not
 * "next": at that instant the calendar already is in its new state). Null when it does not change
 * again within MAX_HORIZON_MS: open 24/7, or never open.
 */
export function nextOpenChange(calendar: BusinessCalendarInput, utcMs: number): OpenChange | null {
  checkInstant('utcMs', utcMs);
  const until = utcMs + MAX_HORIZON_MS;
  const first = openStretches(compile(calendar), utcMs, until).next();
  if (first.done) return null;
  const [start, end] = first.value;
  if (start > utcMs) return { at: start, opens: true };
  return end < until ? { at: end, opens: false } : null;
}

/** Open milliseconds in [fromUtcMs, toUtcMs); 0 when toUtcMs <= fromUtcMs. Pauses: sum the segments. */
export function businessTimeBetween(calendar: BusinessCalendarInput, fromUtcMs: number, toUtcMs: number): number {
  checkRange(fromUtcMs, toUtcMs);
  let total = 0;
  for (const [start, end] of openStretches(compile(calendar), fromUtcMs, toUtcMs)) total += end - start;
  return total;
}

/**
 * The earliest instant t >= startUtcMs with businessTimeBetween(calendar, startUtcMs, t) equal to
 * durationMs: a deadline that falls on the end of an open stretch is that end, not the next opening.
 * Throws NoOpenTimeError when the calendar does not open for that long within MAX_HORIZON_MS.
 */
export function addBusinessTime(calendar: BusinessCalendarInput, startUtcMs: number, durationMs: number): number {
  checkInstant('startUtcMs', startUtcMs);
  checkDuration(durationMs);
  const c = compile(calendar);
  if (durationMs === 0) return startUtcMs;
  let remaining = durationMs;
  for (const [start, end] of openStretches(c, startUtcMs, startUtcMs + MAX_HORIZON_MS)) {
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }
  throw new NoOpenTimeError(c.zone);
}

/** The open stretches within [fromUtcMs, toUtcMs), clipped to it: for showing a week's hours. */
export function openStretchesBetween(calendar: BusinessCalendarInput, fromUtcMs: number, toUtcMs: number): OpenStretch[] {
  checkRange(fromUtcMs, toUtcMs);
  return [...openStretches(compile(calendar), fromUtcMs, toUtcMs)].map(([start, end]) => ({ start, end }));
}
