// Locale-aware dates, numbers and language names (Intl), with the formatters cached.

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames | Intl.ListFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

export function formatNumber(value: number, locale: string, maximumFractionDigits?: number): string {
  return cached(`n|${locale}|${maximumFractionDigits ?? ''}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(value);
}

/** A share (0..1) as a percentage in the locale's way ("93 %" in French, "93%" in English). */
export function formatPercent(share: number, locale: string): string {
  return cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A message's time: the time alone today, with the day this year, with the year before. */
export function formatMessageTime(time: number, now: number, locale: string): string {
  const at = new Date(time);
  const today = new Date(now);
  if (sameDay(at, today)) {
    return cached(`t|${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(at);
  }
  if (at.getFullYear() === today.getFullYear()) {
    return cached(
      `dm|${locale}`,
      () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
    ).format(at);
  }
  return cached(`dy|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(at);
}

/**
 * Items as a list in the locale's words and punctuation: "a, b and c" (and), "a, b, c" (unit,
 * for facts read one after another), "a، b و c" in Arabic.
 */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'unit' = 'conjunction'): string {
  return cached(`li|${type}|${locale}`, () => new Intl.ListFormat(locale, { type, style: type === 'unit' ? 'short' : 'long' })).format(items);
}

/** A day, for lists of earlier conversations. */
export function formatDate(time: number, locale: string): string {
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(time);
}

/** Full date and time, for tooltips. */
export function formatFullDateTime(time: number, locale: string): string {
  return cached(`f|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' })).format(time);
}

/** "German" for "de" (in the UI language); the code itself when Intl does not know it. */
export function languageName(code: string, locale: string): string {
  try {
    return cached(`l|${locale}`, () => new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A Monday, midnight UTC: the reference for weekday names. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1);

/** Weekday names, Monday first ('long': "Monday"; 'short': "Mon"). */
export function weekdayNames(locale: string, width: 'long' | 'short' = 'long'): string[] {
  const format = cached(`wd|${width}|${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }));
  return Array.from({ length: 7 }, (_, i) => format.format(REFERENCE_MONDAY + i * 86_400_000));
}

/** A time of day as the clock shows it in a zone ("09:00", "9:00 AM"). */
export function formatTimeIn(time: number, zone: string, locale: string): string {
  return cached(`tz|${zone}|${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone })).format(time);
}

/** Weekday, day and time in a zone ("Tue 24 Nov, 09:00"), for lists of shifts. */
export function formatDayTimeIn(time: number, zone: string, locale: string): string {
  return cached(
    `dtz|${zone}|${locale}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone }),
  ).format(time);
}

/** A calendar date ('YYYY-MM-DD') as a column heading: weekday and day ("Tue 24"). */
export function formatDayHeading(date: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = date.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { weekday: 'short', day: 'numeric', timeZone: 'UTC' } : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return cached(`dh|${style}|${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** An hour of the day as a row label ("09:00", "9 AM"). */
export function formatHour(hour: number, locale: string): string {
  return cached(`h|${locale}`, () => new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' })).format(Date.UTC(2000, 0, 1, hour));
}

/** A zone's offset from UTC at an instant ("GMT+05:30"). */
export function formatZoneOffset(zone: string, time: number, locale: string): string {
  try {
    const parts = cached(`zo|${zone}|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' })).formatToParts(time);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}
