import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '@shared/domain';
import { appendPage, cursorAfter, loadRows, shouldLoadMore, type Cursor } from './listPaging';

const row = (id: number, dueAt = id * 10) => ({ id, dueAt }) as ConversationSummary;

function server(total: number) {
  const all = Array.from({ length: total }, (_, i) => row(i + 1));
  const calls: [number, Cursor | undefined][] = [];
  const fetchPage = async (limit: number, after: Cursor | undefined) => {
    calls.push([limit, after]);
    const start = after ? all.findIndex((r) => r.dueAt > after.dueAt || (r.dueAt === after.dueAt && r.id > after.id)) : 0;
    return start < 0 ? [] : all.slice(start, start + limit);
  };
  return { fetchPage, calls };
}

describe('list paging', () => {
  it('continues after the last row', () => {
    expect(cursorAfter([row(1), row(2, 99)])).toEqual({ dueAt: 99, id: 2 });
    expect(cursorAfter([])).toBeUndefined();
  });

  it('does not show a row twice', () => {
    expect(appendPage([row(1), row(2)], [row(2), row(3)]).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('reloads as many rows as were shown, in pages of at most 500', async () => {
    const { fetchPage, calls } = server(2000);
    const { rows, hasMore } = await loadRows(fetchPage, 1200);
    expect(rows).toHaveLength(1200);
    expect(hasMore).toBe(true);
    expect(calls.map(([limit]) => limit)).toEqual([500, 500, 200]);
    expect(calls[1]![1]).toEqual({ dueAt: 5000, id: 500 });
  });

  it('loads at least one page and knows when the end is reached', async () => {
    const { fetchPage } = server(30);
    await expect(loadRows(fetchPage, 0)).resolves.toMatchObject({ hasMore: false });
    expect((await loadRows(fetchPage, 0)).rows).toHaveLength(30);
  });

  it('asks for more near the end only', () => {
    expect(shouldLoadMore(50, 100, true)).toBe(false);
    expect(shouldLoadMore(79, 100, true)).toBe(true);
    expect(shouldLoadMore(99, 100, false)).toBe(false);
  });
});
