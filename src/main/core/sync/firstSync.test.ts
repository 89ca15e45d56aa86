import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import type { SyncStatus } from '@shared/domain';
import { ACCOUNT_ID, inbound, makeRepos, tempDir } from '../../../../test/support/coreFixtures';
import { silentLogger } from '../adapters/logger';
import type { Connector, PullControl, PullResult } from '../connectors/connector';
import type { Repos } from '../repos';
import { SyncEngine } from './syncEngine';
import { join } from 'node:path';

/** A platform whose backfill comes in pages the test releases one by one. */
class BackfillingConnector implements Connector {
  readonly backfillDays = 7;
  readonly controls: (PullControl | undefined)[] = [];
  private release: (() => void) | null = null;
  constructor(private readonly pages: number) {}
  private served = 0;

  async pull(cursor: string | null, control?: PullControl): Promise<PullResult> {
    this.controls.push(control);
    if (cursor === 'live') return { items: [], cursor: 'live', more: false };
    if (!control?.signal.aborted) await new Promise<void>((resolve) => (this.release = resolve));
    if (control?.signal.aborted) return { items: [], cursor: 'live', more: false };
    this.served++;
    control?.progress(this.served / this.pages);
    const done = this.served === this.pages;
    return { items: [inbound(), inbound()], cursor: done ? 'live' : `page-${this.served}`, more: !done };
  }

  /** Lets the pull under way answer. */
  next(): void {
    this.release?.();
    this.release = null;
  }

  waiting(): boolean {
    return this.release !== null;
  }

  async send(): Promise<never> {
    throw new Error('not in this test');
  }

  async verify() {
    return { handle: '@brandhelp', name: 'Brand Support' };
  }
}

const engines: SyncEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});

function engine(repos: Repos, connector: Connector) {
  const statuses: SyncStatus[] = [];
  const sync = new SyncEngine({
    repos,
    clock: { now: () => Date.now() },
    logger: silentLogger,
    connectors: new Map([[ACCOUNT_ID, connector]]),
    policies: () => DEFAULT_SLA_POLICIES,
    onIngested: () => {},
    onOutboxChanged: () => {},
    onStatus: (s) => statuses.push(s),
    pullIntervalMs: 60_000,
    backoff: { baseMs: 10, capMs: 20 },
  });
  engines.push(sync);
  const firstSync = () => sync.status().accounts.find((a) => a.accountId === ACCOUNT_ID)!.firstSync;
  return { sync, statuses, firstSync };
}

describe('first sync', () => {
  it('shows how far the backfill has come and how many messages it brought, then ends once caught up', async () => {
    const repos = makeRepos();
    const connector = new BackfillingConnector(3);
    const { sync, statuses, firstSync } = engine(repos, connector);
    sync.start();
    await vi.waitFor(() => expect(connector.waiting()).toBe(true));
    expect(firstSync()).toMatchObject({ days: 7, messages: 0, progress: null, cancelling: false });

    connector.next();
    await vi.waitFor(() => expect(firstSync()).toMatchObject({ messages: 2, progress: 1 / 3 }));
    // The progress bar is pushed to the renderer soon, not only at the routine status interval.
    await vi.waitFor(() => expect(statuses.at(-1)?.accounts[0]?.firstSync?.messages).toBe(2), { timeout: 2_000 });

    connector.next();
    await vi.waitFor(() => expect(connector.waiting()).toBe(true));
    connector.next();
    await vi.waitFor(() => expect(firstSync()).toBeNull());
    expect(repos.syncState.firstSync(ACCOUNT_ID)).toMatchObject({ messages: 6, cancelled: false, endedAt: expect.any(Number) });
    // Pulls after the first sync get no control: nothing to show or stop.
    sync.syncNow(ACCOUNT_ID);
    await vi.waitFor(() => expect(connector.controls.length).toBeGreaterThanOrEqual(4));
    expect(connector.controls.at(-1)).toBeUndefined();
    expect(sync.cancelFirstSync(ACCOUNT_ID)).toBe(false);
  });

  it('stops when the agent cancels: what was read stays, and the account goes on with new messages only', async () => {
    const repos = makeRepos();
    const connector = new BackfillingConnector(10);
    const { sync, firstSync } = engine(repos, connector);
    sync.start();
    await vi.waitFor(() => expect(connector.waiting()).toBe(true));
    connector.next();
    await vi.waitFor(() => expect(firstSync()?.messages).toBe(2));
    await vi.waitFor(() => expect(connector.waiting()).toBe(true));

    expect(sync.cancelFirstSync(ACCOUNT_ID)).toBe(true);
    expect(firstSync()?.cancelling).toBe(true);
    expect(connector.controls.at(-1)?.signal.aborted).toBe(true);
    connector.next();
    await vi.waitFor(() => expect(firstSync()).toBeNull());
    expect(repos.syncState.firstSync(ACCOUNT_ID)).toMatchObject({ messages: 2, cancelled: true });
    expect(repos.syncState.get(ACCOUNT_ID).cursor).toBe('live');
  });

  it('resumes after a restart half-way, and never starts again once over', async () => {
    const path = join(tempDir(), 'desk.sqlite');
    const repos = makeRepos(path);
    const connector = new BackfillingConnector(2);
    const first = engine(repos, connector);
    first.sync.start();
    await vi.waitFor(() => expect(connector.waiting()).toBe(true));
    connector.next();
    await vi.waitFor(() => expect(first.firstSync()?.messages).toBe(2));
    await first.sync.stop();

    const again = new BackfillingConnector(2);
    // The cursor says page 1 was stored: this connector serves page 2 and is done.
    (again as unknown as { served: number }).served = 1;
    const second = engine(repos, again);
    expect(second.firstSync()).toMatchObject({ messages: 2, progress: null });
    second.sync.start();
    await vi.waitFor(() => expect(again.waiting()).toBe(true));
    again.next();
    await vi.waitFor(() => expect(second.firstSync()).toBeNull());
    expect(repos.syncState.firstSync(ACCOUNT_ID)).toMatchObject({ messages: 4, cancelled: false });
    await second.sync.stop();

    const third = engine(repos, new BackfillingConnector(2));
    expect(third.firstSync()).toBeNull();
  });

  it('is not shown for accounts that synced before, or for connectors without a backfill (the demo)', () => {
    const repos = makeRepos();
    repos.syncState.put(ACCOUNT_ID, 'live', Date.now());
    expect(engine(repos, new BackfillingConnector(1)).firstSync()).toBeNull();

    const demo: Connector = { pull: async () => ({ items: [], cursor: null, more: false }), send: async () => ({ platformId: 'p', sentAt: 0 }), verify: async () => ({ handle: 'h', name: 'n' }) };
    expect(engine(makeRepos(), demo).firstSync()).toBeNull();
  });
});
