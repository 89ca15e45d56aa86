// React view of a LiveQueryStore: data that stays fresh as the core changes.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useChangeFeed } from '../app/deskContext';
import type { ChangeSet } from './changeSet';
import { LiveQueryStore, type LiveSnapshot } from './liveQueryStore';

export interface LiveQuery<T> extends LiveSnapshot<T> {
  /** The data of the key asked for, or undefined while it loads. */
  current: T | undefined;
  reload(): void;
  push(data: T): void;
}

/**
 * `load` and `affects` should be stable (module functions or memoised); `key` null means
 * nothing to load.
 */
export function useLiveQuery<T>(
  key: string | null,
  load: (key: string) => Promise<T>,
  affects: (changes: ChangeSet, key: string) => boolean,
): LiveQuery<T> {
  const feed = useChangeFeed();
  const [store] = useState(() => new LiveQueryStore<T>(feed, { load, affects }, key));
  useEffect(() => {
    store.configure({ load, affects });
    store.setKey(key);
  }, [store, key, load, affects]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return {
    ...snapshot,
    current: snapshot.dataKey === snapshot.key ? snapshot.data : undefined,
    reload: store.reload,
    push: store.push,
  };
}
