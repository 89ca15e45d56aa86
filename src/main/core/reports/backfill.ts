// What conversation_events can learn from a replica written before events existed (run by
// migration 15, in its transaction, and by the demo for its history): every reply becomes a
// response (the customer's wait from the oldest message it answered, business time by the
// policy the conversation matches now), each resolved conversation a resolution at its last
// message (the real moment was not kept), each reported breach a breach. Assignments were not
// kept and are not invented. Raw SQL only: the repositories may expect columns of later migrations.
import { businessCalendarSchema, type BusinessCalendar } from '@shared/businessHours';
import { slaMatchSchema, type ResolvedSlaPolicy } from '@shared/sla';
import type { Db } from '../db/database';
import type { ConversationState } from '../repos/conversations';
import { createEventRepo } from '../repos/events';
import { recordBreach, recordResolution, recordResponse } from './recordEvents';

function storedPolicies(db: Db): ResolvedSlaPolicy[] {
  const calendars = new Map<string, BusinessCalendar>();
  for (const row of db.prepare('SELECT id, definition FROM business_calendars').all() as { id: string; definition: string }[]) {
    const parsed = businessCalendarSchema.safeParse(JSON.parse(row.definition));
    if (parsed.success) calendars.set(row.id, parsed.data);
  }
  const rows = db
    .prepare(
      `SELECT id, name, match, first_response_seconds AS firstResponseSeconds, next_response_seconds AS nextResponseSeconds,
              resolution_seconds AS resolutionSeconds, calendar_id AS calendarId, near_breach_share AS nearBreachShare
       FROM sla_policies ORDER BY position, id`,
    )
    .all() as (Omit<ResolvedSlaPolicy, 'match' | 'calendar' | 'autoAck'> & { match: string })[];
  return rows.map((row) => ({
    ...row,
    match: slaMatchSchema.parse(JSON.parse(row.match)),
    calendar: row.calendarId ? (calendars.get(row.calendarId) ?? null) : null,
    autoAck: { enabled: false, messages: {} },
  }));
}

/** Adds the events of conversations that have none (so running it twice adds nothing). */
export function backfillReports(db: Db, options: { conversationIds?: readonly number[] } = {}): number {
  const policies = storedPolicies(db);
  const events = createEventRepo(db);
  const repos = { events };
  const only = options.conversationIds ? new Set(options.conversationIds) : null;
  const states = new Map<number, ConversationState>();
  const stateRows = db
    .prepare(
      `SELECT c.id, c.account_id AS accountId, c.platform_id AS platformId, c.kind, a.platform, c.status, c.priority, c.language,
              c.created_at AS createdAt, c.last_message_at AS lastMessageAt, c.due_at AS dueAt, c.customer_id AS customerId,
              c.assignee_id AS assigneeId, c.intent, cu.vip, c.breach_notified_at AS breachNotifiedAt, c.awaiting_since AS awaitingSince
       FROM conversations c JOIN accounts a ON a.id = c.account_id JOIN customers cu ON cu.id = c.customer_id
       WHERE c.status <> 'listening' AND NOT EXISTS (SELECT 1 FROM conversation_events e WHERE e.conversation_id = c.id)`,
    )
    .all() as (Omit<ConversationState, 'vip'> & { vip: number; breachNotifiedAt: number | null })[];
  const breaches: (ConversationState & { breachNotifiedAt: number })[] = [];
  for (const row of stateRows) {
    if (only && !only.has(row.id)) continue;
    const state: ConversationState = {
      ...row,
      vip: row.vip === 1,
      status: 'open',
      awaitingSince: null,
      firstRespondedAt: null,
      lastRespondedAt: null,
      resolutionSpentMs: 0,
      languageSource: null,
      languageConfidence: null,
      subject: null,
      warnAt: 0,
    };
    states.set(row.id, state);
    if (row.breachNotifiedAt !== null && row.status === 'open') breaches.push({ ...state, awaitingSince: row.awaitingSince, breachNotifiedAt: row.breachNotifiedAt });
  }
  if (states.size === 0) return 0;
  let written = 0;
  // In time order across conversations, so each agent's previous reply (handle time) is known.
  const messages = db.prepare(
    "SELECT id, conversation_id AS conversationId, direction, agent_id AS agentId, created_at AS createdAt FROM messages WHERE status <> 'failed' ORDER BY created_at, id",
  );
  // Read first: better-sqlite3 writes nothing while a statement is being iterated.
  for (const m of messages.all() as { id: number; conversationId: number; direction: 'in' | 'out'; agentId: string | null; createdAt: number }[]) {
    const state = states.get(m.conversationId);
    if (!state) continue;
    if (m.direction === 'in') {
      state.awaitingSince ??= m.createdAt;
      continue;
    }
    recordResponse(repos, policies, state, { at: m.createdAt, agentId: m.agentId, messageId: m.id });
    written++;
    state.firstRespondedAt ??= m.createdAt;
    state.lastRespondedAt = m.createdAt;
    state.awaitingSince = null;
  }
  const resolved = db.prepare("SELECT id, last_message_at AS at FROM conversations WHERE status = 'resolved'");
  for (const { id, at } of resolved.all() as { id: number; at: number }[]) {
    const state = states.get(id);
    if (!state) continue;
    recordResolution(repos, policies, state, at, state.assigneeId);
    written++;
  }
  for (const breach of breaches) {
    recordBreach(repos, policies, breach, breach.breachNotifiedAt);
    written++;
  }
  return written;
}
