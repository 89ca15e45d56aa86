// An account's first sync: the backfill of its last days, from the moment it is added until its
// feed has caught up. Its progress is shown to the agent, who may stop it (the account then goes
// on with new messages only). Kept in the replica so a restart half-way resumes the display.
import type { FirstSyncStatus } from '@shared/domain';
import type { PullControl } from '../connectors/connector';
import type { Clock } from '../ports';
import type { SyncStateRepo } from '../repos/syncState';

interface Running {
  days: number;
  controller: AbortController;
  progress: number | null;
}

export class FirstSyncTracker {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly syncState: SyncStateRepo,
    private readonly clock: Clock,
    private readonly onChange: (accountId: string) => void,
  ) {}

  /** The account's feed is about to be pulled; `days` is its connector's backfill window. */
  begin(accountId: string, days: number | undefined): void {
    if (days === undefined || this.running.has(accountId)) return;
    const record = this.syncState.firstSync(accountId);
    if (record.endedAt !== null) return;
    if (record.startedAt === null) {
      // Accounts that synced before first syncs were recorded have nothing to backfill.
      if (this.syncState.get(accountId).cursor !== null) return;
      this.syncState.startFirstSync(accountId, this.clock.now());
    }
    this.running.set(accountId, { days, controller: new AbortController(), progress: null });
  }

  /** What the next pull of the account's feed gets: nothing once the first sync is over. */
  control(accountId: string): PullControl | undefined {
    const run = this.running.get(accountId);
    if (!run) return undefined;
    return {
      signal: run.controller.signal,
      progress: (fraction) => {
        const next = Math.min(1, Math.max(0, fraction));
        if (run.progress !== null && next <= run.progress) return;
        run.progress = next;
        this.onChange(accountId);
      },
    };
  }

  ingested(accountId: string, messages: number): void {
    if (!this.running.has(accountId) || messages === 0) return;
    this.syncState.countFirstSync(accountId, messages);
    this.onChange(accountId);
  }

  /** The feed has nothing more right now: the backfill is over. */
  caughtUp(accountId: string): void {
    const run = this.running.get(accountId);
    if (!run) return;
    this.running.delete(accountId);
    this.syncState.endFirstSync(accountId, this.clock.now(), run.controller.signal.aborted);
    this.onChange(accountId);
  }

  /** The agent stops the first sync. False when none runs. */
  cancel(accountId: string): boolean {
    const run = this.running.get(accountId);
    if (!run) return false;
    if (!run.controller.signal.aborted) {
      run.controller.abort();
      this.onChange(accountId);
    }
    return true;
  }

  /** The account was removed or disconnected: its loop is gone. */
  forget(accountId: string): void {
    this.running.get(accountId)?.controller.abort();
    this.running.delete(accountId);
  }

  status(accountId: string): FirstSyncStatus | null {
    const run = this.running.get(accountId);
    if (!run) return null;
    const record = this.syncState.firstSync(accountId);
    return {
      startedAt: record.startedAt ?? this.clock.now(),
      days: run.days,
      messages: record.messages,
      progress: run.progress,
      cancelling: run.controller.signal.aborted,
    };
  }
}
