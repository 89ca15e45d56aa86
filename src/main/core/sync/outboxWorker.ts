// Delivers the outbox: exactly once (the outbox id is the platform idempotency key, and an
// entry found in flight after a crash is sent again with the same key), in order per
// conversation (only the head of each conversation's queue is sent), surviving restarts.
import type { ResolvedSlaPolicy } from '@shared/sla';
import { deadlineFields } from '../sla/deadlines';
import { asConnectorError, RateLimitError, type Connector, type ConnectorError } from '../connectors/connector';
import type { Clock, Logger } from '../ports';
import type { Repos } from '../repos';
import type { OutboxEntry } from '../repos/outbox';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { HealthTracker } from './health';
import { Timer } from './timer';

export interface OutboxWorkerDeps {
  repos: Repos;
  clock: Clock;
  health: HealthTracker;
  logger: Logger;
  connectorFor: (accountId: string) => Connector | null;
  policies: () => readonly ResolvedSlaPolicy[];
  onChanged: (conversationIds: number[]) => void;
  backoff: BackoffOptions;
  /** Conversations delivered in parallel (each still strictly in order). */
  concurrency?: number;
}

/** How long sends wait after an auth failure before trying again. */
const AUTH_RETRY_MS = 60_000;
/** The shortest sleep between two drains, so nothing can spin. */
const MIN_SLEEP_MS = 50;

export class OutboxWorker {
  private readonly timer = new Timer(() => this.kick());
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** The grace of stop() ran out: the database may be closing, so a late answer is not recorded. */
  private abandoned = false;

  constructor(private readonly deps: OutboxWorkerDeps) {}

  start(): void {
    this.stopped = false;
    this.abandoned = false;
    const recovered = this.deps.repos.outbox.recoverInflight();
    if (recovered) this.deps.logger.info('resending entries that were in flight at shutdown', { recovered });
    this.kick();
  }

  /**
   * Stops taking work; waits a little for sends in flight: one answered within the grace is
   * recorded as sent, a later one stays in flight and is resent (same key) at the next start.
   */
  stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    this.timer.cancel();
    if (!this.running) {
      this.abandoned = true;
      return Promise.resolve();
    }
    return Promise.race([this.running, new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref?.())]).then(() => {
      this.abandoned = true;
    });
  }

  /** Something new is due (a reply was queued, an account came back). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.deps.logger.error('outbox delivery failed', { error: String(error) }))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.scheduleNext();
        }
      });
  }

  /** Resolves when nothing is being delivered right now (for tests and shutdown). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** May this account's entries be sent at `now`? If not, from when (null: not until told). */
  private sendableFrom(accountId: string): number | null {
    if (this.deps.health.get(accountId).health === 'needs-auth') return null;
    return this.deps.health.channel(accountId, 'send').blockedUntil ?? 0;
  }

  /** Sleep until the earliest head that drain() would actually send. */
  private scheduleNext(): void {
    if (this.stopped) return;
    let wake = Infinity;
    for (const { accountId, at } of this.deps.repos.outbox.headAttempts()) {
      const from = this.sendableFrom(accountId);
      if (from !== null) wake = Math.min(wake, Math.max(at, from));
    }
    if (wake !== Infinity) this.timer.schedule(Math.max(MIN_SLEEP_MS, wake - this.deps.clock.now()));
  }

  private async drain(): Promise<void> {
    const { repos, clock } = this.deps;
    const limit = this.deps.concurrency ?? 4;
    for (;;) {
      if (this.stopped) return;
      const now = clock.now();
      const heads = repos.outbox.dueHeads(now, 100).filter((entry) => {
        const from = this.sendableFrom(entry.accountId);
        return from !== null && from <= now;
      });
      if (heads.length === 0) return;
      for (let i = 0; i < heads.length; i += limit) {
        await Promise.all(heads.slice(i, i + limit).map((entry) => this.deliver(entry)));
        if (this.stopped) return;
      }
    }
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    const { repos, clock } = this.deps;
    const conversation = repos.conversations.state(entry.conversationId);
    const message = repos.messages.ref(entry.messageId);
    const connector = this.deps.connectorFor(entry.accountId);
    if (!conversation || !message || !connector) {
      this.fail(entry, connector ? 'The conversation no longer exists' : 'The account is not connected');
      this.deps.onChanged([entry.conversationId]);
      return;
    }
    repos.db.transaction(() => {
      repos.outbox.update(entry.id, { state: 'inflight', attempts: entry.attempts + 1, nextAttemptAt: entry.nextAttemptAt, lastError: null }, clock.now());
      repos.messages.setStatus(entry.messageId, 'sending');
    })();
    this.deps.onChanged([entry.conversationId]);

    let sent;
    try {
      sent = await connector.send({
        idempotencyKey: entry.id,
        conversationPlatformId: conversation.platformId,
        kind: conversation.kind,
        inReplyToPlatformId: repos.messages.lastInboundPlatformId(entry.conversationId),
        customerHandle: repos.conversations.customer(conversation.customerId)?.handle ?? null,
        subject: conversation.subject,
        body: message.body,
        attempt: entry.attempts + 1,
        queuedAt: entry.createdAt,
      });
    } catch (raw) {
      if (this.stopped) return;
      const error = asConnectorError(raw);
      this.deps.logger.warn('send failed', { accountId: entry.accountId, outboxId: entry.id, kind: error.kind, message: error.message });
      if (error.kind === 'rejected' || error.kind === 'malformed') this.fail(entry, error.message);
      else this.postpone(entry, error);
      this.deps.onChanged([entry.conversationId]);
      return;
    }
    // Answered after stop()'s grace: leave it in flight; the next start resends it with the same key.
    if (this.abandoned) return;
    repos.db.transaction(() => {
      repos.outbox.remove(entry.id);
      repos.messages.markSent(entry.messageId, sent.platformId);
    })();
    this.deps.health.ok(entry.accountId, 'send');
    this.deps.onChanged([entry.conversationId]);
  }

  private postpone(entry: OutboxEntry, error: ConnectorError): void {
    const { repos, clock, health } = this.deps;
    const now = clock.now();
    const attempts = entry.attempts + 1;
    const nextAttemptAt =
      error instanceof RateLimitError
        ? Math.max(now, error.resetAt)
        : error.kind === 'auth'
          ? now + AUTH_RETRY_MS
          : now + backoffDelay(attempts - 1, this.deps.backoff);
    repos.db.transaction(() => {
      repos.outbox.update(entry.id, { state: 'pending', attempts, nextAttemptAt, lastError: error.message }, now);
      repos.messages.setStatus(entry.messageId, 'queued', error.message);
    })();
    health.failed(entry.accountId, 'send', error, nextAttemptAt);
  }

  /** The platform refused the reply for good: the customer still waits, so their deadline runs again. */
  private fail(entry: OutboxEntry, reason: string): void {
    const { repos, clock } = this.deps;
    const now = clock.now();
    repos.db.transaction(() => {
      repos.outbox.update(entry.id, { state: 'failed', attempts: entry.attempts + 1, nextAttemptAt: now, lastError: reason }, now);
      repos.messages.setStatus(entry.messageId, 'failed', reason);
      const conversation = repos.conversations.state(entry.conversationId);
      if (conversation && entry.restoreAwaitingSince !== null && conversation.status === 'open') {
        const awaitingSince = Math.min(conversation.awaitingSince ?? Infinity, entry.restoreAwaitingSince);
        repos.conversations.patch(entry.conversationId, { awaitingSince, ...deadlineFields(this.deps.policies(), { ...conversation, awaitingSince }) });
      }
    })();
  }
}
