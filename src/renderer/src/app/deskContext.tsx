// The core as the React tree sees it: the Desk, the connection state and the change feed.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Desk } from '@shared/contract';
import type { BridgeMode } from '../bridge/startBridge';
import type { ConnectionSnapshot, ConnectionStore } from '../bridge/connection';
import type { ChangeFeed } from '../live/changeFeed';

export interface DeskContextValue {
  desk: Desk;
  connection: ConnectionStore;
  changes: ChangeFeed;
  mode: BridgeMode;
}

const DeskContext = createContext<DeskContextValue | null>(null);

export function DeskProvider({ value, children }: { value: DeskContextValue; children: ReactNode }) {
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

function useDeskContext(): DeskContextValue {
  const value = useContext(DeskContext);
  if (!value) throw new Error('DeskProvider is missing');
  return value;
}

export const useDesk = (): Desk => useDeskContext().desk;
export const useChangeFeed = (): ChangeFeed => useDeskContext().changes;
export const useBridgeMode = (): BridgeMode => useDeskContext().mode;

export function useConnection(): ConnectionSnapshot & { reconnectNow(): void } {
  const { connection } = useDeskContext();
  const snapshot = useSyncExternalStore(connection.subscribe, connection.get);
  return { ...snapshot, reconnectNow: connection.reconnectNow };
}
