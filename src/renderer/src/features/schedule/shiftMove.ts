// Moving a shift by dragging one of its occurrences: the whole pattern moves by the same
// wall-clock amount in the shift's own zone (its start time, its first date, its weekdays and its
// exceptions), so a weekly Monday 09:00 shift dragged to Tuesday 10:00 becomes Tuesday 10:00.
import { Temporal } from 'temporal-polyfill';
import type { Shift, ShiftOccurrence } from '@shared/schedule';
import { WEEKDAYS } from './shiftForm';

const shiftDate = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

function shiftWeekdays(rule: string, days: number): string {
  const offset = ((days % 7) + 7) % 7;
  if (offset === 0) return rule;
  return rule.replace(/BYDAY=([^;]+)/, (_, list: string) => {
    const moved = list.split(',').map((item) => {
      // Keep an ordinal prefix (1MO, -1FR) as it is; only the weekday moves.
      const match = /^([+-]?\d*)(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      if (!match) return item;
      const index = WEEKDAYS.indexOf(match[2] as (typeof WEEKDAYS)[number]);
      return `${match[1] ?? ''}${WEEKDAYS[(index + offset) % 7]}`;
    });
    return `BYDAY=${moved.join(',')}`;
  });
}

/** The shift after dragging `occurrence` so that it starts at `newStart` (UTC ms). */
export function moveShift(shift: Shift, occurrence: ShiftOccurrence, newStart: number): Shift {
  const moved = Temporal.Instant.fromEpochMilliseconds(newStart).toZonedDateTimeISO(shift.timeZone);
  const days = Temporal.PlainDate.from(occurrence.localDate).until(moved.toPlainDate(), { largestUnit: 'days' }).days;
  const start = `${String(moved.hour).padStart(2, '0')}:${String(moved.minute).padStart(2, '0')}`;
  return {
    ...shift,
    startDate: shiftDate(shift.startDate, days),
    start,
    rrule: shift.rrule === null ? null : shiftWeekdays(shift.rrule, days),
    exceptions: shift.exceptions.map((d) => shiftDate(d, days)),
  };
}
