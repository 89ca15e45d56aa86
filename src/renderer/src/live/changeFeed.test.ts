import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Desk } from '@shared/contract';
import type { ChangesEvent } from '@shared/domain';
import type { ConnectionSnapshot, ConnectionStore } from '../bridge/connection';
import { createChangeFeed } from './changeFeed';
import type { ChangeSet } from './changeSet';

function fakes() {
  let emitChanges: (event: ChangesEvent) => void = () => {};
  const desk = {
    on: (event: string, listener: (payload: ChangesEvent) => void) => {
      if (event === 'changes') emitChanges = listener;
      return () => {};
    },
  } as unknown as Desk;
  let snapshot: ConnectionSnapshot = { status: 'connecting', failedAttempts: 0, everConnected: false };
  const listeners = new Set<() => void>();
  const connection: ConnectionStore = {
    get: () => snapshot,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    reconnectNow: () => {},
  };
  const setStatus = (status: ConnectionSnapshot['status']) => {
    snapshot = { status, failedAttempts: 0, everConnected: snapshot.everConnected || status === 'connected' };
    for (const l of listeners) l();
  };
  return { desk, connection, emit: (e: ChangesEvent) => emitChanges(e), setStatus };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('createChangeFeed', () => {
  it('delivers a burst of changes once, merged', () => {
    const { desk, connection, emit } = fakes();
    const feed = createChangeFeed(desk, connection, 150);
    const seen: ChangeSet[] = [];
    feed.subscribe((c) => seen.push(c));
    emit({ tables: ['messages'], conversationIds: [1] });
    emit({ tables: ['outbox'], conversationIds: [2] });
    expect(seen).toHaveLength(0);
    vi.advanceTimersByTime(150);
    expect(seen).toHaveLength(1);
    expect([...seen[0]!.tables]).toEqual(['messages', 'outbox']);
    expect([...seen[0]!.conversationIds]).toEqual([1, 2]);
  });

  it('reports everything after a reconnection, not after the first connection', () => {
    const { desk, connection, setStatus } = fakes();
    const feed = createChangeFeed(desk, connection, 150);
    const seen: ChangeSet[] = [];
    const off = feed.subscribe((c) => seen.push(c));
    setStatus('connected');
    vi.advanceTimersByTime(200);
    expect(seen).toHaveLength(0);
    setStatus('reconnecting');
    setStatus('connected');
    vi.advanceTimersByTime(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.all).toBe(true);
    // Nobody listening: it stops listening to the core too.
    off();
    setStatus('reconnecting');
    setStatus('connected');
    vi.advanceTimersByTime(200);
    expect(seen).toHaveLength(1);
  });
});
