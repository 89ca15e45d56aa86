import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { makeRepos, SELF_ID } from '../../../../../test/support/coreFixtures';
import { MastodonFake } from '../../../../../test/support/fakes/mastodonFake';
import { AuthError, MalformedPayloadError, RateLimitError, type Connector } from '../connector';
import { ingestPage } from '../../sync/ingest';
import { CONNECTOR_KINDS } from '../registry';
import { linkParam } from './mastodonApi';
import { createMastodonConnector, hashtagOf, normalizeInstanceUrl, PAGE_SIZE } from './mastodonConnector';

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
    await expect(connector.verify()).resolves.toEqual({ handle: '@brand@social.example', name: 'Aurora Air', replyLimit: 500 });
    fake.token = 'rotated';
    await expect(connector.verify()).rejects.toBeInstanceOf(AuthError);
  });

  it("reads the instance's reply limit, and does without it when the instance does not say", async () => {
    const connector = connect();
    fake.maxCharacters = 5000;
    await expect(connector.verify()).resolves.toMatchObject({ replyLimit: 5000 });
    fake.maxCharacters = null;
    await expect(connector.verify()).resolves.toEqual({ handle: '@brand@social.example', name: 'Aurora Air', replyLimit: undefined });
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
    const customer = repos.db.prepare('SELECT handle, display_name AS name, followers, avatar_url AS avatar FROM customers').get();
    expect(customer).toEqual({ handle: 'ana@social.example', name: 'Ana Costa', followers: 340, avatar: `${fake.origin}/system/accounts/avatars/ana.png` });
  });

  it("ignores a malformed avatar: the mention is kept, the customer shows no picture", async () => {
    const connector = connect();
    const repos = makeRepos();
    const odd = [{ avatar: 'javascript:alert(1)' }, { avatar: 42 }, { avatar: 'not a url' }, { avatar: null }];
    for (const [i, patch] of odd.entries()) fake.mention({ ...fake.account(`odd${i}`, `Odd ${i}`), ...patch }, `@brand hello ${i}`);
    expect(await pullAll(connector, repos)).toBe(odd.length);
    expect(repos.db.prepare('SELECT avatar_url FROM customers').pluck().all()).toEqual(odd.map(() => null));
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

  it('reports how far back a first sync has read; once stopped it reads no further back and goes on with new mentions', async () => {
    const first = connect();
    const eve = fake.account('eve', 'Eve');
    const now = Date.now();
    // Three pages over the last days, newest last.
    for (let i = 0; i < PAGE_SIZE * 3; i++) fake.mention(eve, `older ${i}`, { at: now - (PAGE_SIZE * 3 - i) * 3_600_000 });
    const full: number[] = [];
    const all = await first.pull(null, { signal: new AbortController().signal, progress: (f) => full.push(f) });
    expect(all.items).toHaveLength(PAGE_SIZE * 3);
    expect(full).toEqual([...full].sort((a, b) => a - b));
    expect(full.at(-1)).toBe(1);

    const connector = createMastodonConnector({ instanceUrl: 'social.example' }, 'good-token');
    const repos = makeRepos();
    const controller = new AbortController();
    const page = await connector.pull(null, { signal: controller.signal, progress: () => controller.abort() });
    // The first page came, the agent stopped: its newest mentions stay, nothing older is read.
    expect(page.items).toHaveLength(PAGE_SIZE);
    expect(page.items.at(-1)!.body).toBe(`@brand older ${PAGE_SIZE * 3 - 1}`);
    ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    fake.mention(eve, 'new one');
    expect(await pullAll(connector, repos)).toBe(1);
    expect(connector.backfillDays).toBe(7);
  });

  it('a first sync with nothing in its window starts from the newest notification it read, in one request', async () => {
    const connector = connect();
    const repos = makeRepos();
    const eve = fake.account('eve', 'Eve');
    fake.mention(eve, 'ancient', { at: Date.now() - 30 * 86_400_000 });
    expect(await pullAll(connector, repos)).toBe(0);
    expect(fake.requests.filter((r) => new URL(r.url).pathname.endsWith('/notifications'))).toHaveLength(1);
    fake.mention(eve, 'new one');
    expect(await pullAll(connector, repos)).toBe(1);
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

describe('Mastodon listening', () => {
  const HOUR = 3_600_000;
  const search = (connector: Connector) => connector.search!.bind(connector);

  /** A listening stream on the account; run() searches from its cursor and ingests the hits as the stream's pull loop does. */
  function stream(connector: Connector, query: string) {
    const repos = makeRepos();
    repos.listening.add({ id: 's1', accountId: 'acc-x', name: 'Brand', query, intent: 'support' }, Date.now());
    const cursor = () => repos.listening.cursor('s1');
    const run = async () => {
      const page = await search(connector)(query, cursor());
      const { newMessages } = ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now(), {
        listening: { intent: 'support' },
        saveCursor: (c) => repos.listening.saveCursor('s1', c, Date.now()),
      });
      return { page, newMessages };
    };
    return { repos, cursor, run };
  }

  const searchRequests = () => fake.requests.filter((r) => new URL(r.url).pathname === '/api/v2/search').map((r) => new URL(r.url).searchParams);
  const tagRequests = () => fake.requests.filter((r) => new URL(r.url).pathname.startsWith('/api/v1/timelines/tag/')).map((r) => new URL(r.url));

  it('is offered: the connector the registry builds can search, so listening streams can use Mastodon accounts', () => {
    const connector = CONNECTOR_KINDS.mastodon.create({ instanceUrl: 'https://social.example' }, 'good-token');
    expect(typeof connector.search).toBe('function');
  });

  it('finds public posts naming the brand as plain text, oldest first and once each; mentions, our own and private posts stay out', async () => {
    const connector = connect();
    const { repos, cursor, run } = stream(connector, '"aurora air"');
    const ana = fake.account('ana', 'Ana Costa', 340);
    const ben = fake.account('ben', 'Ben');
    const first = fake.status(ana, 'Flying Aurora Air tomorrow & <excited>', { at: Date.now() - 2 * HOUR });
    const second = fake.status(ben, 'aurora air lost my bag', { visibility: 'unlisted', at: Date.now() - HOUR });
    fake.status(fake.brand, 'Aurora Air news: new routes');
    fake.mention(ben, 'aurora air where is my bag?');
    fake.following.add(ben.id);
    const newest = fake.status(ben, 'aurora air, only for my followers', { visibility: 'private' });
    fake.status(ana, 'something else entirely');

    const { page, newMessages } = await run();
    expect(page.items.map((i) => i.platformId)).toEqual([first.id, second.id]);
    expect(page.items[0]).toMatchObject({
      body: 'Flying Aurora Air tomorrow & <excited>',
      direction: 'in',
      conversation: { platformId: first.id, kind: 'mention' },
      author: { handle: 'ana@social.example', displayName: 'Ana Costa', followers: 340 },
    });
    expect(newMessages).toBe(2);
    // The cursor is the newest status read, whether kept or not.
    expect(cursor()).toBe(newest.id);
    expect(Object.fromEntries(searchRequests()[0]!)).toEqual({ q: '"aurora air"', type: 'statuses', resolve: 'false', limit: String(PAGE_SIZE) });

    // Nothing new: one request, nothing handed over, the cursor stays.
    const before = cursor();
    const again = await run();
    expect(again.page.items).toEqual([]);
    expect(again.page.cursor).toBe(before);
    expect(searchRequests()).toHaveLength(2);

    const third = fake.status(ana, 'Aurora Air crew was lovely');
    expect((await run()).newMessages).toBe(1);
    expect(cursor()).toBe(third.id);
    const listening = repos.conversations.list('listening', 'agent-self', 10);
    expect(listening).toHaveLength(3);
    expect(listening.every((c) => c.status === 'listening' && c.intent === 'support' && c.dueAt === Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(repos.conversations.list('all', 'agent-self', 10)).toHaveLength(0);
  });

  it('a first run takes only the newest page, and of it only the last day', async () => {
    const connector = connect();
    const { run } = stream(connector, 'baggage');
    const eve = fake.account('eve', 'Eve');
    fake.status(eve, 'baggage rules changed?', { at: Date.now() - 3 * 86_400_000 });
    const recent = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => fake.status(eve, `baggage question ${i}`, { at: Date.now() - (60 - i) * 60_000 }));
    const { page } = await run();
    expect(page.items.map((i) => i.platformId)).toEqual(recent.slice(-PAGE_SIZE).map((s) => s.id));
    expect(page.cursor).toBe(recent.at(-1)!.id);
    expect(searchRequests()).toHaveLength(1);

    const fresh = connect();
    const old = fake.status(eve, 'baggage from last week', { at: Date.now() - 7 * 86_400_000 });
    const { page: quiet } = await stream(fresh, 'baggage').run();
    expect(quiet.items).toEqual([]);
    // Passed over, but the next run reads back only to it.
    expect(quiet.cursor).toBe(old.id);
  });

  it('reads back page by page (offset) to the cursor and hands everything over oldest first, once each', async () => {
    const connector = connect();
    const { run, cursor } = stream(connector, 'aurora');
    const fay = fake.account('fay', 'Fay');
    fake.status(fay, 'aurora first');
    await run();
    const start = cursor();
    const burst = Array.from({ length: 2 * PAGE_SIZE + 5 }, (_, i) => fake.status(fay, `aurora burst ${i}`));
    const { page, newMessages } = await run();
    expect(page.items.map((i) => i.platformId)).toEqual(burst.map((s) => s.id));
    expect(newMessages).toBe(burst.length);
    expect(page.cursor).toBe(burst.at(-1)!.id);
    expect(BigInt(page.cursor!)).toBeGreaterThan(BigInt(start!));
    // Three pages back to the cursor; search's min_id and max_id are never sent.
    const pages = searchRequests().slice(1);
    expect(pages.map((p) => p.get('offset'))).toEqual([null, String(PAGE_SIZE), String(2 * PAGE_SIZE)]);
    expect(pages.every((p) => !p.has('min_id') && !p.has('max_id'))).toBe(true);
  });

  it('reads a single hashtag from its tag timeline (Link paging, since_id), which needs no search backend', async () => {
    const connector = connect();
    fake.searchBackend = false;
    const gus = fake.account('gus', 'Gus');
    const { run, cursor } = stream(connector, '#AuroraAir');
    const hit = fake.status(gus, 'Landed early with #AuroraAir', { at: Date.now() - HOUR });
    fake.status(gus, 'quietly #AuroraAir', { visibility: 'unlisted' });
    fake.status(fake.brand, 'Our new lounge #AuroraAir');
    fake.reblog(gus, hit);
    const { page } = await run();
    expect(page.items.map((i) => i.platformId)).toEqual([hit.id]);
    expect(page.items[0]!.body).toBe('Landed early with #AuroraAir');
    expect(tagRequests()[0]!.pathname).toBe('/api/v1/timelines/tag/AuroraAir');
    expect(searchRequests()).toHaveLength(0);

    const burst = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => fake.status(gus, `#auroraair trip ${i}`));
    const before = cursor();
    const { page: next } = await run();
    expect(next.items.map((i) => i.platformId)).toEqual(burst.map((s) => s.id));
    const pages = tagRequests().slice(1);
    expect(pages.map((u) => u.searchParams.get('since_id'))).toEqual([before, before]);
    // The second page starts where the first page's Link rel="next" pointed.
    expect(pages[1]!.searchParams.get('max_id')).toBe(burst[5]!.id);
    expect((await run()).page.items).toEqual([]);

    // Full-text search finds nothing on an instance without a search backend.
    expect((await search(connector)('AuroraAir', null)).items).toEqual([]);
  });

  it('skips reblogs, and still moves the cursor past them', async () => {
    const connector = connect();
    const { run, cursor } = stream(connector, 'aurora');
    const hal = fake.account('hal', 'Hal');
    await run();
    const original = fake.status(hal, 'aurora sunrise from the window');
    const boost = fake.reblog(fake.account('ivy', 'Ivy'), original);
    // Search does not return reblogs on Mastodon; another server might.
    fake.rawStatuses.push({ id: boost.id, payload: { ...boost, content: '', reblog: original } });
    const { page } = await run();
    expect(page.items.map((i) => i.platformId)).toEqual([original.id]);
    expect(cursor()).toBe(boost.id);
  });

  it('reports a rate limit with the reset time from X-RateLimit-Reset, leaving the cursor', async () => {
    const connector = connect();
    const { run, cursor } = stream(connector, 'aurora');
    fake.status(fake.account('jo', 'Jo'), 'aurora');
    await run();
    const before = cursor();
    const until = Date.now() + 90_000;
    fake.rateLimitedUntil = until;
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetAt).toBe(until);
    expect(cursor()).toBe(before);
    await expect(search(connector)('#AuroraAir', before)).rejects.toBeInstanceOf(RateLimitError);
  });

  it('stops at a malformed status: what is older is kept, the cursor never passes it', async () => {
    const connector = connect();
    const { run, cursor } = stream(connector, 'aurora');
    const kai = fake.account('kai', 'Kai');
    fake.status(kai, 'aurora one');
    await run();
    const good = fake.status(kai, 'aurora two');
    const badId = (BigInt(good.id) + 1n).toString();
    fake.rawStatuses.push({ id: badId, payload: { id: badId, created_at: 'yesterday-ish', content: 'aurora', account: { id: '1' } } });
    fake.status(kai, 'aurora three, after the bad one');

    const { page } = await run();
    expect(page.items.map((i) => i.platformId)).toEqual([good.id]);
    expect(page.more).toBe(true);
    expect(cursor()).toBe(good.id);
    // Now the bad status is the oldest new one: the search fails and the cursor stays.
    await expect(run()).rejects.toBeInstanceOf(MalformedPayloadError);
    expect(cursor()).toBe(good.id);
    // The same on the tag timeline.
    await expect(search(connector)('#aurora', good.id)).rejects.toBeInstanceOf(MalformedPayloadError);
  });

  it('fails on a response that is not a search result, without moving the cursor', async () => {
    const connector = connect();
    const { run, cursor } = stream(connector, 'aurora');
    server.use(http.get(`${fake.origin}/api/v2/search`, () => HttpResponse.json({ statuses: 'none' })));
    await expect(run()).rejects.toBeInstanceOf(MalformedPayloadError);
    expect(cursor()).toBeNull();
  });

  it('says the token expired with an AuthError', async () => {
    const connector = connect();
    await connector.verify();
    fake.token = 'revoked';
    await expect(search(connector)('aurora', null)).rejects.toBeInstanceOf(AuthError);
    await expect(search(connector)('#AuroraAir', null)).rejects.toBeInstanceOf(AuthError);
    // Also when the first call is the one that learns who the account is.
    await expect(search(connect('expired'))('aurora', null)).rejects.toBeInstanceOf(AuthError);
  });

  it('knows a single hashtag from a search, and reads Link headers', () => {
    expect(hashtagOf('#AuroraAir')).toBe('AuroraAir');
    expect(hashtagOf(' #café_2024 ')).toBe('café_2024');
    expect(hashtagOf('#AuroraAir delays')).toBeNull();
    expect(hashtagOf('AuroraAir')).toBeNull();
    expect(hashtagOf('#')).toBeNull();
    const headers = new Headers({ Link: '<https://social.example/api/v1/timelines/tag/a?max_id=7>; rel="next", <https://social.example/api/v1/timelines/tag/a?min_id=9>; rel="prev"' });
    expect(linkParam(headers, 'next', 'max_id')).toBe('7');
    expect(linkParam(headers, 'prev', 'min_id')).toBe('9');
    expect(linkParam(new Headers(), 'next', 'max_id')).toBeNull();
  });
});
