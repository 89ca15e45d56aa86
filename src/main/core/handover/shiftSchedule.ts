// What handover and auto-assignment read from the schedule: agents' profiles and the worked
// shifts (occurrences, time off applied) around an instant.
import type { AgentProfile, ShiftOccurrence } from '@shared/schedule';
import { onShiftAt } from '@shared/schedule/occurrences';
import type { Repos } from '../repos';
import type { ScheduleService } from '../schedule/scheduleService';

export interface ShiftSchedule {
  profiles(): AgentProfile[];
  /** Occurrences overlapping [from, to), time off taken out. */
  occurrences(from: number, to: number): ShiftOccurrence[];
}

/** The stored schedule: profiles from the repo, occurrences expanded by the schedule service. */
export const storedSchedule = (repos: Repos, service: ScheduleService): ShiftSchedule => ({
  profiles: () => repos.schedule.profiles(),
  occurrences: (from, to) => service.occurrences(from, to),
});

/** How far back a shift end still calls for a handover (a desk closed over a weekend catches up). */
export const HANDOVER_LOOKBACK_MS = 7 * 86_400_000;
/** "The next shift": agents on shift at the end or starting within this long after it. */
export const NEXT_SHIFT_WINDOW_MS = 12 * 3_600_000;

export const agentsOnShiftAt = (occurrences: ShiftOccurrence[], at: number): Set<string> => new Set(onShiftAt(occurrences, at).map((o) => o.agentId));

/** Each agent's latest shift end in (from, to], for agents not on shift again at `to`. */
export function endedShifts(occurrences: ShiftOccurrence[], from: number, to: number): Map<string, number> {
  const onNow = agentsOnShiftAt(occurrences, to);
  const ends = new Map<string, number>();
  for (const o of occurrences) {
    if (o.end <= from || o.end > to || onNow.has(o.agentId)) continue;
    ends.set(o.agentId, Math.max(ends.get(o.agentId) ?? 0, o.end));
  }
  return ends;
}
