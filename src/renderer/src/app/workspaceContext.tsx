// The workspace (this agent, teammates, accounts), loaded once and refreshed when accounts change.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Account, Agent, Workspace } from '@shared/domain';
import { affectsWorkspace } from '../live/changeSet';
import { useLiveQuery } from '../live/useLiveQuery';
import { useDesk } from './deskContext';

export interface WorkspaceValue {
  workspace: Workspace | undefined;
  account(id: string): Account | undefined;
  agent(id: string | null): Agent | undefined;
}

const WorkspaceContext = createContext<WorkspaceValue>({ workspace: undefined, account: () => undefined, agent: () => undefined });

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const desk = useDesk();
  const load = useCallback(() => desk.getWorkspace({}), [desk]);
  const { current: workspace } = useLiveQuery('workspace', load, affectsWorkspace);
  const value = useMemo<WorkspaceValue>(() => {
    const accounts = new Map(workspace?.accounts.map((a) => [a.id, a]));
    const agents = new Map(workspace?.agents.map((a) => [a.id, a]));
    return {
      workspace,
      account: (id) => accounts.get(id),
      agent: (id) => (id === null ? undefined : agents.get(id)),
    };
  }, [workspace]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export const useWorkspace = (): WorkspaceValue => useContext(WorkspaceContext);
