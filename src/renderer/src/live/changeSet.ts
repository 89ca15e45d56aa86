// What changed in the core since the views last loaded, merged over a short burst, and which
// views that concerns. Views re-query only when their data is affected; never by polling.
import type { ChangedTable, ChangesEvent } from '@shared/domain';

export interface ChangeSet {
  /** Everything may have changed (e.g. after a reconnection): every view reloads. */
  all: boolean;
  tables: ReadonlySet<ChangedTable>;
  conversationIds: ReadonlySet<number>;
  /** Some change did not say which conversations it touched. */
  anyConversation: boolean;
}

export const EVERYTHING: ChangeSet = { all: true, tables: new Set(), conversationIds: new Set(), anyConversation: true };

export function emptyChangeSet(): ChangeSet {
  return { all: false, tables: new Set(), conversationIds: new Set(), anyConversation: false };
}

export function mergeChange(set: ChangeSet, event: ChangesEvent | 'everything'): ChangeSet {
  if (event === 'everything' || set.all) return EVERYTHING;
  const tables = new Set(set.tables);
  for (const table of event.tables) tables.add(table);
  const conversationIds = new Set(set.conversationIds);
  for (const id of event.conversationIds) conversationIds.add(id);
  return { all: false, tables, conversationIds, anyConversation: set.anyConversation || event.conversationIds.length === 0 };
}

const touches = (set: ChangeSet, tables: readonly ChangedTable[]) => set.all || tables.some((t) => set.tables.has(t));

/** Queue counts (open, breached) come from conversations alone. */
export const affectsQueues = (set: ChangeSet) => touches(set, ['conversations', 'accounts']);

/** List rows show previews, drafts and queued replies. */
export const affectsConversationList = (set: ChangeSet) =>
  touches(set, ['conversations', 'messages', 'drafts', 'outbox', 'accounts']);

/**
 * The open conversation: when it is named, or when a change to its tables named no conversation.
 * Its own draft saves do not reload it (the composer owns the draft while it is open).
 */
export function affectsConversation(set: ChangeSet, id: number): boolean {
  if (set.all) return true;
  if (!touches(set, ['conversations', 'messages', 'outbox', 'accounts'])) return false;
  return set.conversationIds.has(id) || set.anyConversation;
}

export const affectsSyncStatus = (set: ChangeSet) => touches(set, ['outbox', 'accounts']);

/** Handover items show their conversations' SLA state and last messages. */
export const affectsHandovers = (set: ChangeSet) => touches(set, ['handovers', 'conversations', 'messages', 'accounts']);

export const affectsWorkspace = (set: ChangeSet) => touches(set, ['accounts']);

/** Coverage reads messages, the target and the schedule (the agents' profiles and shifts). */
export const affectsCoverage = (set: ChangeSet) => touches(set, ['coverage', 'messages', 'accounts', 'schedule']);
/** Shifts, time off and agent profiles (the Schedule, the header's on-shift summary). */
export const affectsSchedule = (set: ChangeSet) => touches(set, ['schedule']);
