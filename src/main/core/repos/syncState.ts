import type { Db } from '../db/database';

export interface FirstSyncRecord {
  startedAt: number | null;
  endedAt: number | null;
  messages: number;
  cancelled: boolean;
}

export function createSyncStateRepo(db: Db) {
  const getStmt = db.prepare<[string], { cursor: string | null; lastSyncedAt: number | null }>(
    'SELECT cursor, last_synced_at AS lastSyncedAt FROM sync_state WHERE account_id = ?',
  );
  const putStmt = db.prepare<{ accountId: string; cursor: string | null; now: number }>(
    `INSERT INTO sync_state (account_id, cursor, last_synced_at) VALUES (@accountId, @cursor, @now)
     ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor, last_synced_at = excluded.last_synced_at`,
  );
  const firstSyncStmt = db.prepare<[string], { startedAt: number | null; endedAt: number | null; messages: number; cancelled: number }>(
    `SELECT first_sync_started_at AS startedAt, first_sync_ended_at AS endedAt, first_sync_messages AS messages,
            first_sync_cancelled AS cancelled
     FROM sync_state WHERE account_id = ?`,
  );
  const startFirstSyncStmt = db.prepare<{ accountId: string; now: number }>(
    `INSERT INTO sync_state (account_id, first_sync_started_at) VALUES (@accountId, @now)
     ON CONFLICT (account_id) DO UPDATE SET first_sync_started_at = @now, first_sync_ended_at = NULL,
       first_sync_messages = 0, first_sync_cancelled = 0`,
  );
  const countStmt = db.prepare<{ accountId: string; n: number }>(
    'UPDATE sync_state SET first_sync_messages = first_sync_messages + @n WHERE account_id = @accountId',
  );
  const endStmt = db.prepare<{ accountId: string; now: number; cancelled: number }>(
    'UPDATE sync_state SET first_sync_ended_at = @now, first_sync_cancelled = @cancelled WHERE account_id = @accountId',
  );
  return {
    get: (accountId: string) => getStmt.get(accountId) ?? { cursor: null, lastSyncedAt: null },
    put: (accountId: string, cursor: string | null, now: number) => void putStmt.run({ accountId, cursor, now }),
    firstSync(accountId: string): FirstSyncRecord {
      const row = firstSyncStmt.get(accountId);
      return row ? { ...row, cancelled: row.cancelled === 1 } : { startedAt: null, endedAt: null, messages: 0, cancelled: false };
    },
    startFirstSync: (accountId: string, now: number) => void startFirstSyncStmt.run({ accountId, now }),
    countFirstSync: (accountId: string, n: number) => void countStmt.run({ accountId, n }),
    endFirstSync: (accountId: string, now: number, cancelled: boolean) => void endStmt.run({ accountId, now, cancelled: cancelled ? 1 : 0 }),
  };
}

export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
