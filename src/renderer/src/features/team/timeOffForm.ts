// Adding time off: whole local days, from one date to another (both included), in the agent's
// home zone, turned into the [start, end) instants the core stores.
import { Temporal } from 'temporal-polyfill';
import type { TimeOff } from '@shared/schedule';

export interface TimeOffFormValues {
  /** 'YYYY-MM-DD', the first day off. */
  from: string;
  /** 'YYYY-MM-DD', the last day off (included). */
  to: string;
  reason: string;
}

export type TimeOffFormErrors = Partial<Record<'from' | 'to' | 'reason', string>>;

export const MAX_REASON_LENGTH = 200;

function plainDate(text: string): Temporal.PlainDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/** Field → i18n key of what is wrong with it. */
export function validateTimeOffForm(values: TimeOffFormValues): TimeOffFormErrors {
  const errors: TimeOffFormErrors = {};
  const from = plainDate(values.from);
  const to = plainDate(values.to);
  if (!from) errors.from = 'team.timeOff.errors.date';
  if (!to) errors.to = 'team.timeOff.errors.date';
  else if (from && Temporal.PlainDate.compare(to, from) < 0) errors.to = 'team.timeOff.errors.order';
  if (values.reason.trim().length > MAX_REASON_LENGTH) errors.reason = 'team.timeOff.errors.reason';
  return errors;
}

/** New time off (version 0) from checked values: local midnight of `from` to the midnight after `to`, in `zone`. */
export function toTimeOff(values: TimeOffFormValues, agentId: string, zone: string, newId: () => string): TimeOff {
  const startOf = (date: Temporal.PlainDate) => date.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  const from = Temporal.PlainDate.from(values.from);
  const to = Temporal.PlainDate.from(values.to);
  const reason = values.reason.trim();
  return { id: newId(), agentId, start: startOf(from), end: startOf(to.add({ days: 1 })), reason: reason.length > 0 ? reason : null, version: 0 };
}

/** "shiftdesk-shifts-team.ics" or "shiftdesk-shifts-<agent>.ics", with only file-safe characters. */
export function shiftsIcsFileName(who: string | null): string {
  const slug = (who ?? 'team').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'agent';
  return `shiftdesk-shifts-${slug}.ics`;
}

/** The first and last local day of time off that is whole days in `zone`; null when it starts or ends mid-day. */
export function wholeDays(off: Pick<TimeOff, 'start' | 'end'>, zone: string): { first: string; last: string } | null {
  const start = Temporal.Instant.fromEpochMilliseconds(off.start).toZonedDateTimeISO(zone);
  const end = Temporal.Instant.fromEpochMilliseconds(off.end).toZonedDateTimeISO(zone);
  const midnight = (t: Temporal.ZonedDateTime) => t.equals(t.startOfDay());
  if (!midnight(start) || !midnight(end)) return null;
  return { first: start.toPlainDate().toString(), last: end.toPlainDate().subtract({ days: 1 }).toString() };
}
