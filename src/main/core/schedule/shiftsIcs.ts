// Shifts as iCalendar (RFC 5545) with ical-generator: each pattern one VEVENT in its own zone
// (DTSTART/DTEND with TZID, its RRULE and EXDATEs), with the zone's VTIMEZONE from
// timezones-ical-library (ical-generator has no tz data of its own and asks for a generator).
//
// iCalendar repeats a recurring event's exact duration (DTEND − DTSTART), while a shift keeps its
// wall-clock end: an occurrence that crosses a clock change (7 or 9 real hours for an 8-hour
// night), or starts in a gap, is written again as an override (RECURRENCE-ID) with its real
// start and end. Overrides are written for occurrences within OVERRIDE_HORIZON_MS of now.
import ical, { type ICalCalendar } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Shift, ShiftOccurrence } from '@shared/schedule';
import { expandShifts } from '@shared/schedule/occurrences';
import { parseShiftRule } from '@shared/schedule/shiftRule';

const DAY_MS = 86_400_000;
/** Overrides for clock changes are written from a year back to two years ahead. */
export const OVERRIDE_HORIZON_MS = { back: 365 * DAY_MS, ahead: 2 * 365 * DAY_MS };

export interface ShiftsIcsOptions {
  /** Calendar name (X-WR-CALNAME). */
  name: string;
  /** Each shift's title (SUMMARY), in the agent's language. */
  summary: (shift: Shift) => string;
  now: number;
}

export function shiftsToIcs(shifts: Shift[], { name, summary, now }: ShiftsIcsOptions): string {
  const calendar = ical({ name, prodId: { company: 'Shiftdesk', product: 'Shifts', language: 'EN' } });
  calendar.timezone({ name: '', generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  for (const shift of shifts) addShift(calendar, shift, summary(shift), now);
  return calendar.toString();
}

function addShift(calendar: ICalCalendar, shift: Shift, summary: string, now: number): void {
  const common = { summary, description: shift.note, timezone: shift.timeZone, stamp: new Date(shift.updatedAt), sequence: shift.version };
  const first = firstOccurrence(shift);
  if (shift.rrule === null || !first) {
    if (first && !shift.exceptions.includes(first.localDate)) calendar.createEvent({ ...common, id: shift.id, start: zoned(first.start, shift.timeZone), end: zoned(first.end, shift.timeZone) });
    return;
  }

  const options = parseShiftRule(shift.rrule);
  let master = first;
  let rule = shift.rrule.trim().replace(/^RRULE:/i, '');
  // A pattern whose first start falls in a DST gap: DTSTART cannot name that local time, so the
  // pattern starts at its next occurrence and the first is written on its own.
  if (first.startMovedByDstGap) {
    const second = expandShifts([{ ...shift, exceptions: [] }], first.start, first.start + 400 * DAY_MS)[1];
    if (!shift.exceptions.includes(first.localDate)) {
      calendar.createEvent({ ...common, id: `${shift.id}-first`, start: zoned(first.start, shift.timeZone), end: zoned(first.end, shift.timeZone) });
    }
    if (!second || options.count === 1) return;
    master = second;
    if (options.count) rule = rule.replace(/COUNT=\d+/i, `COUNT=${options.count - 1}`);
  }
  // UNTIL must be a UTC date-time when DTSTART has a zone (RFC 5545 §3.3.10); a local one is converted.
  if (options.until && !/UNTIL=\d{8}T\d{6}Z/i.test(rule)) {
    const until = Temporal.Instant.fromEpochMilliseconds(options.until.getTime()).toZonedDateTimeISO('UTC').toPlainDateTime().toZonedDateTime(shift.timeZone);
    rule = rule.replace(/UNTIL=[0-9TZ]+/i, `UNTIL=${until.toInstant().toString().replace(/[-:]|\.\d+/g, '')}`);
  }
  const lines = [`RRULE:${rule.toUpperCase()}`];
  if (shift.exceptions.length > 0) lines.push(`EXDATE;TZID=${shift.timeZone}:${shift.exceptions.map((date) => icsLocal(date, shift.start)).join(',')}`);
  // The pattern's exact duration is the nominal one; occurrences that differ are overridden.
  const exactDuration = shift.durationMinutes * 60_000;
  calendar.createEvent({ ...common, id: shift.id, start: zoned(master.start, shift.timeZone), end: zoned(master.start + exactDuration, shift.timeZone), repeating: lines.join('\n') });

  const horizon = expandShifts([shift], Math.max(now - OVERRIDE_HORIZON_MS.back, master.start), now + OVERRIDE_HORIZON_MS.ahead);
  const candidates = [master, ...horizon.filter((o) => o.start > master.start)].filter((o) => !shift.exceptions.includes(o.localDate));
  for (const occurrence of candidates) {
    if (!occurrence.startMovedByDstGap && occurrence.end - occurrence.start === exactDuration) continue;
    calendar.createEvent({
      ...common,
      id: shift.id,
      recurrenceId: zoned(occurrence.start, shift.timeZone),
      start: zoned(occurrence.start, shift.timeZone),
      end: zoned(occurrence.end, shift.timeZone),
    });
  }
}

function firstOccurrence(shift: Shift): ShiftOccurrence | undefined {
  const start = Temporal.PlainDate.from(shift.startDate).toZonedDateTime('UTC').epochMilliseconds;
  return expandShifts([{ ...shift, exceptions: [] }], start - DAY_MS, start + 2 * DAY_MS).find((o) => o.localDate === shift.startDate);
}

const zoned = (ms: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
const icsLocal = (date: string, time: string) => `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
