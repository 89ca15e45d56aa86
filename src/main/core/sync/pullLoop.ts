// A pull loop: page through what is new from a source (an account's feed, or a listening
// stream), store each page with its cursor, then wait; on failure back off with full jitter,
// honour rate-limit resets, stop on auth errors.
import { asConnectorError, RateLimitError, type ConnectorError, type PullResult } from '../connectors/connector';
import type { Clock, Logger } from '../ports';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { IngestResult } from './ingest';
import { Timer } from './timer';

export interface PullSource {
  readonly accountId: string;
  /** For logs: which feed or stream. */
  readonly label: string;
  readonly pollIntervalMs?: number;
  cursor(): string | null;
  pull(cursor: string | null): Promise<PullResult>;
  /** Stores the page and its cursor in one transaction. */
  ingest(page: PullResult, now: number): IngestResult;
  succeeded(): void;
  /** A platform error (typed) or a local one (null) with a readable reason. */
  failed(error: ConnectorError | null, reason: string, nextRetryAt: number | null): void;
  /** A run ended with nothing more to read right now. */
  caughtUp?(): void;
  /** Push: news from the platform triggers a pull (see Connector.watch). */
  watch?(onNews: () => void): () => void;
}

/** For connectors that do not say (the demo simulator). */
const DEFAULT_POLL_INTERVAL_MS = 3_000;

export interface PullLoopDeps {
  clock: Clock;
  logger: Logger;
  onIngested: (accountId: string, result: IngestResult) => void;
  /** Overrides the connector's own poll interval when set. */
  intervalMs?: number;
  backoff: BackoffOptions;
  /** Pages pulled back to back before yielding to the timer. */
  maxPagesPerRun?: number;
}

export class PullLoop {
  private readonly timer = new Timer(() => void this.run());
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = true;
  private pullRequested = false;

  constructor(
    private readonly source: PullSource,
    private readonly deps: PullLoopDeps,
  ) {}

  private unwatch: (() => void) | null = null;

  start(): void {
    this.stopped = false;
    this.timer.schedule(0);
    this.unwatch = this.source.watch?.(() => this.pullNow()) ?? null;
  }

  /** Stops; waits a little for a pull under way (a hung one is simply abandoned). */
  stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    this.timer.cancel();
    this.unwatch?.();
    this.unwatch = null;
    if (!this.running) return Promise.resolve();
    return Promise.race([this.running, new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref?.())]);
  }

  /** Pull as soon as possible (new credentials, connectivity back, user asked). */
  pullNow(): void {
    if (this.stopped) return;
    this.failures = 0;
    if (this.running) this.pullRequested = true;
    else this.timer.schedule(0);
  }

  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pullPages().finally(() => {
      this.running = null;
      if (this.pullRequested && !this.stopped) {
        this.pullRequested = false;
        this.timer.schedule(0);
      }
    });
    return this.running;
  }

  private async pullPages(): Promise<void> {
    const { clock, logger } = this.deps;
    const { source } = this;
    let more = true;
    for (let page = 0; more && page < (this.deps.maxPagesPerRun ?? 20); page++) {
      let result;
      try {
        result = await source.pull(source.cursor());
      } catch (raw) {
        if (!this.stopped) this.connectorFailed(asConnectorError(raw));
        return;
      }
      if (this.stopped) return;
      try {
        const ingested = source.ingest(result, clock.now());
        if (ingested.skipped.length) logger.warn('skipped items', { source: source.label, skipped: ingested.skipped.length });
        this.deps.onIngested(source.accountId, ingested);
      } catch (error) {
        // Not the platform's fault: the page could not be stored. Nothing was written, the
        // cursor did not move, and the same page is pulled again later.
        this.failures++;
        const delay = backoffDelay(this.failures - 1, this.deps.backoff);
        logger.error('could not store a pulled page', { source: source.label, error: String(error) });
        source.failed(null, `Could not save new messages: ${error instanceof Error ? error.message : String(error)}`, clock.now() + delay);
        this.timer.schedule(delay);
        return;
      }
      more = result.more;
    }
    this.failures = 0;
    source.succeeded();
    if (!more) source.caughtUp?.();
    // Still more after a long run: yield to the event loop, then continue.
    if (more) this.timer.schedule(0);
    else this.timer.scheduleWithin(this.deps.intervalMs ?? source.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  }

  private connectorFailed(error: ConnectorError): void {
    const { clock, logger } = this.deps;
    this.failures++;
    const now = clock.now();
    let delay: number | null;
    if (error.kind === 'auth') delay = null;
    else if (error instanceof RateLimitError) delay = Math.max(0, error.resetAt - now) + backoffDelay(0, { baseMs: 1000, capMs: 1000 });
    else delay = backoffDelay(this.failures - 1, this.deps.backoff);
    this.source.failed(error, error.message, delay === null ? null : now + delay);
    logger.warn('pull failed', { source: this.source.label, kind: error.kind, message: error.message, retryInMs: delay });
    if (delay !== null) this.timer.schedule(delay);
  }
}
