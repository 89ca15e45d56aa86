// Writes conversation_events. Every caller is inside the transaction of the change it records
// (a reply, a resolve, an assignment, a breach, a survey answer), so the record and the change
// commit together or not at all.
import { invalidInput, notFound } from '@shared/errors';
import { matchPolicy, type ResolvedSlaPolicy } from '@shared/sla';
import { targetInstant, waitBetween, withinTarget } from '@shared/reports/waits';
import type { SurveyKind } from '@shared/reports/types';
import type { Repos } from '../repos';
import type { ConversationState } from '../repos/conversations';
import type { NewConversationEvent } from '../repos/events';

/** Longest time one reply is assumed to have taken the agent (see AgentWorkload). */
export const HANDLE_CAP_MS = 30 * 60_000;

/** What the writers need: the events repository (the backfill has no other). */
type EventWriter = Pick<Repos, 'events'>;

type Common = Pick<NewConversationEvent, 'conversationId' | 'accountId' | 'platform' | 'language' | 'priority' | 'agentId' | 'shiftRegion'>;

function common(repos: EventWriter, state: ConversationState, agentId: string | null, at: number): Common {
  return {
    conversationId: state.id,
    accountId: state.accountId,
    platform: state.platform,
    language: state.language,
    priority: state.priority,
    agentId,
    shiftRegion: repos.events.shiftRegion(agentId, at),
  };
}

const policyOf = (policies: readonly ResolvedSlaPolicy[], state: ConversationState) => matchPolicy(policies, state);

/**
 * An agent answered (`before`: the conversation as it was). The customer's wait is counted from
 * the oldest unanswered message; a follow-up without one (nothing awaited) records no wait.
 */
export function recordResponse(repos: EventWriter, policies: readonly ResolvedSlaPolicy[], before: ConversationState, reply: { at: number; agentId: string | null; messageId: number | null }): void {
  const first = before.firstRespondedAt === null;
  const policy = policyOf(policies, before);
  const wait = before.awaitingSince === null ? null : waitBetween(policy, before.awaitingSince, reply.at);
  const target = first ? 'first_response' : 'next_response';
  const targetSeconds = policy ? (first ? policy.firstResponseSeconds : policy.nextResponseSeconds) : null;
  let handleMs: number | null = null;
  if (reply.agentId !== null) {
    const workStart = Math.max(before.awaitingSince ?? before.lastRespondedAt ?? before.createdAt, repos.events.lastReplyBy(reply.agentId, reply.at) ?? 0);
    handleMs = Math.min(HANDLE_CAP_MS, Math.max(0, reply.at - workStart));
  }
  repos.events.insert({
    ...common(repos, before, reply.agentId, reply.at),
    kind: first ? 'first_response' : 'response',
    at: reply.at,
    messageId: reply.messageId,
    waitMs: wait?.waitMs ?? null,
    businessWaitMs: wait?.businessWaitMs ?? null,
    handleMs,
    policyId: policy?.id ?? null,
    slaTarget: wait && targetSeconds !== null ? target : null,
    slaMet: wait ? withinTarget(wait.businessWaitMs, targetSeconds) : null,
  });
}

/** Resolved: the time since the conversation started, and whether the resolution target (open time awaiting the agent) held. */
export function recordResolution(repos: EventWriter, policies: readonly ResolvedSlaPolicy[], before: ConversationState, at: number, agentId: string | null): void {
  const policy = policyOf(policies, before);
  const wait = waitBetween(policy, before.createdAt, at);
  const spent = before.resolutionSpentMs + (before.awaitingSince === null ? 0 : waitBetween(policy, before.awaitingSince, at).businessWaitMs);
  const targetSeconds = policy?.resolutionSeconds ?? null;
  repos.events.insert({
    ...common(repos, before, agentId, at),
    kind: 'resolution',
    at,
    waitMs: wait.waitMs,
    businessWaitMs: wait.businessWaitMs,
    policyId: policy?.id ?? null,
    slaTarget: targetSeconds === null ? null : 'resolution',
    slaMet: withinTarget(spent, targetSeconds),
  });
}

/** A resolved conversation is open again (the customer wrote, or an agent reopened it). */
export function recordReopen(repos: EventWriter, before: ConversationState, at: number, agentId: string | null): void {
  repos.events.insert({ ...common(repos, before, agentId ?? before.assigneeId, at), kind: 'reopen', at });
}

export function recordAssignment(repos: EventWriter, before: ConversationState, to: string | null, at: number): void {
  if (before.assigneeId === to) return;
  repos.events.insert({ ...common(repos, before, to, at), kind: 'assignment', at, fromAgentId: before.assigneeId });
}

/** A running deadline passed: which target it was (the resolution clock can come first). */
export function recordBreach(repos: EventWriter, policies: readonly ResolvedSlaPolicy[], state: ConversationState, at: number): void {
  const policy = policyOf(policies, state);
  const first = state.firstRespondedAt === null;
  let target: 'first_response' | 'next_response' | 'resolution' = first ? 'first_response' : 'next_response';
  if (policy && state.awaitingSince !== null && policy.resolutionSeconds !== null) {
    const responseDue = targetInstant(policy, state.awaitingSince, first ? policy.firstResponseSeconds : policy.nextResponseSeconds);
    if (state.dueAt < responseDue) target = 'resolution';
  }
  repos.events.insert({
    ...common(repos, state, state.assigneeId, at),
    kind: 'sla_breach',
    at,
    waitMs: state.awaitingSince === null ? null : Math.max(0, at - state.awaitingSince),
    policyId: policy?.id ?? null,
    slaTarget: target,
  });
}

/**
 * A customer's survey answer (the surveys feature calls this in the transaction that stores the
 * answer). CSAT scores are 1–5, NPS 0–10; anything else is refused and nothing is written.
 */
export function recordSurveyAnswer(repos: Repos, answer: { conversationId: number; kind: SurveyKind; score: number; at: number }): void {
  const range = answer.kind === 'csat' ? [1, 5] : [0, 10];
  if (!Number.isInteger(answer.score) || answer.score < range[0]! || answer.score > range[1]!) {
    throw invalidInput(`A ${answer.kind.toUpperCase()} score is a whole number from ${range[0]} to ${range[1]} (got ${answer.score})`);
  }
  const state = repos.conversations.state(answer.conversationId);
  if (!state) throw notFound(`Conversation ${answer.conversationId}`);
  repos.events.insert({ ...common(repos, state, state.assigneeId, answer.at), kind: 'survey_answer', at: answer.at, surveyKind: answer.kind, score: answer.score });
}

/** The entry point named in the reports contract for features outside the core's own writers (surveys). */
export function recordEvent(repos: Repos, event: { kind: 'survey_answer'; conversationId: number; surveyKind: SurveyKind; score: number; at: number }): void {
  recordSurveyAnswer(repos, { conversationId: event.conversationId, kind: event.surveyKind, score: event.score, at: event.at });
}
