// The deadline columns of a conversation, from its state and the policies: one place for every
// writer (ingest, replies, resolve, take, the outbox giving a failed reply's wait back).
import { slaDeadlines, type ResolvedSlaPolicy } from '@shared/sla';
import type { ConversationPatch, ConversationState } from '../repos/conversations';

export type DeadlineFields = Required<Pick<ConversationPatch, 'dueAt' | 'warnAt' | 'policyId'>> & Pick<ConversationPatch, 'breachNotifiedAt' | 'warnNotifiedAt'>;

/** A moved deadline is a new chance to breach, or to come near: those are reported again. */
export function deadlineFields(policies: readonly ResolvedSlaPolicy[], state: ConversationState): DeadlineFields {
  const next = slaDeadlines(policies, state);
  return {
    dueAt: next.dueAt,
    warnAt: next.warnAt,
    policyId: next.policyId,
    breachNotifiedAt: next.dueAt !== state.dueAt ? null : undefined,
    warnNotifiedAt: next.warnAt !== state.warnAt ? null : undefined,
  };
}
