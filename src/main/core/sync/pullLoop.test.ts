import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, ScriptedConnector } from '../../../../test/support/coreFixtures';
import { silentLogger } from '../adapters/logger';
import { AuthError, RateLimitError, TransientError } from '../connectors/connector';
import { HealthTracker } from './health';
import { ingestPage } from './ingest';
import { PullLoop, type PullSource } from './pullLoop';

afterEach(() => vi.useRealTimers());

function loop(connector: ScriptedConnector, intervalMs?: number) {
  const repos = makeRepos();
  const health = new HealthTracker();
  const pulls: number[] = [];
  const original = connector.pull.bind(connector);
  connector.pull = async (cursor) => (pulls.push(Date.now()), original(cursor));
  const source: PullSource = {
    accountId: ACCOUNT_ID,
    label: ACCOUNT_ID,
    pollIntervalMs: connector.pollIntervalMs,
    cursor: () => repos.syncState.get(ACCOUNT_ID).cursor,
    pull: (cursor) => connector.pull(cursor),
    ingest: (page, now) => ingestPage(repos, ACCOUNT_ID, page.items, page.cursor, DEFAULT_SLA_POLICIES, now),
    succeeded: () => health.ok(ACCOUNT_ID, 'pull'),
    failed: (error, reason, next) => (error ? health.failed(ACCOUNT_ID, 'pull', error, next) : health.degraded(ACCOUNT_ID, 'pull', reason, next)),
  };
  const l = new PullLoop(source, { clock: { now: () => Date.now() }, logger: silentLogger, onIngested: () => {}, intervalMs, backoff: { baseMs: 1000, capMs: 8000 } });
  return { l, pulls, health, repos };
}

describe('PullLoop', () => {
  it("polls at the connector's own interval unless told otherwise", async () => {
    vi.useFakeTimers();
    const connector = Object.assign(new ScriptedConnector(), { pollIntervalMs: 60_000 });
    const { l, pulls } = loop(connector);
    l.start();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(pulls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(pulls).toHaveLength(2);
    await l.stop(0);
    const fast = loop(Object.assign(new ScriptedConnector(), { pollIntervalMs: 60_000 }), 1_000);
    fast.l.start();
    await vi.advanceTimersByTimeAsync(3_500);
    expect(fast.pulls.length).toBeGreaterThanOrEqual(4);
    await fast.l.stop(0);
  });

  it('pages through "more" at once, backs off on failures, waits for rate-limit resets, and stops on auth errors', async () => {
    vi.useFakeTimers();
    const connector = new ScriptedConnector();
    connector.pages.push(
      { items: [inbound()], cursor: 'c1', more: true },
      { items: [inbound()], cursor: 'c2', more: false },
      new TransientError('offline'),
      new RateLimitError('slow down', Date.now() + 120_000),
      new AuthError('token revoked'),
    );
    const { l, pulls, health, repos } = loop(connector, 1_000);
    l.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(pulls).toHaveLength(2);
    expect(repos.syncState.get(ACCOUNT_ID).cursor).toBe('c2');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(health.get(ACCOUNT_ID).health).toBe('offline');
    await vi.advanceTimersByTimeAsync(1_100);
    expect(health.get(ACCOUNT_ID).health).toBe('degraded');
    expect(pulls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(pulls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(health.get(ACCOUNT_ID).health).toBe('needs-auth');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(pulls).toHaveLength(5);
    await l.stop(0);
  });
});
