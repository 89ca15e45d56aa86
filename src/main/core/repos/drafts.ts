import type { Draft } from '@shared/domain';
import type { Db } from '../db/database';

export function createDraftRepo(db: Db) {
  const getStmt = db.prepare<[number], Draft>(
    'SELECT conversation_id AS conversationId, body, updated_at AS updatedAt FROM drafts WHERE conversation_id = ?',
  );
  const putStmt = db.prepare<Draft>(
    `INSERT INTO drafts (conversation_id, body, updated_at) VALUES (@conversationId, @body, @updatedAt)
     ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  );
  const deleteStmt = db.prepare<[number]>('DELETE FROM drafts WHERE conversation_id = ?');
  return {
    get: (conversationId: number): Draft | null => getStmt.get(conversationId) ?? null,
    put: (draft: Draft) => void putStmt.run(draft),
    delete: (conversationId: number) => void deleteStmt.run(conversationId),
  };
}

export type DraftRepo = ReturnType<typeof createDraftRepo>;
