// Durations and relative times for SLA countdowns and "last synced" labels: the numbers and
// units come from Intl (locale-aware); the sentence around them comes from the translations.

import { durationParts, formatDuration, type DurationPart } from '@shared/durationFormat';

export { durationParts, formatDuration };

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 min ago", "in 10 sec", "yesterday": one unit, for times that need no precision. */
export function formatRelativeTime(time: number, now: number, locale: string): string {
  const delta = time - now;
  const [{ value, unit }] = durationParts(delta) as [DurationPart];
  let rtf = relativeFormats.get(locale);
  if (!rtf) relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' })));
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
