// The period a lead picks (today, this week, last week, last 30 days, a custom range of days)
// turned into the [from, to) the core's getReport takes: local midnights in the viewer's zone via
// Temporal, weeks starting on the locale's first day.
import { Temporal } from 'temporal-polyfill';
import { MAX_REPORT_DAYS } from '@shared/reports/types';

export const PERIOD_KINDS = ['today', 'thisWeek', 'lastWeek', 'last30Days', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  /** Custom range: first and last day (YYYY-MM-DD), both included. */
  firstDay?: string | null;
  lastDay?: string | null;
}

export type PeriodProblem = 'missingDays' | 'endsBeforeStart' | 'tooLong';
export type PeriodRange = { from: number; to: number } | { problem: PeriodProblem };

/** The locale's first day of the week, ISO numbered (1 Monday … 7 Sunday); Monday when Intl does not say. */
export function weekStartDay(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay !== undefined && firstDay >= 1 && firstDay <= 7 ? firstDay : 1;
  } catch {
    return 1;
  }
}

const midnight = (date: Temporal.PlainDate, timeZone: string) => date.toZonedDateTime({ timeZone }).epochMilliseconds;

/**
 * The period in UTC ms. Periods that include today end now (what has not happened yet is not
 * counted as zero); last week ends at this week's start.
 */
export function periodRange(choice: PeriodChoice, now: number, timeZone: string, weekStart: number): PeriodRange {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate();
  const untilNow = (first: Temporal.PlainDate) => {
    const from = midnight(first, timeZone);
    return { from, to: Math.max(now, from + 1) };
  };
  const thisWeekStart = today.subtract({ days: (today.dayOfWeek - weekStart + 7) % 7 });
  switch (choice.kind) {
    case 'today':
      return untilNow(today);
    case 'thisWeek':
      return untilNow(thisWeekStart);
    case 'lastWeek':
      return { from: midnight(thisWeekStart.subtract({ days: 7 }), timeZone), to: midnight(thisWeekStart, timeZone) };
    case 'last30Days':
      return untilNow(today.subtract({ days: 29 }));
    case 'custom':
      return customRange(choice.firstDay, choice.lastDay, timeZone);
  }
}

function customRange(firstDay: string | null | undefined, lastDay: string | null | undefined, timeZone: string): PeriodRange {
  if (!firstDay || !lastDay) return { problem: 'missingDays' };
  let first: Temporal.PlainDate;
  let last: Temporal.PlainDate;
  try {
    first = Temporal.PlainDate.from(firstDay);
    last = Temporal.PlainDate.from(lastDay);
  } catch {
    return { problem: 'missingDays' };
  }
  if (Temporal.PlainDate.compare(last, first) < 0) return { problem: 'endsBeforeStart' };
  if (first.until(last).days + 1 > MAX_REPORT_DAYS) return { problem: 'tooLong' };
  return { from: midnight(first, timeZone), to: midnight(last.add({ days: 1 }), timeZone) };
}
