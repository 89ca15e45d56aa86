// Which region's shift an agent was on when an event happened. Expanding recurring shifts costs
// more than writing an event, so the occurrences of the hour around the event are kept and
// reused for every event in that hour (a schedule change shows from the next hour on).
import { onShiftAt } from '@shared/schedule/occurrences';
import type { ShiftOccurrence } from '@shared/schedule';
import type { ShiftSchedule } from '../handover/shiftSchedule';
import type { ShiftRegionOf } from '../repos/events';

const HOUR_MS = 3_600_000;
/** Longest shift looked back for: one that started this long before the event can still be running. */
const LONGEST_SHIFT_MS = 24 * HOUR_MS;

export function shiftRegionLookup(schedule: Pick<ShiftSchedule, 'occurrences'>): ShiftRegionOf {
  let hour = -1;
  let occurrences: ShiftOccurrence[] = [];
  return (agentId, at) => {
    const h = Math.floor(at / HOUR_MS);
    if (h !== hour) {
      occurrences = schedule.occurrences(h * HOUR_MS - LONGEST_SHIFT_MS, (h + 1) * HOUR_MS);
      hour = h;
    }
    const on = onShiftAt(occurrences, at).find((o) => o.agentId === agentId && o.region);
    return on?.region ?? null;
  };
}
