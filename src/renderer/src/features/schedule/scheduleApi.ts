// The schedule methods of the contract as the screens use them.
import type { ChangedTable } from '@shared/domain';
import type { AgentProfile, OnShiftSummary, Shift, ShiftConflict, ShiftOccurrence, TimeOff } from '@shared/schedule';
import { useDesk } from '../../app/deskContext';
import type { ChangeSet } from '../../live/changeSet';

export interface ScheduleData {
  profiles: AgentProfile[];
  shifts: Shift[];
  timeOff: TimeOff[];
  occurrences: ShiftOccurrence[];
  conflicts: ShiftConflict[];
}

export interface ScheduleApi {
  getSchedule(input: { from: number; to: number }): Promise<ScheduleData>;
  saveShift(input: Shift): Promise<Shift>;
  removeShift(input: { id: string }): Promise<unknown>;
  getOnShift(input: Record<string, never>): Promise<OnShiftSummary>;
}

// TEMPORARY until sched-core's contract lands: the desk typed with the methods it will have.
export function useScheduleApi(): ScheduleApi {
  const desk = useDesk() as unknown as Record<string, ((input: unknown) => Promise<never>) | undefined>;
  const call = (name: string) => (input: unknown) => desk[name]?.(input) ?? Promise.reject(new Error(`${name} is not available yet`));
  return { getSchedule: call('getSchedule'), saveShift: call('saveShift'), removeShift: call('removeShift'), getOnShift: call('getOnShift') };
}

export const affectsSchedule = (set: ChangeSet) => set.all || set.tables.has('schedule' as ChangedTable);
