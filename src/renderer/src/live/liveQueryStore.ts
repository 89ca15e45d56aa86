// One query the UI shows, kept fresh: loaded when first watched or when its key changes,
// reloaded when a change concerns it. Late answers of older requests never overwrite newer
// ones. DOM-free; React reads it with useSyncExternalStore (useLiveQuery).
import type { ChangeFeed } from './changeFeed';
import type { ChangeSet } from './changeSet';

export interface LiveSnapshot<T> {
  /** The key that is asked for. */
  key: string | null;
  /** The last data loaded, possibly for an earlier key (see dataKey). */
  data: T | undefined;
  dataKey: string | null;
  error: unknown;
  loading: boolean;
}

export interface LiveQueryConfig<T> {
  load(key: string): Promise<T>;
  affects(changes: ChangeSet, key: string): boolean;
}

export class LiveQueryStore<T> {
  private snapshot: LiveSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  private offFeed: (() => void) | null = null;
  private requested = 0;
  private applied = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private config: LiveQueryConfig<T>,
    key: string | null,
  ) {
    this.snapshot = { key, data: undefined, dataKey: null, error: null, loading: key !== null };
  }

  configure(config: LiveQueryConfig<T>): void {
    this.config = config;
  }

  getSnapshot = (): LiveSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.offFeed = this.feed.subscribe((changes) => {
        const key = this.snapshot.key;
        if (key !== null && this.config.affects(changes, key)) this.reload();
      });
      if (this.snapshot.key !== null && (this.snapshot.dataKey !== this.snapshot.key || this.snapshot.error)) this.reload();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.offFeed?.();
        this.offFeed = null;
      }
    };
  };

  setKey(key: string | null): void {
    if (key === this.snapshot.key) return;
    this.set({ key, error: null, loading: key !== null });
    if (key !== null) this.reload();
  }

  reload = (): void => {
    const key = this.snapshot.key;
    if (key === null) return;
    const ticket = ++this.requested;
    if (!this.snapshot.loading) this.set({ loading: true });
    this.config.load(key).then(
      (data) => this.settle(key, ticket, { data, dataKey: key, error: null }),
      (error: unknown) => this.settle(key, ticket, { error }),
    );
  };

  /** Data pushed by the core (e.g. a syncStatus event) for the current key. */
  push = (data: T): void => {
    if (this.snapshot.key === null) return;
    this.applied = this.requested;
    this.set({ data, dataKey: this.snapshot.key, error: null, loading: false });
  };

  private settle(key: string, ticket: number, result: Partial<LiveSnapshot<T>>): void {
    if (key !== this.snapshot.key || ticket <= this.applied) return;
    this.applied = ticket;
    this.set({ ...result, loading: ticket !== this.requested });
  }

  private set(next: Partial<LiveSnapshot<T>>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of [...this.listeners]) listener();
  }
}
