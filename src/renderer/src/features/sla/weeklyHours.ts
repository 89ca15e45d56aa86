// Weekly opening hours as the calendar form edits them: per weekday, closed or one or more
// from–to intervals typed in 24-hour time inputs, where an end of 00:00 means midnight at the
// end of the day (the core's 24:00). Editing, checks and a summary in words.
import { WEEKDAYS, wallClockMinutes, type Weekday, type WeeklyHours } from '@shared/businessHours';

export { WEEKDAYS, type Weekday };

export interface IntervalValue {
  start: string;
  end: string;
}

export type WeeklyValues = Record<Weekday, IntervalValue[]>;

export const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const DEFAULT_INTERVAL: IntervalValue = { start: '09:00', end: '17:00' };

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const MIDNIGHT = '00:00';
const DAY_MINUTES = 24 * 60;

export function closedWeek(): WeeklyValues {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** Mon–Fri 09:00–17:00: where a new calendar starts. */
export function officeWeek(): WeeklyValues {
  const week = closedWeek();
  for (const day of WORKDAYS) week[day] = [{ ...DEFAULT_INTERVAL }];
  return week;
}

const minutes = (time: string) => wallClockMinutes(time);
/** An end's minutes since midnight: 00:00 is the end of the day. */
const endMinutes = (time: string) => (time === MIDNIGHT ? DAY_MINUTES : minutes(time));
const clock = (total: number) => `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

export function setDayOpen(week: WeeklyValues, day: Weekday, open: boolean): WeeklyValues {
  if (open === week[day].length > 0) return week;
  return { ...week, [day]: open ? [{ ...DEFAULT_INTERVAL }] : [] };
}

/** Adds an hour after the day's last interval (09:00–17:00 on a closed day). */
export function addInterval(week: WeeklyValues, day: Weekday): WeeklyValues {
  const last = week[day][week[day].length - 1];
  if (!last || !TIME.test(last.end) || last.end === MIDNIGHT) return { ...week, [day]: [...week[day], { ...DEFAULT_INTERVAL }] };
  const start = minutes(last.end);
  return { ...week, [day]: [...week[day], { start: clock(start), end: clock(Math.min(start + 60, DAY_MINUTES)) }] };
}

export function removeInterval(week: WeeklyValues, day: Weekday, index: number): WeeklyValues {
  return { ...week, [day]: week[day].filter((_, i) => i !== index) };
}

export function updateInterval(week: WeeklyValues, day: Weekday, index: number, patch: Partial<IntervalValue>): WeeklyValues {
  return { ...week, [day]: week[day].map((interval, i) => (i === index ? { ...interval, ...patch } : interval)) };
}

/** Monday's hours on Tuesday to Friday too. */
export function copyMondayToWeekdays(week: WeeklyValues): WeeklyValues {
  const next = { ...week };
  for (const day of WORKDAYS.slice(1)) next[day] = week.mon.map((i) => ({ ...i }));
  return next;
}

export type IntervalProblem = 'startInvalid' | 'endInvalid' | 'endBeforeStart' | 'overlaps';

/** Problems per interval of one day, by index. */
export function dayProblems(intervals: readonly IntervalValue[]): Map<number, IntervalProblem> {
  const problems = new Map<number, IntervalProblem>();
  intervals.forEach(({ start, end }, i) => {
    if (!TIME.test(start)) problems.set(i, 'startInvalid');
    else if (!TIME.test(end)) problems.set(i, 'endInvalid');
    else if (endMinutes(end) <= minutes(start)) problems.set(i, 'endBeforeStart');
  });
  const valid = intervals.map((interval, i) => ({ ...interval, i })).filter(({ i }) => !problems.has(i));
  valid.sort((a, b) => minutes(a.start) - minutes(b.start));
  for (let k = 1; k < valid.length; k++) {
    if (minutes(valid[k]!.start) < endMinutes(valid[k - 1]!.end)) problems.set(valid[k]!.i, 'overlaps');
  }
  return problems;
}

export const isWeekOpen = (week: WeeklyValues): boolean => WEEKDAYS.some((day) => week[day].length > 0);

/**
 * The core's weekly hours, sorted. Intervals with a problem are left out: the form refuses them
 * first, except while the calendar is open around the clock and its hours are kept unused.
 */
export function toWeeklyHours(week: WeeklyValues): WeeklyHours {
  const out = {} as WeeklyHours;
  for (const day of WEEKDAYS) {
    const problems = dayProblems(week[day]);
    out[day] = week[day]
      .filter((_, i) => !problems.has(i))
      .map(({ start, end }) => ({ start, end: end === MIDNIGHT ? '24:00' : end }))
      .sort((a, b) => minutes(a.start) - minutes(b.start));
  }
  return out;
}

export function fromWeeklyHours(weekly: Partial<WeeklyHours>): WeeklyValues {
  const week = closedWeek();
  for (const day of WEEKDAYS) week[day] = (weekly[day] ?? []).map(({ start, end }) => ({ start, end: end === '24:00' ? MIDNIGHT : end }));
  return week;
}

export interface WeekLabels {
  /** A weekday's short name: "Mon". */
  day(day: Weekday): string;
  /** A wall-clock time, 'HH:MM' (24:00 for the end of the day). */
  time(time: string): string;
  /** "Mon–Fri". */
  dayRange(from: string, to: string): string;
  /** "09:00–17:00". */
  timeRange(from: string, to: string): string;
  /** Days and their hours: "Mon–Fri 09:00–17:00". */
  days(days: string, hours: string): string;
  list(items: string[]): string;
  closed: string;
}

/**
 * The week in a few words: runs of consecutive days with the same hours, "Mon–Fri 09:00–17:00,
 * Sat 10:00–14:00"; closed days are left out.
 */
export function summariseWeek(weekly: WeeklyHours, labels: WeekLabels): string {
  const key = (day: Weekday) => weekly[day].map((i) => `${i.start}-${i.end}`).join(',');
  const runs: { from: Weekday; to: Weekday }[] = [];
  for (const day of WEEKDAYS) {
    if (weekly[day].length === 0) continue;
    const last = runs[runs.length - 1];
    if (last && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1 && key(last.to) === key(day)) last.to = day;
    else runs.push({ from: day, to: day });
  }
  if (runs.length === 0) return labels.closed;
  return labels.list(
    runs.map(({ from, to }) => {
      const days = from === to ? labels.day(from) : labels.dayRange(labels.day(from), labels.day(to));
      const hours = labels.list(weekly[from].map((i) => labels.timeRange(labels.time(i.start), labels.time(i.end))));
      return labels.days(days, hours);
    }),
  );
}

/** Weekday names and times from Intl in the UI locale (2024-01-01 was a Monday). */
export function intlWeekLabels(locale: string): Pick<WeekLabels, 'day' | 'time'> {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' });
  return {
    day: (day) => weekday.format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))),
    time: (hhmm) => time.format(Date.UTC(1970, 0, 1, 0, minutes(hhmm === '24:00' ? MIDNIGHT : hhmm))),
  };
}

/** A weekday's full name in the UI locale: "Monday". */
export function weekdayName(day: Weekday, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
}
