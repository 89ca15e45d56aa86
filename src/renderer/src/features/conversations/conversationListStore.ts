// The rows of the selected queue: first page on open, more pages while scrolling, and a live
// reload of everything shown when a change concerns the list. DOM-free (see useConversationList).
import type { ConversationSummary, QueueId } from '@shared/domain';
import type { ChangeFeed } from '../../live/changeFeed';
import { affectsConversationList } from '../../live/changeSet';
import { appendPage, cursorAfter, loadRows, PAGE_SIZE, type Cursor } from './listPaging';

export type ListFetch = (queue: QueueId, limit: number, after: Cursor | undefined) => Promise<ConversationSummary[]>;

export interface ListSnapshot {
  queue: QueueId;
  /** Rows of `queue`; empty until its first page arrived. */
  rows: ConversationSummary[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

export class ConversationListStore {
  private snapshot: ListSnapshot;
  private readonly listeners = new Set<() => void>();
  private offFeed: (() => void) | null = null;
  /** Bumped by every full load: answers of older loads and pages are dropped. */
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly fetch: ListFetch,
    queue: QueueId,
  ) {
    this.snapshot = { queue, rows: [], hasMore: false, loading: true, loadingMore: false, error: null };
  }

  getSnapshot = (): ListSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.offFeed = this.feed.subscribe((changes) => {
        if (affectsConversationList(changes)) this.reload();
      });
      this.reload();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.offFeed?.();
        this.offFeed = null;
      }
    };
  };

  setQueue(queue: QueueId): void {
    if (queue === this.snapshot.queue) return;
    this.generation++;
    this.set({ queue, rows: [], hasMore: false, loading: true, loadingMore: false, error: null });
    this.reload();
  }

  /** Re-queries every row shown so far (at least a page). */
  reload = (): void => {
    const generation = ++this.generation;
    const { queue, rows } = this.snapshot;
    this.set({ loading: true });
    loadRows((limit, after) => this.fetch(queue, limit, after), rows.length).then(
      ({ rows: loaded, hasMore }) => {
        if (generation !== this.generation) return;
        this.set({ rows: loaded, hasMore, loading: false, loadingMore: false, error: null });
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.set({ loading: false, loadingMore: false, error });
      },
    );
  };

  loadMore = (): void => {
    const { queue, rows, hasMore, loading, loadingMore } = this.snapshot;
    if (!hasMore || loading || loadingMore) return;
    const generation = this.generation;
    this.set({ loadingMore: true });
    this.fetch(queue, PAGE_SIZE, cursorAfter(rows)).then(
      (page) => {
        if (generation !== this.generation) return;
        this.set({ rows: appendPage(this.snapshot.rows, page), hasMore: page.length === PAGE_SIZE, loadingMore: false });
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.set({ loadingMore: false, error });
      },
    );
  };

  private set(next: Partial<ListSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of [...this.listeners]) listener();
  }
}
