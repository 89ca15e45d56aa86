import { describe, expect, it, vi } from 'vitest';
import type { ChangeFeed } from './changeFeed';
import { emptyChangeSet, mergeChange, type ChangeSet } from './changeSet';
import { LiveQueryStore } from './liveQueryStore';

function fakeFeed() {
  const listeners = new Set<(c: ChangeSet) => void>();
  const feed: ChangeFeed = { subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const emit = (tables: ('messages' | 'drafts')[], ids: number[]) =>
    listeners.forEach((l) => l(mergeChange(emptyChangeSet(), { tables, conversationIds: ids })));
  return { feed, emit, listeners };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LiveQueryStore', () => {
  it('loads when watched and reloads on changes that concern it', async () => {
    const { feed, emit } = fakeFeed();
    const load = vi.fn(async (key: string) => `data ${key} #${load.mock.calls.length}`);
    const store = new LiveQueryStore(feed, { load, affects: (c) => c.tables.has('messages') }, 'a');
    expect(load).not.toHaveBeenCalled();
    const off = store.subscribe(() => {});
    await tick();
    expect(store.getSnapshot()).toMatchObject({ data: 'data a #1', dataKey: 'a', loading: false });
    emit(['drafts'], [1]);
    expect(load).toHaveBeenCalledTimes(1);
    emit(['messages'], [1]);
    await tick();
    expect(store.getSnapshot().data).toBe('data a #2');
    off();
    emit(['messages'], [1]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the previous data while a new key loads, and ignores late answers', async () => {
    const { feed } = fakeFeed();
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const load = (key: string) => {
      const d = deferred<string>();
      answers.set(key, d);
      return d.promise;
    };
    const store = new LiveQueryStore(feed, { load, affects: () => true }, 'a');
    store.subscribe(() => {});
    answers.get('a')!.resolve('A');
    await tick();
    store.setKey('b');
    expect(store.getSnapshot()).toMatchObject({ key: 'b', data: 'A', dataKey: 'a', loading: true });
    store.setKey('c');
    answers.get('b')!.resolve('B');
    await tick();
    expect(store.getSnapshot()).toMatchObject({ key: 'c', data: 'A', loading: true });
    answers.get('c')!.resolve('C');
    await tick();
    expect(store.getSnapshot()).toMatchObject({ key: 'c', data: 'C', dataKey: 'c', loading: false });
  });

  it('applies newer answers even when older ones come late', async () => {
    const { feed } = fakeFeed();
    const pending: ReturnType<typeof deferred<number>>[] = [];
    const store = new LiveQueryStore(
      feed,
      {
        load: () => {
          const d = deferred<number>();
          pending.push(d);
          return d.promise;
        },
        affects: () => true,
      },
      'k',
    );
    store.subscribe(() => {});
    store.reload();
    pending[1]!.resolve(2);
    await tick();
    pending[0]!.resolve(1);
    await tick();
    expect(store.getSnapshot()).toMatchObject({ data: 2, loading: false });
  });

  it('takes pushed data and reports errors', async () => {
    const { feed } = fakeFeed();
    const store = new LiveQueryStore(feed, { load: async () => Promise.reject(new Error('down')), affects: () => true }, 'k');
    store.subscribe(() => {});
    await tick();
    expect((store.getSnapshot().error as Error).message).toBe('down');
    store.push('pushed' as never);
    expect(store.getSnapshot()).toMatchObject({ data: 'pushed', error: null });
  });
});
