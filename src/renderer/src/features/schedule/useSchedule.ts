// The schedule of the days shown, kept fresh by 'schedule' changes, and the names to show for agents.
import { useCallback, useMemo } from 'react';
import type { Agent } from '@shared/domain';
import { useWorkspace } from '../../app/workspaceContext';
import { useLiveQuery } from '../../live/useLiveQuery';
import type { ScheduleView } from '@shared/schedule';
import { useDesk } from '../../app/deskContext';
import { affectsSchedule } from '../../live/changeSet';

export function useSchedule(range: { from: number; to: number }) {
  const desk = useDesk();
  const load = useCallback((key: string) => {
    const [from, to] = key.split('|').map(Number);
    return desk.getSchedule({ from: from ?? 0, to: to ?? 0 });
  }, [desk]);
  return useLiveQuery<ScheduleView>(`${range.from}|${range.to}`, load, affectsSchedule);
}

export interface AgentDirectory {
  agents: Agent[];
  nameOf(agentId: string): string;
}

export function useAgents(): AgentDirectory {
  const { workspace } = useWorkspace();
  return useMemo(() => {
    const agents = workspace?.agents ?? [];
    const byId = new Map(agents.map((a) => [a.id, a]));
    return { agents, nameOf: (id: string) => byId.get(id)?.name ?? id };
  }, [workspace]);
}
