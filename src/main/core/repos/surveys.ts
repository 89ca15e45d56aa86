// Satisfaction surveys: each conversation's survey state (migration 15) and the answers read
// from customers' replies.
import type { SurveyKind } from '@shared/surveys/parseSurveyAnswer';
import type { Db } from '../db/database';

export type SurveyState = 'scheduled' | 'sent' | 'answered' | 'expired' | 'cancelled';

export interface ConversationSurvey {
  conversationId: number;
  kind: SurveyKind;
  state: SurveyState;
  sendAt: number;
  messageId: number | null;
  language: string | null;
  sentAt: number | null;
  closedAt: number | null;
}

export interface SurveyAnswerRecord {
  conversationId: number;
  messageId: number;
  kind: SurveyKind;
  score: number;
  confidence: number;
  answeredAt: number;
}

const COLUMNS = `conversation_id AS conversationId, kind, state, send_at AS sendAt, message_id AS messageId, language,
  sent_at AS sentAt, closed_at AS closedAt`;

export function createSurveyRepo(db: Db) {
  const getStmt = db.prepare<[number], ConversationSurvey>(`SELECT ${COLUMNS} FROM conversation_surveys WHERE conversation_id = ?`);
  const scheduleStmt = db.prepare<{ conversationId: number; kind: SurveyKind; sendAt: number }>(
    `INSERT INTO conversation_surveys (conversation_id, kind, state, send_at) VALUES (@conversationId, @kind, 'scheduled', @sendAt)
     ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, state = 'scheduled', send_at = excluded.send_at, closed_at = NULL
     WHERE conversation_surveys.state IN ('scheduled', 'cancelled')`,
  );
  const dueStmt = db.prepare<[number, number], ConversationSurvey>(
    `SELECT ${COLUMNS} FROM conversation_surveys WHERE state = 'scheduled' AND send_at <= ? ORDER BY send_at LIMIT ?`,
  );
  const nextDueStmt = db.prepare<[], { at: number | null }>("SELECT MIN(send_at) AS at FROM conversation_surveys WHERE state = 'scheduled'");
  const markSentStmt = db.prepare<{ conversationId: number; messageId: number; language: string; now: number }>(
    `UPDATE conversation_surveys SET state = 'sent', message_id = @messageId, language = @language, sent_at = @now
     WHERE conversation_id = @conversationId AND state = 'scheduled'`,
  );
  const closeStmt = db.prepare<{ conversationId: number; from: SurveyState; to: SurveyState; now: number }>(
    'UPDATE conversation_surveys SET state = @to, closed_at = @now WHERE conversation_id = @conversationId AND state = @from',
  );
  const expireStmt = db.prepare<[number, number]>("UPDATE conversation_surveys SET state = 'expired', closed_at = ? WHERE state = 'sent' AND sent_at < ?");
  const insertAnswerStmt = db.prepare<SurveyAnswerRecord>(
    `INSERT INTO survey_answers (message_id, conversation_id, kind, score, confidence, answered_at)
     VALUES (@messageId, @conversationId, @kind, @score, @confidence, @answeredAt) ON CONFLICT (message_id) DO NOTHING`,
  );
  const answersStmt = db.prepare<[number], SurveyAnswerRecord>(
    `SELECT message_id AS messageId, conversation_id AS conversationId, kind, score, confidence, answered_at AS answeredAt
     FROM survey_answers WHERE conversation_id = ? ORDER BY answered_at`,
  );

  return {
    get: (conversationId: number): ConversationSurvey | null => getStmt.get(conversationId) ?? null,
    /** Schedules (or reschedules) a survey unless one was already sent for the conversation; true when it did. */
    schedule: (conversationId: number, kind: SurveyKind, sendAt: number): boolean => scheduleStmt.run({ conversationId, kind, sendAt }).changes === 1,
    due: (now: number, limit: number): ConversationSurvey[] => dueStmt.all(now, limit),
    nextDueAt: (): number | null => nextDueStmt.get()?.at ?? null,
    markSent: (conversationId: number, messageId: number, language: string, now: number) =>
      markSentStmt.run({ conversationId, messageId, language, now }).changes === 1,
    /** Moves a survey from one state to another; false when it was not in `from`. */
    close: (conversationId: number, from: SurveyState, to: SurveyState, now: number): boolean => closeStmt.run({ conversationId, from, to, now }).changes === 1,
    /** Surveys sent before `sentBefore` and never answered. */
    expire: (sentBefore: number, now: number): number => expireStmt.run(now, sentBefore).changes,
    insertAnswer: (answer: SurveyAnswerRecord) => void insertAnswerStmt.run(answer),
    answers: (conversationId: number): SurveyAnswerRecord[] => answersStmt.all(conversationId),
  };
}

export type SurveyRepo = ReturnType<typeof createSurveyRepo>;
