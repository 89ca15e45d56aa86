// Sync health of every account: loaded, refreshed when the outbox changes, and replaced by
// each `syncStatus` event the core pushes.
import { useCallback, useEffect } from 'react';
import type { SyncStatus } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { affectsSyncStatus } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';

export function useSyncStatus(): SyncStatus | undefined {
  const desk = useDesk();
  const load = useCallback(() => desk.getSyncStatus({}), [desk]);
  const query = useLiveQuery('sync', load, affectsSyncStatus);
  const { push } = query;
  useEffect(() => desk.on('syncStatus', push), [desk, push]);
  return query.current;
}
