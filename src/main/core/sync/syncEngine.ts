// Owns the per-account pull loops, the outbox worker and the health of each account, and
// reports the sync status the status bar shows.
import type { ListeningStream, SyncStatus } from '@shared/domain';
import type { ResolvedSlaPolicy } from '@shared/sla';
import type { Connector } from '../connectors/connector';
import type { Clock, Logger } from '../ports';
import type { Repos } from '../repos';
import type { BackoffOptions } from './backoff';
import { FirstSyncTracker } from './firstSync';
import { HealthTracker } from './health';
import { OutboxWorker } from './outboxWorker';
import { ingestPage, type Analyze, type IngestResult, type SurveyReplyReader } from './ingest';
import { PullLoop, type PullSource } from './pullLoop';

const STATUS_THROTTLE_MS = 5_000;
const LISTENING_INTERVAL_MS = 5 * 60_000;
/** A first sync's progress bar moves at most this often. */
const FIRST_SYNC_STATUS_MS = 500;

export interface SyncEngineDeps {
  repos: Repos;
  clock: Clock;
  logger: Logger;
  connectors: Map<string, Connector>;
  policies: () => readonly ResolvedSlaPolicy[];
  /** Language, sentiment and urgency of customers' messages as they are stored. */
  analyze?: Analyze;
  /** Survey answers in customers' replies to the account feeds. */
  readSurveyReply?: SurveyReplyReader;
  onIngested: (accountId: string, result: IngestResult) => void;
  onOutboxChanged: (conversationIds: number[]) => void;
  onStatus: (status: SyncStatus) => void;
  /** Overrides every connector's own poll interval when set. */
  pullIntervalMs?: number;
  backoff: BackoffOptions;
  /** Demo workspace: whether an account's simulated platform is switched off. */
  simulatedOutage?: (accountId: string) => boolean;
}

export class SyncEngine {
  readonly health = new HealthTracker();
  readonly outbox: OutboxWorker;
  private readonly firstSyncs: FirstSyncTracker;
  /** Per account: its feed's loop, then one per listening stream. */
  private readonly loops = new Map<string, PullLoop[]>();

  constructor(private readonly deps: SyncEngineDeps) {
    this.firstSyncs = new FirstSyncTracker(deps.repos.syncState, deps.clock, () => this.publishStatusSoon(FIRST_SYNC_STATUS_MS));
    this.outbox = new OutboxWorker({
      repos: deps.repos,
      clock: deps.clock,
      health: this.health,
      logger: deps.logger,
      connectorFor: (accountId) => deps.connectors.get(accountId) ?? null,
      policies: deps.policies,
      onChanged: (ids) => {
        deps.onOutboxChanged(ids);
        this.publishStatus();
      },
      backoff: deps.backoff,
    });
    for (const [accountId, connector] of deps.connectors) this.addLoop(accountId, connector);
    this.health.onChange(({ accountId, channel, state, previous }) => {
      // The platform answers pulls again after a network outage: replies that waited for it go
      // now, not at the end of their backoff. A rate limit on sending is still honoured.
      const sending = this.health.channel(accountId, 'send');
      if (channel === 'pull' && state.health === 'online' && previous.health !== 'online' && sending.health === 'offline') {
        deps.repos.outbox.retryNow(accountId, deps.clock.now());
        this.outbox.kick();
      }
      this.publishStatus();
    });
  }

  private started = false;

  private loopDeps() {
    return {
      clock: this.deps.clock,
      logger: this.deps.logger,
      onIngested: (id: string, result: IngestResult) => {
        this.deps.onIngested(id, result);
        this.publishStatusSoon();
      },
      intervalMs: this.deps.pullIntervalMs,
      backoff: this.deps.backoff,
    };
  }

  /** The account's own feed: mentions, comments, DMs, mail. */
  private accountSource(accountId: string, connector: Connector): PullSource {
    const { repos, policies } = this.deps;
    return {
      accountId,
      label: accountId,
      pollIntervalMs: connector.pollIntervalMs,
      cursor: () => repos.syncState.get(accountId).cursor,
      pull: (cursor) => connector.pull(cursor, this.firstSyncs.control(accountId)),
      ingest: (page, now) => {
        const result = ingestPage(repos, accountId, page.items, page.cursor, policies(), now, { analyze: this.deps.analyze, readSurveyReply: this.deps.readSurveyReply });
        this.firstSyncs.ingested(accountId, result.newMessages);
        return result;
      },
      caughtUp: () => this.firstSyncs.caughtUp(accountId),
      succeeded: () => this.health.ok(accountId, 'pull'),
      failed: (error, reason, next) => (error ? this.health.failed(accountId, 'pull', error, next) : this.health.degraded(accountId, 'pull', reason, next)),
      watch: connector.watch?.bind(connector),
    };
  }

  /** A listening stream: its hits wait in the Listening queue. Its failures stay on the stream. */
  private streamSource(stream: ListeningStream, connector: Connector & { search: NonNullable<Connector['search']> }): PullSource {
    const { repos, policies } = this.deps;
    return {
      accountId: stream.accountId,
      label: `${stream.accountId}/listening:${stream.id}`,
      // Searches are costlier than feeds: at most every few minutes.
      pollIntervalMs: Math.max(connector.pollIntervalMs ?? 0, LISTENING_INTERVAL_MS),
      cursor: () => repos.listening.cursor(stream.id),
      pull: (cursor) => connector.search(stream.query, cursor),
      ingest: (page, now) =>
        ingestPage(repos, stream.accountId, page.items, page.cursor, policies(), now, {
          analyze: this.deps.analyze,
          listening: { intent: stream.intent },
          saveCursor: (cursor) => repos.listening.saveCursor(stream.id, cursor, now),
        }),
      succeeded: () => repos.listening.setError(stream.id, null),
      failed: (_error, reason) => repos.listening.setError(stream.id, reason),
    };
  }

  private addLoop(accountId: string, connector: Connector): void {
    this.firstSyncs.begin(accountId, connector.backfillDays);
    const loops = [new PullLoop(this.accountSource(accountId, connector), this.loopDeps())];
    const search = connector.search?.bind(connector);
    if (search) {
      for (const stream of this.deps.repos.listening.list().filter((s) => s.accountId === accountId)) {
        loops.push(new PullLoop(this.streamSource(stream, { ...connector, search }), this.loopDeps()));
      }
    }
    this.loops.set(accountId, loops);
  }

  /** Listening streams changed for an account: restart its loops. */
  async restartAccount(accountId: string): Promise<void> {
    const connector = this.deps.connectors.get(accountId);
    if (!connector) return;
    await Promise.all((this.loops.get(accountId) ?? []).map((l) => l.stop()));
    this.addLoop(accountId, connector);
    if (this.started) for (const loop of this.loops.get(accountId)!) loop.start();
  }

  /**
   * The agent stops an account's first sync: what was read stays, and the account goes on with
   * new messages only. False when no first sync runs.
   */
  cancelFirstSync(accountId: string): boolean {
    if (!this.firstSyncs.cancel(accountId)) return false;
    // Ends it now rather than after a backoff or the poll interval.
    this.loops.get(accountId)?.[0]?.pullNow();
    return true;
  }

  /** Whether an account's connector can search (listening). */
  canListen(accountId: string): boolean {
    return typeof this.deps.connectors.get(accountId)?.search === 'function';
  }

  start(): void {
    this.started = true;
    for (const loop of [...this.loops.values()].flat()) loop.start();
    this.outbox.start();
  }

  /** Starts syncing an account (added, or signed in again). */
  connect(accountId: string, connector: Connector): void {
    this.deps.connectors.set(accountId, connector);
    this.addLoop(accountId, connector);
    if (this.started) {
      for (const loop of this.loops.get(accountId)!) loop.start();
      this.outbox.kick();
    }
    this.publishStatus();
  }

  /** Stops syncing an account (removed, or its credentials are being replaced). */
  async disconnect(accountId: string): Promise<void> {
    const loops = this.loops.get(accountId) ?? [];
    this.loops.delete(accountId);
    this.deps.connectors.delete(accountId);
    this.firstSyncs.forget(accountId);
    await Promise.all(loops.map((loop) => loop.stop()));
    this.health.forget(accountId);
  }

  async stop(): Promise<void> {
    // Loops finishing their last pull may ask for a status push: none may run after the core closes the database.
    this.stopped = true;
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    await Promise.all([...[...this.loops.values()].flat().map((loop) => loop.stop()), this.outbox.stop()]);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
  }

  /** Try every account now (connectivity came back, or the user asked). */
  syncNow(accountId: string | null = null): void {
    for (const [id, loops] of this.loops) if (accountId === null || id === accountId) loops.forEach((loop) => loop.pullNow());
    const now = this.deps.clock.now();
    for (const id of this.loops.keys()) if (accountId === null || id === accountId) this.deps.repos.outbox.retryNow(id, now);
    this.outbox.kick();
  }

  /** The replies were queued: deliver them. */
  replyQueued(): void {
    this.outbox.kick();
    this.publishStatus();
  }

  status(): SyncStatus {
    const { repos } = this.deps;
    const counts = repos.outbox.counts();
    const queued = (accountId?: string) =>
      counts.filter((c) => c.state !== 'failed' && (accountId === undefined || c.accountId === accountId)).reduce((n, c) => n + c.n, 0);
    return {
      accounts: repos.workspace.accounts().map((account) => {
        const state = this.health.get(account.id);
        return {
          accountId: account.id,
          health: this.loops.has(account.id) ? state.health : 'needs-auth',
          reason: this.loops.has(account.id) ? state.reason : 'Sign in again: no credentials for this account were found in the keychain',
          lastSyncedAt: repos.syncState.get(account.id).lastSyncedAt,
          nextRetryAt: state.nextRetryAt,
          queuedReplies: queued(account.id),
          simulatedOutage: this.deps.simulatedOutage?.(account.id) ?? false,
          firstSync: this.firstSyncs.status(account.id),
        };
      }),
      queuedReplies: queued(),
      failedReplies: counts.filter((c) => c.state === 'failed').reduce((n, c) => n + c.n, 0),
    };
  }

  publishStatus(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    this.deps.onStatus(this.status());
  }

  /** After routine pulls ("last synced" moved): at most one status push every few seconds. */
  private publishStatusSoon(withinMs = STATUS_THROTTLE_MS): void {
    if (this.stopped) return;
    // Timers run on real time, whatever the clock says.
    if (this.statusTimer && this.statusDueAt <= Date.now() + withinMs) return;
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusDueAt = Date.now() + withinMs;
    this.statusTimer = setTimeout(() => this.publishStatus(), withinMs);
    this.statusTimer.unref?.();
  }

  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private statusDueAt = 0;
}
