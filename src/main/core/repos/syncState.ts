import type { Db } from '../db/database';

export function createSyncStateRepo(db: Db) {
  const getStmt = db.prepare<[string], { cursor: string | null; lastSyncedAt: number | null }>(
    'SELECT cursor, last_synced_at AS lastSyncedAt FROM sync_state WHERE account_id = ?',
  );
  const putStmt = db.prepare<{ accountId: string; cursor: string | null; now: number }>(
    `INSERT INTO sync_state (account_id, cursor, last_synced_at) VALUES (@accountId, @cursor, @now)
     ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor, last_synced_at = excluded.last_synced_at`,
  );
  return {
    get: (accountId: string) => getStmt.get(accountId) ?? { cursor: null, lastSyncedAt: null },
    put: (accountId: string, cursor: string | null, now: number) => void putStmt.run({ accountId, cursor, now }),
  };
}

export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
