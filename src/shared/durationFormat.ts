// Spans of time in a locale's words and digits ("1 hr 40 min", "2 hours"): for SLA countdowns
// in the UI and for {{sla.expected_response}} in replies, written in the customer's language.

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

const cache = new Map<string, Intl.NumberFormat | Intl.ListFormat>();
function cached<T extends Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

/** "1 hr 40 min", "45 sec" (short) or "1 hour, 40 minutes" (long), in the locale's words and digits. */
export function formatDuration(ms: number, locale: string, width: 'short' | 'long' = 'short'): string {
  const parts = durationParts(ms).map(({ value, unit }) =>
    cached(`nu|${locale}|${unit}|${width}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: width })).format(value),
  );
  return cached(`lf|${locale}|${width}`, () => new Intl.ListFormat(locale, { type: 'unit', style: width === 'long' ? 'long' : 'narrow' })).format(parts);
}

