// Machine translations of messages, cached per message, target language and provider.
import type { MessageTranslation } from '@shared/translation';
import type { Db } from '../db/database';

export function createTranslationRepo(db: Db) {
  const getStmt = db.prepare<[number, string, string], MessageTranslation>(
    `SELECT message_id AS messageId, target, provider, text, detected_source AS detectedSource, created_at AS createdAt
     FROM message_translations WHERE message_id = ? AND target = ? AND provider = ?`,
  );
  const putStmt = db.prepare<MessageTranslation>(
    `INSERT INTO message_translations (message_id, target, provider, text, detected_source, created_at)
     VALUES (@messageId, @target, @provider, @text, @detectedSource, @createdAt)
     ON CONFLICT (message_id, target, provider) DO UPDATE SET text = excluded.text, detected_source = excluded.detected_source, created_at = excluded.created_at`,
  );
  return {
    get: (messageId: number, target: string, provider: string): MessageTranslation | null => getStmt.get(messageId, target, provider) ?? null,
    put: (translation: MessageTranslation) => void putStmt.run(translation),
  };
}

export type TranslationRepo = ReturnType<typeof createTranslationRepo>;
