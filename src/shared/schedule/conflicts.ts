// Scheduling conflicts: shifts of one agent that overlap, too little rest between two shifts,
// a start inside a DST gap, and a shift partly inside the agent's time off.
import type { ShiftConflict, ShiftOccurrence, TimeOff } from '../schedule';
import { byStart, timeOffByAgent } from './occurrences';

export interface ConflictOptions {
  /** The least rest between two shifts of an agent, in minutes (default 11 hours). */
  minRestMinutes?: number;
}

export const DEFAULT_MIN_REST_MINUTES = 660;

/**
 * The conflicts among `occurrences`, expanded WITHOUT time off (expandShifts(shifts, from, to)):
 * an occurrence wholly inside its agent's time off is simply not worked and takes part in no
 * conflict; one partly inside is a 'time-off' conflict. Sorted by the first occurrence's start.
 */
export function findConflicts(occurrences: ShiftOccurrence[], timeOff: TimeOff[] = [], { minRestMinutes = DEFAULT_MIN_REST_MINUTES }: ConflictOptions = {}): ShiftConflict[] {
  const offByAgent = timeOffByAgent(timeOff);
  const conflicts: ShiftConflict[] = [];
  const worked: ShiftOccurrence[] = [];
  for (const occurrence of [...occurrences].sort(byStart)) {
    const overlapping = (offByAgent.get(occurrence.agentId) ?? []).filter((off) => off.start < occurrence.end && off.end > occurrence.start);
    if (overlapping.some((off) => off.start <= occurrence.start && off.end >= occurrence.end)) continue;
    worked.push(occurrence);
    if (overlapping.length > 0) {
      conflicts.push({ kind: 'time-off', agentId: occurrence.agentId, occurrences: [occurrence], message: `${describe(occurrence)} is partly inside ${occurrence.agentId}'s time off` });
    }
    if (occurrence.startMovedByDstGap) {
      conflicts.push({
        kind: 'dst-gap',
        agentId: occurrence.agentId,
        occurrences: [occurrence],
        message: `${describe(occurrence)} starts at a time that does not exist that day (the clocks go forward in ${occurrence.timeZone}); it starts at ${new Date(occurrence.start).toISOString()} instead`,
      });
    }
  }

  const latestByAgent = new Map<string, ShiftOccurrence>();
  for (const occurrence of worked) {
    const previous = latestByAgent.get(occurrence.agentId);
    if (previous && occurrence.start < previous.end) {
      conflicts.push({ kind: 'overlap', agentId: occurrence.agentId, occurrences: [previous, occurrence], message: `${describe(previous)} and ${describe(occurrence)} overlap` });
    } else if (previous && occurrence.start - previous.end < minRestMinutes * 60_000) {
      const restMinutes = Math.round((occurrence.start - previous.end) / 60_000);
      conflicts.push({
        kind: 'short-rest',
        agentId: occurrence.agentId,
        occurrences: [previous, occurrence],
        message: `only ${restMinutes} minutes of rest between ${describe(previous)} and ${describe(occurrence)} (at least ${minRestMinutes} needed)`,
      });
    }
    if (!previous || occurrence.end > previous.end) latestByAgent.set(occurrence.agentId, occurrence);
  }
  return conflicts.sort((a, b) => byStart(a.occurrences[0]!, b.occurrences[0]!) || a.kind.localeCompare(b.kind));
}

const describe = (o: ShiftOccurrence) => `shift ${o.shiftId} of ${o.agentId} on ${o.localDate} (${o.timeZone})`;
