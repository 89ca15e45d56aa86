// Keyset paging of the conversation list: pages follow the last row's (dueAt, id), the order
// the core sorts by. A live reload fetches as many rows as the agent had already scrolled to.
import type { ConversationSummary } from '@shared/domain';

export const PAGE_SIZE = 100;
/** The contract's largest page. */
export const MAX_PAGE = 500;
/** Start loading the next page when the last visible row is this close to the end. */
export const LOAD_MORE_THRESHOLD = 20;

export type Cursor = { dueAt: number; id: number };
export type FetchPage = (limit: number, after: Cursor | undefined) => Promise<ConversationSummary[]>;

export function cursorAfter(rows: readonly ConversationSummary[]): Cursor | undefined {
  const last = rows[rows.length - 1];
  return last ? { dueAt: last.dueAt, id: last.id } : undefined;
}

/** Appends a page, dropping rows already shown (a row can move while paging). */
export function appendPage(rows: readonly ConversationSummary[], page: readonly ConversationSummary[]): ConversationSummary[] {
  const seen = new Set(rows.map((r) => r.id));
  return [...rows, ...page.filter((r) => !seen.has(r.id))];
}

/** Loads the first `count` rows (at least one page) in pages the contract allows. */
export async function loadRows(fetchPage: FetchPage, count: number): Promise<{ rows: ConversationSummary[]; hasMore: boolean }> {
  let remaining = Math.max(count, PAGE_SIZE);
  let rows: ConversationSummary[] = [];
  for (;;) {
    const limit = Math.min(MAX_PAGE, remaining);
    const page = await fetchPage(limit, cursorAfter(rows));
    rows = appendPage(rows, page);
    if (page.length < limit) return { rows, hasMore: false };
    remaining -= limit;
    if (remaining <= 0) return { rows, hasMore: true };
  }
}

export function shouldLoadMore(lastVisibleIndex: number, loaded: number, hasMore: boolean): boolean {
  return hasMore && lastVisibleIndex >= loaded - 1 - LOAD_MORE_THRESHOLD;
}
