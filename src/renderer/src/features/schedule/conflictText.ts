// A conflict as a sentence in the agent's language: who, which shifts (times in the shown zone), what is wrong.
import type { TFunction } from 'i18next';
import type { ShiftConflict } from '@shared/schedule';

export function conflictSentence(t: TFunction, conflict: ShiftConflict, nameOf: (agentId: string) => string, when: (time: number) => string): string {
  const agent = nameOf(conflict.agentId);
  const [first, second] = conflict.occurrences;
  if (!first) return conflict.message;
  switch (conflict.kind) {
    case 'overlap':
      return t('schedule.conflicts.overlap', { agent, first: when(first.start), second: when(second?.start ?? first.start) });
    case 'short-rest':
      return t('schedule.conflicts.shortRest', { agent, end: when(first.end), start: when(second?.start ?? first.end) });
    case 'dst-gap':
      return t('schedule.conflicts.dstGap', { agent, start: when(first.start), zone: first.timeZone });
    case 'time-off':
      return t('schedule.conflicts.timeOff', { agent, start: when(first.start) });
  }
}

/** Occurrence keys (shift id + local date) that some conflict names: their blocks are marked. */
export function conflictedOccurrences(conflicts: readonly ShiftConflict[]): Map<string, ShiftConflict[]> {
  const marked = new Map<string, ShiftConflict[]>();
  for (const conflict of conflicts) {
    for (const o of conflict.occurrences) {
      const key = occurrenceKey(o);
      marked.set(key, [...(marked.get(key) ?? []), conflict]);
    }
  }
  return marked;
}

export const occurrenceKey = (o: { shiftId: string; localDate: string }) => `${o.shiftId}|${o.localDate}`;
