// One desk process of the chaos test: the real database file, repos, InboxService and
// OutboxWorker, delivering to the platform fake over HTTP. The parent kills it with SIGKILL
// at random points and starts another; each start checks the file, queues whatever of the
// plan is not queued yet (replies are idempotent on their client id) and delivers the rest.
import { flushCompileCache } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { silentLogger } from '../../src/main/core/adapters/logger';
import { openDatabase } from '../../src/main/core/db/database';
import { EventBus } from '../../src/main/core/events';
import { InboxService } from '../../src/main/core/inbox/inboxService';
import { createRepos, type Repos } from '../../src/main/core/repos';
import { HealthTracker } from '../../src/main/core/sync/health';
import { ingestPage } from '../../src/main/core/sync/ingest';
import { OutboxWorker } from '../../src/main/core/sync/outboxWorker';
import { CHAOS_ACCOUNT_ID, chaosPlan, type DeskEvent, type DeskOptions } from './chaosPlan';
import { createHttpPlatformConnector } from './httpPlatformConnector';

const options = JSON.parse(process.env.SHIFTDESK_CHAOS_OPTIONS ?? '{}') as DeskOptions;
const tell = (event: DeskEvent) => process.send?.(event);
const clock = { now: () => Date.now() };

/** The agent, the account and one customer message per thread; safe to run again after a kill. */
function seed(repos: Repos) {
  const now = clock.now();
  if (!repos.workspace.account(CHAOS_ACCOUNT_ID)) {
    repos.db.transaction(() => {
      repos.workspace.addAgent({ id: 'agent-self', name: 'Sam Agent', timeZone: 'Europe/Riga', isSelf: true }, now);
      repos.workspace.addAccount({ id: CHAOS_ACCOUNT_ID, platform: 'x', name: 'Brand Support', handle: '@brandhelp', role: 'support', connector: 'test' }, now);
      if (repos.sla.policies().length === 0) DEFAULT_SLA_POLICIES.forEach((p) => repos.sla.savePolicy(p));
    })();
  }
  const threads = Array.from({ length: options.conversations }, (_, i) => `thread-${i}`);
  // One transaction wrote them all: the last one there means they all are.
  if (repos.conversations.stateByPlatformId(CHAOS_ACCOUNT_ID, threads.at(-1)!)) return;
  const items = threads.map((thread) => ({
    platformId: `${thread}-m1`,
    conversation: { platformId: thread, kind: 'mention' as const },
    author: { platformId: `user-${thread}`, handle: `user-${thread}`, displayName: `Customer ${thread}` },
    direction: 'in' as const,
    body: `Where is my order? (${thread})`,
    createdAt: now,
    language: 'en',
  }));
  ingestPage(repos, CHAOS_ACCOUNT_ID, items, null, DEFAULT_SLA_POLICIES, now);
}

async function main() {
  const repos = createRepos(openDatabase(options.dbPath));
  const integrity = repos.db.pragma('integrity_check', { simple: true }) as string;
  const inflight = repos.db.prepare<[], string>("SELECT id FROM outbox WHERE state = 'inflight'").pluck().all();
  tell({ type: 'ready', integrity, inflight });
  seed(repos);

  const connector = createHttpPlatformConnector(options.platformUrl);
  const worker = new OutboxWorker({
    repos,
    clock,
    health: new HealthTracker(),
    logger: silentLogger,
    connectorFor: (id) => (id === CHAOS_ACCOUNT_ID ? connector : null),
    policies: () => DEFAULT_SLA_POLICIES,
    onChanged: () => {},
    backoff: { baseMs: 10, capMs: 50 },
  });
  const inbox = new InboxService({ repos, clock, events: new EventBus(), policies: () => DEFAULT_SLA_POLICIES, onQueued: () => worker.kick(), onDeadlinesChanged: () => {} });
  worker.start();

  // Queued one by one while delivery runs, so kills also land between two replies being queued.
  for (const reply of chaosPlan(options.conversations, options.replies)) {
    if (repos.messages.byClientId(reply.key)) continue;
    const conversation = repos.conversations.stateByPlatformId(CHAOS_ACCOUNT_ID, reply.thread)!;
    inbox.sendReply(conversation.id, reply.body, reply.key);
    await sleep(1);
  }
  const pending = repos.db.prepare<[], number>('SELECT COUNT(*) FROM outbox').pluck();
  const failed = repos.db.prepare<[], { id: string; lastError: string }>("SELECT id, last_error AS lastError FROM outbox WHERE state = 'failed' LIMIT 1");
  while (pending.get()! > 0) {
    const refused = failed.get();
    if (refused) throw new Error(`reply ${refused.id} failed for good: ${refused.lastError}`);
    await sleep(10);
  }
  await worker.stop();
  repos.db.close();
  process.send?.({ type: 'delivered' } satisfies DeskEvent, () => process.exit(0));
}

// Started warm: modules load while the previous desk still runs; the file is only touched on 'go'.
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'go') return;
  main().catch((error: unknown) => {
    tell({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
  });
});
// The parent sets NODE_COMPILE_CACHE; a killed process never writes it at exit, so write it now.
flushCompileCache();
tell({ type: 'loaded' });
