import { describe, expect, it } from 'vitest';
import type { ConversationSummary, QueueId } from '@shared/domain';
import type { ChangeFeed } from '../../live/changeFeed';
import { emptyChangeSet, mergeChange, type ChangeSet } from '../../live/changeSet';
import { ConversationListStore } from './conversationListStore';
import type { Cursor } from './listPaging';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setUp(counts: Partial<Record<QueueId, number>>) {
  const listeners = new Set<(c: ChangeSet) => void>();
  const feed: ChangeFeed = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const calls: [QueueId, number, Cursor | undefined][] = [];
  const fetch = async (queue: QueueId, limit: number, after: Cursor | undefined) => {
    calls.push([queue, limit, after]);
    const all = Array.from({ length: counts[queue] ?? 0 }, (_, i) => ({ id: i + 1, dueAt: i + 1 }) as ConversationSummary);
    const start = after ? all.findIndex((r) => r.id > after.id) : 0;
    return start < 0 ? [] : all.slice(start, start + limit);
  };
  const store = new ConversationListStore(feed, fetch, 'all');
  const emit = (tables: ('drafts' | 'accounts')[]) =>
    listeners.forEach((l) => l(mergeChange(emptyChangeSet(), { tables, conversationIds: [] })));
  return { store, calls, emit, counts };
}

describe('ConversationListStore', () => {
  it('loads the first page, then more on demand', async () => {
    const { store, calls } = setUp({ all: 250 });
    store.subscribe(() => {});
    await tick();
    expect(store.getSnapshot()).toMatchObject({ hasMore: true, loading: false });
    expect(store.getSnapshot().rows).toHaveLength(100);
    store.loadMore();
    store.loadMore(); // ignored while a page is loading
    await tick();
    expect(store.getSnapshot().rows).toHaveLength(200);
    expect(calls.map((c) => c[2]?.id)).toEqual([undefined, 100]);
  });

  it('reloads as many rows as are shown when a change concerns the list', async () => {
    const { store, calls, emit, counts } = setUp({ all: 250 });
    store.subscribe(() => {});
    await tick();
    store.loadMore();
    await tick();
    counts.all = 260;
    emit(['drafts']);
    await tick();
    expect(calls.at(-1)).toEqual(['all', 200, undefined]);
    expect(store.getSnapshot().rows).toHaveLength(200);
  });

  it('switches queues without mixing their rows', async () => {
    const { store } = setUp({ all: 5, mine: 2 });
    store.subscribe(() => {});
    store.setQueue('mine');
    await tick();
    expect(store.getSnapshot()).toMatchObject({ queue: 'mine', hasMore: false, loading: false });
    expect(store.getSnapshot().rows).toHaveLength(2);
  });
});
