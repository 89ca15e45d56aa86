import { describe, expect, it } from 'vitest';
import {
  affectsConversation,
  affectsConversationList,
  affectsQueues,
  affectsSyncStatus,
  emptyChangeSet,
  EVERYTHING,
  mergeChange,
} from './changeSet';

describe('change sets', () => {
  it('merges tables and conversations of a burst', () => {
    let set = emptyChangeSet();
    set = mergeChange(set, { tables: ['messages'], conversationIds: [1, 2] });
    set = mergeChange(set, { tables: ['outbox', 'messages'], conversationIds: [2, 3] });
    expect([...set.tables]).toEqual(['messages', 'outbox']);
    expect([...set.conversationIds]).toEqual([1, 2, 3]);
    expect(set.anyConversation).toBe(false);
    expect(mergeChange(set, 'everything')).toBe(EVERYTHING);
    expect(mergeChange(EVERYTHING, { tables: [], conversationIds: [] })).toBe(EVERYTHING);
  });

  it('reloads the open conversation only when it is concerned', () => {
    const named = mergeChange(emptyChangeSet(), { tables: ['messages', 'conversations'], conversationIds: [7] });
    expect(affectsConversation(named, 7)).toBe(true);
    expect(affectsConversation(named, 8)).toBe(false);
    const unnamed = mergeChange(emptyChangeSet(), { tables: ['outbox'], conversationIds: [] });
    expect(affectsConversation(unnamed, 8)).toBe(true);
    const ownDraft = mergeChange(emptyChangeSet(), { tables: ['drafts'], conversationIds: [7] });
    expect(affectsConversation(ownDraft, 7)).toBe(false);
    expect(affectsConversation(EVERYTHING, 7)).toBe(true);
  });

  it('tells each view whether it needs to reload', () => {
    const draft = mergeChange(emptyChangeSet(), { tables: ['drafts'], conversationIds: [7] });
    expect(affectsConversationList(draft)).toBe(true);
    expect(affectsQueues(draft)).toBe(false);
    expect(affectsSyncStatus(draft)).toBe(false);
    const sent = mergeChange(emptyChangeSet(), { tables: ['outbox', 'messages', 'conversations'], conversationIds: [7] });
    expect(affectsQueues(sent)).toBe(true);
    expect(affectsSyncStatus(sent)).toBe(true);
  });
});
