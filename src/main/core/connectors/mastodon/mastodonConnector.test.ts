import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { makeRepos, SELF_ID } from '../../../../../test/support/coreFixtures';
import { MastodonFake } from '../../../../../test/support/fakes/mastodonFake';
import { AuthError, MalformedPayloadError, RateLimitError, type Connector } from '../connector';
import { ingestPage } from '../../sync/ingest';
import { createMastodonConnector, normalizeInstanceUrl, PAGE_SIZE } from './mastodonConnector';

let fake = new MastodonFake();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function connect(token = 'good-token'): Connector {
  fake = new MastodonFake();
  server.use(...fake.handlers());
  return createMastodonConnector({ instanceUrl: 'social.example' }, token);
}

/** Pulls until the platform has nothing more, ingesting each page as the pull loop does. */
async function pullAll(connector: Connector, repos: ReturnType<typeof makeRepos>, accountId = 'acc-x') {
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const page = await connector.pull(repos.syncState.get(accountId).cursor);
    total += ingestPage(repos, accountId, page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now()).newMessages;
    if (!page.more) break;
  }
  return total;
}

describe('Mastodon connector', () => {
  it('checks the token and says whose it is', async () => {
    const connector = connect();
    await expect(connector.verify()).resolves.toEqual({ handle: '@brand@social.example', name: 'Aurora Air' });
    fake.token = 'rotated';
    await expect(connector.verify()).rejects.toBeInstanceOf(AuthError);
  });

  it('pulls every mention once, oldest first across pages, as plain text', async () => {
    const connector = connect();
    const repos = makeRepos();
    const ana = fake.account('ana', 'Ana Costa', 340);
    for (let i = 0; i < PAGE_SIZE + 5; i++) fake.mention(ana, `question number ${i} &amp; more`, { at: Date.now() - (100 - i) * 1000 });
    expect(await pullAll(connector, repos)).toBe(PAGE_SIZE + 5);
    const bodies = repos.db.prepare('SELECT body FROM messages ORDER BY created_at').pluck().all() as string[];
    expect(bodies[0]).toBe('@brand question number 0 & more');
    expect(bodies.at(-1)).toBe(`@brand question number ${PAGE_SIZE + 4} & more`);
    // The next pull asks for what came after the cursor and finds nothing new.
    expect(await pullAll(connector, repos)).toBe(0);
    const lastRequest = new URL(fake.requests.at(-1)!.url);
    expect(lastRequest.searchParams.get('min_id')).toBe(repos.syncState.get('acc-x').cursor);
    const customer = repos.db.prepare('SELECT handle, display_name AS name, followers FROM customers').get();
    expect(customer).toEqual({ handle: 'ana@social.example', name: 'Ana Costa', followers: 340 });
  });

  it('replies in the thread with the same visibility, mentioning the customer, once per idempotency key', async () => {
    const connector = connect();
    const ben = fake.account('ben', 'Ben');
    const dm = fake.mention(ben, 'my booking ref is XYZ123', { visibility: 'direct' });
    const request = { idempotencyKey: 'key-1', conversationPlatformId: dm.id, kind: 'dm' as const, inReplyToPlatformId: dm.id, customerHandle: 'ben@social.example', body: 'Thanks, checking now.', attempt: 1, subject: null, queuedAt: Date.now() };
    const sent = await connector.send(request);
    const again = await connector.send(request);
    expect(again.platformId).toBe(sent.platformId);
    expect(fake.brandPosts()).toHaveLength(1);
    const post = fake.brandPosts()[0]!;
    expect(post).toMatchObject({ in_reply_to_id: dm.id, visibility: 'direct' });
    expect(post.content).toBe('<p>@ben@social.example Thanks, checking now.</p>');
    expect(fake.requests.filter((r) => r.method === 'POST').every((r) => r.headers.get('idempotency-key') === 'key-1')).toBe(true);
  });

  it("threads the customer's answer to our reply into the same conversation", async () => {
    const connector = connect();
    const repos = makeRepos();
    const cleo = fake.account('cleo', 'Cleo');
    const first = fake.mention(cleo, 'is flight AU 12 on time?');
    await pullAll(connector, repos);
    const conversationId = repos.conversations.stateByPlatformId('acc-x', first.id)!.id;
    const sent = await connector.send({ idempotencyKey: 'k', conversationPlatformId: first.id, kind: 'mention', inReplyToPlatformId: first.id, customerHandle: 'cleo@social.example', body: 'Yes it is!', attempt: 1, subject: null, queuedAt: Date.now() });
    repos.db.prepare("INSERT INTO messages (conversation_id, account_id, platform_id, direction, agent_id, body, created_at, status) VALUES (?, 'acc-x', ?, 'out', ?, 'Yes it is!', ?, 'sent')").run(conversationId, sent.platformId, SELF_ID, Date.now());
    fake.mention(cleo, 'great, thanks', { inReplyTo: sent.platformId });
    await pullAll(connector, repos);
    expect(repos.db.prepare('SELECT COUNT(*) FROM conversations').pluck().get()).toBe(1);
    expect(repos.db.prepare("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND direction = 'in'").pluck().get(conversationId)).toBe(2);
  });

  it('reports a rate limit with the reset time from X-RateLimit-Reset', async () => {
    const connector = connect();
    const until = Date.now() + 90_000;
    fake.rateLimitedUntil = until;
    const error = await connector.pull(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetAt).toBe(Math.floor(until / 1000) * 1000 + (until % 1000));
  });

  it('stops at a malformed notification: what came before is kept, the cursor does not pass it', async () => {
    const connector = connect();
    const repos = makeRepos();
    const dan = fake.account('dan', 'Dan');
    fake.mention(dan, 'first');
    await pullAll(connector, repos);
    const good = fake.mention(dan, 'second');
    const badId = (BigInt(fake.notifications.at(-1)!.id) + 1n).toString();
    fake.mention(dan, 'third, after the bad one');
    fake.rawNotifications.push({ id: badId, payload: { id: badId, type: 'mention', created_at: 'yesterday-ish', account: { id: '1' }, status: { id: 'x' } } });

    const page = await connector.pull(repos.syncState.get('acc-x').cursor);
    expect(page.items.map((i) => i.platformId)).toEqual([good.id]);
    ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    const cursor = repos.syncState.get('acc-x').cursor!;
    expect(BigInt(cursor)).toBeLessThan(BigInt(badId));
    await expect(connector.pull(cursor)).rejects.toBeInstanceOf(MalformedPayloadError);
    expect(repos.syncState.get('acc-x').cursor).toBe(cursor);
  });

  it('first sync reads back over the last days only', async () => {
    const connector = connect();
    const repos = makeRepos();
    const eve = fake.account('eve', 'Eve');
    fake.mention(eve, 'ancient', { at: Date.now() - 30 * 86_400_000 });
    fake.mention(eve, 'yesterday', { at: Date.now() - 86_400_000 });
    expect(await pullAll(connector, repos)).toBe(1);
    expect(repos.db.prepare('SELECT body FROM messages').pluck().all()).toEqual(['@brand yesterday']);
  });

  it('accepts instance addresses as people type them, and refuses unsafe ones', () => {
    expect(normalizeInstanceUrl('mastodon.social')).toBe('https://mastodon.social');
    expect(normalizeInstanceUrl(' https://fosstodon.org/about ')).toBe('https://fosstodon.org');
    expect(normalizeInstanceUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(() => normalizeInstanceUrl('http://mastodon.social')).toThrow(/https/);
    expect(() => normalizeInstanceUrl('https://user:pw@mastodon.social')).toThrow(/user name/);
    expect(() => normalizeInstanceUrl('file:///etc/passwd')).toThrow();
  });
});
