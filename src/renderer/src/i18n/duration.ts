// Durations and relative times for SLA countdowns and "last synced" labels: the numbers and
// units come from Intl (locale-aware); the sentence around them comes from the translations.

export type DurationUnit = 'day' | 'hour' | 'minute' | 'second';
export type DurationPart = { value: number; unit: DurationUnit };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The parts worth showing for a span of time, largest first, rounded down: seconds under a
 * minute, minutes under an hour, hours and minutes under a day, then days and hours.
 */
export function durationParts(ms: number): DurationPart[] {
  const span = Math.max(0, Math.abs(ms));
  if (span < MINUTE) return [{ value: Math.floor(span / SECOND), unit: 'second' }];
  if (span < HOUR) return [{ value: Math.floor(span / MINUTE), unit: 'minute' }];
  const [big, small, bigUnit, smallUnit]: [number, number, DurationUnit, DurationUnit] =
    span < DAY ? [HOUR, MINUTE, 'hour', 'minute'] : [DAY, HOUR, 'day', 'hour'];
  const value = Math.floor(span / big);
  const rest = Math.floor((span - value * big) / small);
  return rest > 0 ? [{ value, unit: bigUnit }, { value: rest, unit: smallUnit }] : [{ value, unit: bigUnit }];
}

const cache = new Map<string, Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

/** "1 hr 40 min", "45 sec", in the locale's words and digits. */
export function formatDuration(ms: number, locale: string): string {
  const parts = durationParts(ms).map(({ value, unit }) =>
    cached(`nu|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' })).format(value),
  );
  return cached(`lf|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })).format(parts);
}

/** "3 min ago", "in 10 sec", "yesterday": one unit, for times that need no precision. */
export function formatRelativeTime(time: number, now: number, locale: string): string {
  const delta = time - now;
  const [{ value, unit }] = durationParts(delta) as [DurationPart];
  const rtf = cached(`rt|${locale}`, () => new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' }));
  return rtf.format(delta < 0 ? -value : value, unit);
}

/**
 * How often relative times ("3 min ago", "in 10 sec") must be formatted again to stay true:
 * every second while one of them is under a minute away (it counts seconds), otherwise every
 * 30 seconds.
 */
export function relativeTimeRefreshMs(times: readonly (number | null)[], now: number): number {
  return times.some((time) => time !== null && Math.abs(time - now) < MINUTE) ? SECOND : 30 * SECOND;
}

export type DeadlineState = 'none' | 'ok' | 'soon' | 'overdue';

/** A deadline this close is shown as a warning. */
export const DEADLINE_SOON_MS = 15 * MINUTE;

/** The state of a deadline; noDeadline is the sort key of conversations without one. */
export function deadlineState(dueAt: number, now: number, noDeadline: number): DeadlineState {
  if (dueAt >= noDeadline) return 'none';
  if (dueAt <= now) return 'overdue';
  return dueAt - now <= DEADLINE_SOON_MS ? 'soon' : 'ok';
}
