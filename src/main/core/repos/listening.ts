import type { ConversationIntent, ListeningStream } from '@shared/domain';
import type { Db } from '../db/database';

const COLUMNS = `id, account_id AS accountId, name, query, intent, last_run_at AS lastRunAt, last_error AS lastError`;

export function createListeningRepo(db: Db) {
  const listStmt = db.prepare<[], ListeningStream>(`SELECT ${COLUMNS} FROM listening_streams ORDER BY account_id, name`);
  const byIdStmt = db.prepare<[string], ListeningStream>(`SELECT ${COLUMNS} FROM listening_streams WHERE id = ?`);
  const insertStmt = db.prepare<{ id: string; accountId: string; name: string; query: string; intent: ConversationIntent; now: number }>(
    'INSERT INTO listening_streams (id, account_id, name, query, intent, created_at) VALUES (@id, @accountId, @name, @query, @intent, @now)',
  );
  const deleteStmt = db.prepare<[string]>('DELETE FROM listening_streams WHERE id = ?');
  const cursorStmt = db.prepare<[string], { cursor: string | null }>('SELECT cursor FROM listening_streams WHERE id = ?');
  const saveCursorStmt = db.prepare<{ id: string; cursor: string | null; now: number }>(
    'UPDATE listening_streams SET cursor = @cursor, last_run_at = @now, last_error = NULL WHERE id = @id',
  );
  const errorStmt = db.prepare<{ id: string; error: string | null }>('UPDATE listening_streams SET last_error = @error WHERE id = @id');
  return {
    list: (): ListeningStream[] => listStmt.all(),
    get: (id: string): ListeningStream | null => byIdStmt.get(id) ?? null,
    add: (stream: { id: string; accountId: string; name: string; query: string; intent: ConversationIntent }, now: number) =>
      void insertStmt.run({ ...stream, now }),
    remove: (id: string) => void deleteStmt.run(id),
    cursor: (id: string): string | null => cursorStmt.get(id)?.cursor ?? null,
    saveCursor: (id: string, cursor: string | null, now: number) => void saveCursorStmt.run({ id, cursor, now }),
    setError: (id: string, error: string | null) => void errorStmt.run({ id, error }),
  };
}

export type ListeningRepo = ReturnType<typeof createListeningRepo>;
