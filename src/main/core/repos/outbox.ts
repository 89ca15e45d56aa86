// The outbox: actions recorded locally, waiting to be delivered to a platform exactly once,
// in order per conversation.
import type { Db } from '../db/database';

export type OutboxState = 'pending' | 'inflight' | 'done' | 'failed';

export interface OutboxEntry {
  seq: number;
  id: string;
  accountId: string;
  conversationId: number;
  messageId: number;
  action: 'reply';
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  restoreAwaitingSince: number | null;
  createdAt: number;
}

export interface NewOutboxEntry {
  id: string;
  accountId: string;
  conversationId: number;
  messageId: number;
  restoreAwaitingSince: number | null;
  now: number;
}

const COLUMNS = `seq, id, account_id AS accountId, conversation_id AS conversationId, message_id AS messageId, action, state,
  attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, restore_awaiting_since AS restoreAwaitingSince, created_at AS createdAt`;

export function createOutboxRepo(db: Db) {
  const insertStmt = db.prepare<NewOutboxEntry>(
    `INSERT INTO outbox (id, account_id, conversation_id, message_id, action, state, next_attempt_at, restore_awaiting_since, created_at, updated_at)
     VALUES (@id, @accountId, @conversationId, @messageId, 'reply', 'pending', @now, @restoreAwaitingSince, @now, @now)`,
  );
  const byIdStmt = db.prepare<[string], OutboxEntry>(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`);
  const byMessageStmt = db.prepare<[number], OutboxEntry>(`SELECT ${COLUMNS} FROM outbox WHERE message_id = ?`);
  const deleteStmt = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');
  // The head of each conversation's queue, if it is due and not already in flight.
  // Later entries of a conversation wait for its head.
  const headsStmt = db.prepare<{ now: number; limit: number }, OutboxEntry>(
    `SELECT ${COLUMNS} FROM outbox o
     WHERE o.state = 'pending' AND o.next_attempt_at <= @now
       AND o.seq = (SELECT MIN(seq) FROM outbox h WHERE h.conversation_id = o.conversation_id AND h.state IN ('pending', 'inflight'))
     ORDER BY o.seq LIMIT @limit`,
  );
  // When each account's next deliverable entry (a conversation's head) is due.
  const headAttemptsStmt = db.prepare<[], { accountId: string; at: number }>(
    `SELECT o.account_id AS accountId, MIN(o.next_attempt_at) AS at FROM outbox o
     WHERE o.state = 'pending'
       AND o.seq = (SELECT MIN(seq) FROM outbox h WHERE h.conversation_id = o.conversation_id AND h.state IN ('pending', 'inflight'))
     GROUP BY o.account_id`,
  );
  const setStateStmt = db.prepare<{ id: string; state: OutboxState; attempts: number; nextAttemptAt: number; lastError: string | null; now: number }>(
    `UPDATE outbox SET state = @state, attempts = @attempts, next_attempt_at = @nextAttemptAt, last_error = @lastError, updated_at = @now
     WHERE id = @id`,
  );
  const retryNowStmt = db.prepare<[number, string]>(
    "UPDATE outbox SET next_attempt_at = ? WHERE account_id = ? AND state = 'pending'",
  );
  const recoverStmt = db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'inflight'");
  const countsStmt = db.prepare<[], { accountId: string; state: OutboxState; n: number }>(
    "SELECT account_id AS accountId, state, COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'inflight', 'failed') GROUP BY 1, 2",
  );

  return {
    add: (entry: NewOutboxEntry) => void insertStmt.run(entry),
    byId: (id: string): OutboxEntry | null => byIdStmt.get(id) ?? null,
    byMessage: (messageId: number): OutboxEntry | null => byMessageStmt.get(messageId) ?? null,
    remove: (id: string) => void deleteStmt.run(id),
    dueHeads: (now: number, limit: number): OutboxEntry[] => headsStmt.all({ now, limit }),
    headAttempts: () => headAttemptsStmt.all(),
    update: (id: string, fields: { state: OutboxState; attempts: number; nextAttemptAt: number; lastError: string | null }, now: number) =>
      void setStateStmt.run({ id, ...fields, now }),
    /** The account is reachable again: stop waiting out the backoff. */
    retryNow: (accountId: string, now: number) => void retryNowStmt.run(now, accountId),
    /** After a crash or restart, anything that was in flight is sent again with the same key. */
    recoverInflight: (): number => recoverStmt.run().changes,
    counts: () => countsStmt.all(),
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
