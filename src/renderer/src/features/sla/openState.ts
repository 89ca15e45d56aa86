// "Open now, closes at 17:00" / "Closed now, opens Mon 09:00" for a business calendar, with the
// moment in the calendar's zone and in the viewer's.
import { isOpen, nextOpenChange, type BusinessCalendar } from '@shared/businessHours';

export type OpenState = { kind: 'always' } | { kind: 'open'; closesAt: number | null } | { kind: 'closed'; opensAt: number | null };

export function openState(calendar: BusinessCalendar, now: number): OpenState {
  if (calendar.alwaysOpen) return { kind: 'always' };
  const change = nextOpenChange(calendar, now);
  if (isOpen(calendar, now)) return { kind: 'open', closesAt: change && !change.opens ? change.at : null };
  return { kind: 'closed', opensAt: change && change.opens ? change.at : null };
}

const DAY_MS = 86_400_000;

const localDate = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/**
 * A coming moment as read on a clock in `zone`: the time alone on the same local day as `now`,
 * with the weekday within the next six days, with the date after that.
 */
export function formatMoment(ms: number, zone: string, locale: string, now: number): string {
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short' }).format(ms);
  if (localDate(ms, zone) === localDate(now, zone)) return time;
  const day: Intl.DateTimeFormatOptions = ms - now < 6 * DAY_MS ? { weekday: 'short' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return `${new Intl.DateTimeFormat(locale, { timeZone: zone, ...day }).format(ms)} ${time}`;
}
