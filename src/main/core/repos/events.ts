// conversation_events (migration 15): the append-only record reports are computed from.
import type { ConversationEventKind, SlaTarget, SurveyKind } from '@shared/reports/types';
import type { Db } from '../db/database';

export interface NewConversationEvent {
  kind: ConversationEventKind;
  at: number;
  conversationId: number;
  accountId: string;
  platform: string;
  language: string | null;
  priority: string;
  agentId: string | null;
  shiftRegion: string | null;
  messageId?: number | null;
  waitMs?: number | null;
  businessWaitMs?: number | null;
  handleMs?: number | null;
  fromAgentId?: string | null;
  policyId?: string | null;
  slaTarget?: SlaTarget | null;
  slaMet?: boolean | null;
  surveyKind?: SurveyKind | null;
  score?: number | null;
}

export interface StoredConversationEvent extends Required<Omit<NewConversationEvent, 'slaMet'>> {
  id: number;
  slaMet: boolean | null;
}

/** The region of the shift an agent is on at an instant (null: not on a shift with a region). */
export type ShiftRegionOf = (agentId: string, at: number) => string | null;

export function createEventRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO conversation_events (kind, at, conversation_id, account_id, platform, language, priority, agent_id, shift_region, message_id,
                                      wait_ms, business_wait_ms, handle_ms, from_agent_id, policy_id, sla_target, sla_met, survey_kind, score)
     VALUES (@kind, @at, @conversationId, @accountId, @platform, @language, @priority, @agentId, @shiftRegion, @messageId,
             @waitMs, @businessWaitMs, @handleMs, @fromAgentId, @policyId, @slaTarget, @slaMet, @surveyKind, @score)`,
  );
  const forConversation = db.prepare<[number], Omit<StoredConversationEvent, 'slaMet'> & { slaMet: number | null }>(
    `SELECT id, kind, at, conversation_id AS conversationId, account_id AS accountId, platform, language, priority, agent_id AS agentId,
            shift_region AS shiftRegion, message_id AS messageId, wait_ms AS waitMs, business_wait_ms AS businessWaitMs, handle_ms AS handleMs,
            from_agent_id AS fromAgentId, policy_id AS policyId, sla_target AS slaTarget, sla_met AS slaMet, survey_kind AS surveyKind, score
     FROM conversation_events WHERE conversation_id = ? ORDER BY at, id`,
  );
  const lastActivity = db.prepare<[string, number], { at: number | null }>(
    "SELECT MAX(at) AS at FROM conversation_events WHERE agent_id = ? AND at <= ? AND kind IN ('first_response', 'response')",
  );
  let shiftRegionOf: ShiftRegionOf = () => null;

  return {
    insert(event: NewConversationEvent): void {
      insert.run({
        messageId: null,
        waitMs: null,
        businessWaitMs: null,
        handleMs: null,
        fromAgentId: null,
        policyId: null,
        slaTarget: null,
        surveyKind: null,
        score: null,
        ...event,
        slaMet: event.slaMet === undefined || event.slaMet === null ? null : event.slaMet ? 1 : 0,
      });
    },
    forConversation: (conversationId: number): StoredConversationEvent[] =>
      forConversation.all(conversationId).map((e) => ({ ...e, slaMet: e.slaMet === null ? null : e.slaMet === 1 })),
    /** The agent's latest reply at or before `at` (handle time starts no earlier). */
    lastReplyBy: (agentId: string, at: number): number | null => lastActivity.get(agentId, at)?.at ?? null,
    /** The schedule tells the events which shift region an agent was on (wired by the core). */
    setShiftRegions(lookup: ShiftRegionOf): void {
      shiftRegionOf = lookup;
    },
    shiftRegion: (agentId: string | null, at: number): string | null => (agentId === null ? null : shiftRegionOf(agentId, at)),
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;
