// One subscription to the core's `changes` event for the whole renderer: bursts are merged
// and delivered once per short window, and a reconnection counts as "everything changed".
// It listens to the core only while someone listens to it.
import type { Desk } from '@shared/contract';
import type { ConnectionStore } from '../bridge/connection';
import { emptyChangeSet, mergeChange, type ChangeSet } from './changeSet';

export const COALESCE_MS = 150;

export interface ChangeFeed {
  subscribe(listener: (changes: ChangeSet) => void): () => void;
}

export function createChangeFeed(desk: Desk, connection: ConnectionStore, coalesceMs = COALESCE_MS): ChangeFeed {
  const listeners = new Set<(changes: ChangeSet) => void>();
  let pending: ChangeSet | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stop: (() => void) | null = null;

  const flush = () => {
    timer = null;
    const changes = pending;
    pending = null;
    if (!changes) return;
    for (const listener of [...listeners]) listener(changes);
  };
  const add = (event: Parameters<typeof mergeChange>[1]) => {
    pending = mergeChange(pending ?? emptyChangeSet(), event);
    timer ??= setTimeout(flush, coalesceMs);
  };

  const start = () => {
    const offChanges = desk.on('changes', (event) => add(event));
    let wasConnected = connection.get().status === 'connected';
    let connectedBefore = connection.get().everConnected;
    const offConnection = connection.subscribe(() => {
      const connected = connection.get().status === 'connected';
      // Events pushed while the socket was down are lost: re-query everything once it is back.
      if (connected && !wasConnected && connectedBefore) add('everything');
      wasConnected = connected;
      connectedBefore ||= connected;
    });
    return () => {
      offChanges();
      offConnection();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    };
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      stop ??= start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
  };
}
