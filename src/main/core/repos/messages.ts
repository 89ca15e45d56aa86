// Messages and their full-text index. The index is fed by one statement per batch, in the
// transaction that wrote the messages, instead of a trigger per row.
import type { Direction, LanguageSource, Message, MessageStatus, SearchHit } from '@shared/domain';
import type { Db } from '../db/database';

export interface NewMessage {
  conversationId: number;
  accountId: string;
  platformId: string | null;
  direction: Direction;
  customerId: number | null;
  agentId: string | null;
  body: string;
  language: string | null;
  /** Where a customer's message's language came from and how sure it is (0..1). */
  languageSource?: LanguageSource | null;
  languageConfidence?: number | null;
  urgent: boolean;
  createdAt: number;
  status: MessageStatus;
  clientId?: string | null;
  sentiment?: { score: number; label: string } | null;
  /** Why it is urgent (JSON), when it is. */
  urgency?: string | null;
}

export interface MessageRef {
  id: number;
  conversationId: number;
  accountId: string;
  platformId: string | null;
  status: MessageStatus;
  body: string;
}

/**
 * Turns what an agent typed into an FTS5 query: every word must appear, the last one as a
 * prefix (search as you type) once it has two characters, which the prefix index serves.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  if (words.length === 0) return null;
  const last = words.length - 1;
  return words.map((w, i) => `"${w}"${i === last && [...w].length >= 2 ? '*' : ''}`).join(' ');
}

// Parameters compared in joined statements carry a unary plus: it keeps SQLite 3.54 from
// marking them plan-sensitive, which makes better-sqlite3 re-prepare on every call.
type Row = Omit<NewMessage, 'sentiment' | 'urgent'> & {
  urgentInt: number;
  clientId: string | null;
  sentimentScore: number | null;
  sentimentLabel: string | null;
  urgency: string | null;
  languageSource: LanguageSource | null;
  languageConfidence: number | null;
};

const toRow = ({ sentiment, urgent, ...m }: NewMessage): Row => ({
  ...m,
  clientId: m.clientId ?? null,
  urgentInt: urgent ? 1 : 0,
  sentimentScore: sentiment?.score ?? null,
  sentimentLabel: sentiment?.label ?? null,
  urgency: m.urgency ?? null,
  languageSource: m.languageSource ?? null,
  languageConfidence: m.languageConfidence ?? null,
});

export function createMessageRepo(db: Db) {
  const insertStmt = db.prepare<Row>(
    `INSERT INTO messages (conversation_id, account_id, platform_id, direction, customer_id, agent_id, body, language, language_source, language_confidence,
                           urgent, created_at, status, client_id, sentiment, sentiment_label, urgency)
     VALUES (@conversationId, @accountId, @platformId, @direction, @customerId, @agentId, @body, @language, @languageSource, @languageConfidence,
             @urgentInt, @createdAt, @status, @clientId, @sentimentScore, @sentimentLabel, @urgency)
     ON CONFLICT (account_id, platform_id) DO NOTHING`,
  );
  const maxIdStmt = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM messages');
  const indexSinceStmt = db.prepare<[number]>('INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages WHERE id > ?');
  const listStmt = db.prepare<[number], Omit<Message, 'urgent' | 'urgency' | 'survey' | 'surveyQuestion'> & { urgent: number; urgency: string | null; surveyKind: 'csat' | 'nps' | null; surveyScore: number | null; isSurveyQuestion: number }>(
    `SELECT m.id, m.conversation_id AS conversationId, m.direction, m.body, m.created_at AS createdAt, m.status, m.error,
            COALESCE(CASE m.direction WHEN 'in' THEN cu.display_name ELSE ag.name END, '') AS authorName,
            m.language, m.language_confidence AS languageConfidence, m.language_source AS languageSource,
            m.urgent, m.sentiment_label AS sentiment, m.urgency, sa.kind AS surveyKind, sa.score AS surveyScore, cs.conversation_id IS NOT NULL AS isSurveyQuestion
     FROM messages m
     LEFT JOIN customers cu ON cu.id = m.customer_id
     LEFT JOIN agents ag ON ag.id = m.agent_id
     LEFT JOIN survey_answers sa ON sa.message_id = m.id
     LEFT JOIN conversation_surveys cs ON cs.conversation_id = m.conversation_id AND cs.message_id = m.id
     WHERE m.conversation_id = +? ORDER BY m.created_at, m.id`,
  );
  const refStmt = db.prepare<[number], MessageRef>(
    `SELECT id, conversation_id AS conversationId, account_id AS accountId, platform_id AS platformId, status, body FROM messages WHERE id = ?`,
  );
  const byClientIdStmt = db.prepare<[string], MessageRef>(
    `SELECT id, conversation_id AS conversationId, account_id AS accountId, platform_id AS platformId, status, body FROM messages WHERE client_id = ?`,
  );
  const lastInboundStmt = db.prepare<[number], { platformId: string | null }>(
    `SELECT platform_id AS platformId FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  const setStatusStmt = db.prepare<{ id: number; status: MessageStatus; error: string | null }>(
    'UPDATE messages SET status = @status, error = @error WHERE id = @id',
  );
  const markSentStmt = db.prepare<{ id: number; platformId: string }>(
    "UPDATE messages SET status = 'sent', error = NULL, platform_id = @platformId WHERE id = @id",
  );
  const echoStmt = db.prepare<{ id: number; platformId: string }, { id: number; body: string }>(
    'SELECT id, body FROM messages WHERE account_id = (SELECT account_id FROM messages WHERE id = @id) AND platform_id = @platformId AND id <> @id',
  );
  const unindexStmt = db.prepare<{ id: number; body: string }>("INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', @id, @body)");
  const deleteStmt = db.prepare<[number]>('DELETE FROM messages WHERE id = ?');
  const unindexAccountStmt = db.prepare<[string]>(
    "INSERT INTO messages_fts (messages_fts, rowid, body) SELECT 'delete', id, body FROM messages WHERE account_id = ?",
  );
  const unsentReplyStmt = db.prepare<[number, string], { id: number }>(
    "SELECT id FROM messages WHERE conversation_id = +? AND direction = 'out' AND status IN ('queued', 'sending') AND body = ? LIMIT 1",
  );
  const searchStmt = db.prepare<{ query: string; limit: number }, SearchHit>(
    `SELECT m.id AS messageId, m.conversation_id AS conversationId, m.account_id AS accountId,
            COALESCE(CASE m.direction WHEN 'in' THEN cu.display_name ELSE ag.name END, '') AS customerName,
            m.body, m.created_at AS createdAt
     FROM (SELECT rowid AS id FROM messages_fts WHERE messages_fts MATCH @query ORDER BY rowid DESC LIMIT +@limit) hit
     JOIN messages m ON m.id = hit.id
     LEFT JOIN customers cu ON cu.id = m.customer_id
     LEFT JOIN agents ag ON ag.id = m.agent_id
     ORDER BY m.id DESC`,
  );

  return {
    /** Inserts unless a message with the same platform id exists; returns whether it was new. */
    /** Its id, or null when the platform id was already stored. */
    insert(m: NewMessage): number | null {
      const run = insertStmt.run(toRow(m));
      return run.changes === 1 ? Number(run.lastInsertRowid) : null;
    },
    insertReturningId: (m: NewMessage): number => Number(insertStmt.run(toRow(m)).lastInsertRowid),
    byClientId: (clientId: string): MessageRef | null => byClientIdStmt.get(clientId) ?? null,
    /** The highest message id: call before a batch, then indexSince() with it after. */
    maxId: (): number => maxIdStmt.get()?.id ?? 0,
    indexSince: (id: number) => void indexSinceStmt.run(id),
    forConversation: (conversationId: number): Message[] =>
      listStmt.all(conversationId).map(({ surveyKind, surveyScore, isSurveyQuestion, ...row }) => ({
        ...row,
        ...(isSurveyQuestion ? { surveyQuestion: true } : {}),
        urgent: row.urgent === 1,
        urgency: row.urgency ? (JSON.parse(row.urgency) as Message['urgency']) : null,
        survey: surveyKind && surveyScore !== null ? { kind: surveyKind, score: surveyScore } : null,
      })),
    ref: (id: number): MessageRef | null => refStmt.get(id) ?? null,
    lastInboundPlatformId: (conversationId: number): string | null => lastInboundStmt.get(conversationId)?.platformId ?? null,
    setStatus: (id: number, status: MessageStatus, error: string | null = null) => void setStatusStmt.run({ id, status, error }),
    /**
     * Records the platform's id of a reply we sent. A copy of it pulled from the platform while
     * the send was in flight (an echo) is dropped: the local row is the one the agent wrote.
     */
    markSent(id: number, platformId: string) {
      for (const echo of echoStmt.all({ id, platformId })) {
        unindexStmt.run(echo);
        deleteStmt.run(echo.id);
      }
      markSentStmt.run({ id, platformId });
    },
    /** Removes an account's messages from the search index (before the account is deleted). */
    unindexAccount: (accountId: string) => void unindexAccountStmt.run(accountId),
    /** A reply of ours to this conversation with this text that is not acknowledged yet. */
    unsentReply: (conversationId: number, body: string): number | null => unsentReplyStmt.get(conversationId, body)?.id ?? null,
    search(input: string, limit: number): SearchHit[] {
      const query = toFtsQuery(input);
      return query ? searchStmt.all({ query, limit }) : [];
    },
  };
}

export type MessageRepo = ReturnType<typeof createMessageRepo>;
