import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, ScriptedConnector, T0, tempDir } from '../../../../test/support/coreFixtures';
import { silentLogger } from '../adapters/logger';
import { RateLimitError, RejectedError, TransientError, type SendRequest } from '../connectors/connector';
import { openDatabase } from '../db/database';
import { createRepos, type Repos } from '../repos';
import { InboxService } from '../inbox/inboxService';
import { EventBus } from '../events';
import { HealthTracker } from './health';
import { ingestPage } from './ingest';
import { OutboxWorker } from './outboxWorker';

/** The remote platform: it outlives the desk, and honours idempotency keys like a real API. */
class RemotePlatform {
  readonly posts = new Map<string, { platformId: string; body: string; thread: string }>();
  post(request: SendRequest) {
    const existing = this.posts.get(request.idempotencyKey);
    if (existing) return existing;
    const post = { platformId: `post-${this.posts.size + 1}`, body: request.body, thread: request.conversationPlatformId };
    this.posts.set(request.idempotencyKey, post);
    return post;
  }
}

const fastBackoff = { baseMs: 4, capMs: 8 };
let workers: OutboxWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop(0)));
  workers = [];
});

function desk(repos: Repos, connector: ScriptedConnector, now = () => Date.now()) {
  const clock = { now };
  const health = new HealthTracker();
  const worker = new OutboxWorker({
    repos,
    clock,
    health,
    logger: silentLogger,
    connectorFor: (id) => (id === ACCOUNT_ID ? connector : null),
    policies: () => DEFAULT_SLA_POLICIES,
    onChanged: () => {},
    backoff: fastBackoff,
  });
  workers.push(worker);
  const inbox = new InboxService({ repos, clock, events: new EventBus(), policies: () => DEFAULT_SLA_POLICIES, onQueued: () => worker.kick(), onDeadlinesChanged: () => {} });
  return { worker, inbox, health };
}

function conversationWithCustomer(repos: Repos, thread = 'thread-a'): number {
  ingestPage(repos, ACCOUNT_ID, [inbound({ thread, platformId: `${thread}-m1` })], null, DEFAULT_SLA_POLICIES, T0);
  return repos.conversations.stateByPlatformId(ACCOUNT_ID, thread)!.id;
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('outbox delivery', () => {
  it('writes the reply locally first, then delivers it once with its idempotency key', async () => {
    const repos = makeRepos();
    const remote = new RemotePlatform();
    const connector = new ScriptedConnector();
    connector.sendImpl = async (r) => ({ platformId: remote.post(r).platformId, sentAt: T0 });
    const { worker, inbox } = desk(repos, connector);
    const id = conversationWithCustomer(repos);
    const message = inbox.sendReply(id, 'We are on it!');
    expect(message.status).toBe('queued');
    worker.start();
    await until(() => repos.messages.ref(message.id)!.status === 'sent');
    await worker.idle();
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]).toMatchObject({ conversationPlatformId: 'thread-a', inReplyToPlatformId: 'thread-a-m1', body: 'We are on it!' });
    expect(repos.messages.ref(message.id)!.platformId).toBe('post-1');
    expect(remote.posts.size).toBe(1);
  });

  it('delivers exactly once across a crash between the platform accepting and the desk recording it', async () => {
    const dir = tempDir();
    const path = join(dir, 'desk.sqlite');
    const remote = new RemotePlatform();

    // First run: the platform accepts the post, then the desk dies before it records the ack.
    const repos1 = makeRepos(path);
    const dying = new ScriptedConnector();
    let accepted = false;
    dying.sendImpl = (r) => {
      remote.post(r);
      accepted = true;
      return new Promise(() => {});
    };
    const first = desk(repos1, dying);
    const id = conversationWithCustomer(repos1);
    const message = first.inbox.sendReply(id, 'Refund approved.');
    first.worker.start();
    await until(() => accepted);
    expect(repos1.messages.ref(message.id)!.status).toBe('sending');
    void first.worker.stop();
    repos1.db.close();

    // Second run on the same file: the entry found in flight is sent again with the same key.
    const repos2 = createRepos(openDatabase(path));
    const healthy = new ScriptedConnector();
    healthy.sendImpl = async (r) => ({ platformId: remote.post(r).platformId, sentAt: T0 });
    const second = desk(repos2, healthy);
    second.worker.start();
    await until(() => repos2.messages.ref(message.id)!.status === 'sent');
    await second.worker.idle();
    expect(dying.sent[0]!.idempotencyKey).toBe(healthy.sent[0]!.idempotencyKey);
    expect(remote.posts.size).toBe(1);
    expect(repos2.messages.ref(message.id)!.platformId).toBe('post-1');
    expect(repos2.db.prepare("SELECT COUNT(*) FROM messages WHERE direction = 'out'").pluck().get()).toBe(1);
    repos2.db.close();
  });

  it('keeps replies queued while the platform is down and delivers them in order, once each, when it is back', async () => {
    const repos = makeRepos();
    const remote = new RemotePlatform();
    const connector = new ScriptedConnector();
    let up = false;
    connector.sendImpl = async (r) => {
      if (!up) throw new TransientError('Cannot reach the platform');
      return { platformId: remote.post(r).platformId, sentAt: T0 };
    };
    const { worker, inbox, health } = desk(repos, connector);
    const a = conversationWithCustomer(repos, 'a');
    const b = conversationWithCustomer(repos, 'b');
    worker.start();
    const replies = [inbox.sendReply(a, 'a1'), inbox.sendReply(b, 'b1'), inbox.sendReply(a, 'a2'), inbox.sendReply(a, 'a3')];
    await until(() => connector.sent.length >= 6);
    expect(health.get(ACCOUNT_ID).health).toBe('offline');
    expect(repos.messages.ref(replies[0]!.id)).toMatchObject({ status: 'queued' });
    // Later replies of conversation a never went out before a1.
    expect(connector.sent.filter((s) => s.conversationPlatformId === 'a').every((s) => s.body === 'a1')).toBe(true);
    up = true;
    worker.kick();
    await until(() => replies.every((r) => repos.messages.ref(r.id)!.status === 'sent'));
    const delivered = [...remote.posts.values()];
    expect(delivered.filter((p) => p.thread === 'a').map((p) => p.body)).toEqual(['a1', 'a2', 'a3']);
    expect(delivered).toHaveLength(4);
  });

  it('marks a refused reply failed with the reason, lets later replies go, and retries on request', async () => {
    const repos = makeRepos();
    const connector = new ScriptedConnector();
    let refuse = true;
    connector.sendImpl = async (r) => {
      if (refuse && r.body === 'bad') throw new RejectedError('The messaging window has closed');
      return { platformId: `p-${r.body}`, sentAt: T0 };
    };
    const { worker, inbox } = desk(repos, connector);
    const id = conversationWithCustomer(repos);
    const bad = inbox.sendReply(id, 'bad');
    const good = inbox.sendReply(id, 'good');
    worker.start();
    await until(() => repos.messages.ref(good.id)!.status === 'sent');
    expect(inbox.getConversation(id).messages.find((m) => m.id === bad.id)).toMatchObject({ status: 'failed', error: 'The messaging window has closed' });
    expect(() => inbox.retryMessage(good.id)).toThrow(/Only a reply that failed/);
    refuse = false;
    inbox.retryMessage(bad.id);
    await until(() => repos.messages.ref(bad.id)!.status === 'sent');
  });

  it('waits out a rate limit until the reset time the platform gave', async () => {
    const repos = makeRepos();
    let now = T0;
    const connector = new ScriptedConnector();
    connector.sendImpl = async () => {
      if (now < T0 + 60_000) throw new RateLimitError('Rate limited', T0 + 60_000);
      return { platformId: 'p1', sentAt: now };
    };
    const { worker, inbox, health } = desk(repos, connector, () => now);
    const id = conversationWithCustomer(repos);
    const reply = inbox.sendReply(id, 'hello');
    worker.start();
    await until(() => connector.sent.length === 1 && repos.messages.ref(reply.id)!.status === 'queued');
    expect(health.get(ACCOUNT_ID)).toMatchObject({ health: 'degraded', blockedUntil: T0 + 60_000 });
    expect(repos.outbox.byMessage(reply.id)).toMatchObject({ state: 'pending', nextAttemptAt: T0 + 60_000 });
    worker.kick();
    await worker.idle();
    expect(connector.sent).toHaveLength(1);
    now = T0 + 60_000;
    worker.kick();
    await until(() => repos.messages.ref(reply.id)!.status === 'sent');
  });
});

describe('outbox scheduling and bookkeeping', () => {
  it('does not spin while the head of a conversation waits out its backoff', async () => {
    const repos = makeRepos();
    const connector = new ScriptedConnector();
    connector.sendImpl = async () => {
      throw new TransientError('offline');
    };
    const clock = { now: () => Date.now() };
    const worker = new OutboxWorker({
      repos,
      clock,
      health: new HealthTracker(),
      logger: silentLogger,
      connectorFor: () => connector,
      policies: () => DEFAULT_SLA_POLICIES,
      onChanged: () => {},
      backoff: { baseMs: 2_000, capMs: 2_000 },
    });
    workers.push(worker);
    const inbox = new InboxService({ repos, clock, events: new EventBus(), policies: () => DEFAULT_SLA_POLICIES, onQueued: () => worker.kick(), onDeadlinesChanged: () => {} });
    const id = conversationWithCustomer(repos);
    inbox.sendReply(id, 'first');
    inbox.sendReply(id, 'second');
    let drains = 0;
    const original = repos.outbox.dueHeads;
    repos.outbox.dueHeads = (now, limit) => (drains++, original(now, limit));
    worker.start();
    await new Promise((r) => setTimeout(r, 400));
    expect(connector.sent.map((s) => s.body)).toEqual(['first']);
    expect(drains).toBeLessThan(10);
  });

  it('recognises a repeated send by its client id and posts once', async () => {
    const repos = makeRepos();
    const connector = new ScriptedConnector();
    const { worker, inbox } = desk(repos, connector);
    const id = conversationWithCustomer(repos);
    const clientId = '0b7e4f9e-3a51-4a6e-9d55-0f7a2a3c9b11';
    const first = inbox.sendReply(id, 'Only once please', clientId);
    const again = inbox.sendReply(id, 'Only once please', clientId);
    expect(again.id).toBe(first.id);
    worker.start();
    await until(() => repos.messages.ref(first.id)!.status === 'sent');
    await worker.idle();
    expect(connector.sent).toHaveLength(1);
    expect(inbox.sendReply(id, 'Only once please', clientId).status).toBe('sent');
  });

  it('keeps one copy when the platform echoes our reply before the send is acknowledged', async () => {
    const repos = makeRepos();
    const connector = new ScriptedConnector();
    let release!: () => void;
    connector.sendImpl = () => new Promise((resolve) => (release = () => resolve({ platformId: 'our-post', sentAt: T0 })));
    const { worker, inbox } = desk(repos, connector);
    const id = conversationWithCustomer(repos, 'echo');
    const reply = inbox.sendReply(id, 'We are on it');
    worker.start();
    await until(() => connector.sent.length === 1);
    const echo = inbound({ thread: 'echo', platformId: 'our-post', direction: 'out', body: 'We are on it' });
    expect(ingestPage(repos, ACCOUNT_ID, [echo], 'c', DEFAULT_SLA_POLICIES, Date.now()).newMessages).toBe(0);
    release();
    await until(() => repos.messages.ref(reply.id)!.status === 'sent');
    expect(ingestPage(repos, ACCOUNT_ID, [echo], 'c', DEFAULT_SLA_POLICIES, Date.now()).newMessages).toBe(0);
    expect(inbox.getConversation(id).messages.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('drops an echo stored earlier when the send is acknowledged, instead of failing on it', async () => {
    const repos = makeRepos();
    const connector = new ScriptedConnector();
    connector.sendImpl = async () => ({ platformId: 'seen-before', sentAt: T0 });
    const { worker, inbox } = desk(repos, connector);
    const id = conversationWithCustomer(repos, 'pre-echo');
    // A copy with another text cannot be matched to the reply, so ingest stores it.
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'pre-echo', platformId: 'seen-before', direction: 'out', body: 'edited on the platform' })], 'c', DEFAULT_SLA_POLICIES, Date.now());
    const reply = inbox.sendReply(id, 'original text');
    worker.start();
    await until(() => repos.messages.ref(reply.id)!.status === 'sent');
    const outgoing = inbox.getConversation(id).messages.filter((m) => m.direction === 'out');
    expect(outgoing.map((m) => m.id)).toEqual([reply.id]);
    expect(repos.messages.search('edited', 10)).toEqual([]);
  });

  it('gives the customer their deadline back when the platform refuses the reply', async () => {
    const repos = makeRepos();
    const connector = new ScriptedConnector();
    connector.sendImpl = async () => {
      throw new RejectedError('This post was deleted');
    };
    const { worker, inbox } = desk(repos, connector);
    const id = conversationWithCustomer(repos);
    const before = repos.conversations.state(id)!;
    expect(before.awaitingSince).toBe(T0);
    const reply = inbox.sendReply(id, 'hello');
    expect(repos.conversations.state(id)!.awaitingSince).toBeNull();
    worker.start();
    await until(() => repos.messages.ref(reply.id)!.status === 'failed');
    const after = repos.conversations.state(id)!;
    expect(after.awaitingSince).toBe(T0);
    expect(after.dueAt).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});
