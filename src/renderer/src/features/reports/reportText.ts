// The period in words ("Nov 16 – 22, 2026") and the export's file name, in the viewer's zone.
import { Temporal } from 'temporal-polyfill';
import { useLocale } from '../../i18n/useLocale';
import type { PeriodRange } from './reportPeriod';

export function formatPeriod(range: { from: number; to: number }, timeZone: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  // The last instant of the period names its last day.
  return format.formatRange(range.from, Math.max(range.from, range.to - 1));
}

export function usePeriodText(range: PeriodRange, timeZone: string): string | null {
  const locale = useLocale();
  return 'problem' in range ? null : formatPeriod(range, timeZone, locale);
}

/** "shiftdesk-report-2026-11-16-to-2026-11-22.csv": first and last local day of the period. */
export function reportFileName(range: { from: number; to: number }, timeZone: string): string {
  const day = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  return `shiftdesk-report-${day(range.from)}-to-${day(Math.max(range.from, range.to - 1))}.csv`;
}

/**
 * A backlog point: the time for hourly points; the day for daily ones, with the time when the
 * point is not a local midnight (the period's last point is "now").
 */
export function formatBacklogPoint(at: number, bucket: 'hour' | 'day', timeZone: string, locale: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
  const atMidnight = local.hour === 0 && local.minute === 0;
  const options: Intl.DateTimeFormatOptions =
    bucket === 'hour' ? { timeStyle: 'short', timeZone } : atMidnight ? { dateStyle: 'medium', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
