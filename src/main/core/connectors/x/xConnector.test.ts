import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { makeRepos } from '../../../../../test/support/coreFixtures';
import { XFake } from '../../../../../test/support/fakes/xFake';
import { AuthError, MalformedPayloadError, RateLimitError, RejectedError, type Connector, type SendRequest } from '../connector';
import { ingestPage } from '../../sync/ingest';
import { createXConnector } from './xConnector';
import { crcResponse, verifyXSignature } from './webhooks';

let fake = new XFake();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function connect(): Connector {
  fake = new XFake();
  server.use(...fake.handlers());
  return createXConnector({ apiUrl: fake.origin }, fake.token);
}

async function pullAll(connector: Connector, repos: ReturnType<typeof makeRepos>) {
  let total = 0;
  for (let i = 0; i < 10; i++) {
    const page = await connector.pull(repos.syncState.get('acc-x').cursor);
    total += ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now()).newMessages;
    if (!page.more) break;
  }
  return total;
}

const reply = (over: Partial<SendRequest>): SendRequest => ({
  idempotencyKey: 'k',
  conversationPlatformId: '',
  kind: 'mention',
  inReplyToPlatformId: null,
  customerHandle: null,
  body: 'hi',
  attempt: 1,
  subject: null,
  queuedAt: Date.now(),
  ...over,
});

describe('X connector', () => {
  it('checks the token', async () => {
    const connector = connect();
    await expect(connector.verify()).resolves.toEqual({ handle: '@AuroraAirHelp', name: 'Aurora Air Support' });
    fake.token = 'revoked';
    await expect(createXConnector({ apiUrl: fake.origin }, 'x-user-token').verify()).rejects.toBeInstanceOf(AuthError);
  });

  it('pulls mentions across pages and DMs, once each, threading replies by conversation_id', async () => {
    const connector = connect();
    const repos = makeRepos();
    const kim = fake.user('kim_travels', 'Kim', 1200);
    const first = fake.tweet(kim, '@AuroraAirHelp where is my bag?');
    for (let i = 0; i < 130; i++) fake.tweet(fake.user(`u${i}`, `User ${i}`), `@AuroraAirHelp question ${i}`);
    fake.tweet(kim, '@AuroraAirHelp any update?', { replyTo: first.id });
    fake.dm(kim, 'my booking is ABC123');
    expect(await pullAll(connector, repos)).toBe(133);
    expect(await pullAll(connector, repos)).toBe(0);
    const thread = repos.conversations.stateByPlatformId('acc-x', first.id)!;
    expect(repos.db.prepare('SELECT COUNT(*) FROM messages WHERE conversation_id = ?').pluck().get(thread.id)).toBe(2);
    const dm = repos.db.prepare("SELECT kind, c.platform_id AS id FROM conversations c WHERE kind = 'dm'").get() as { kind: string; id: string };
    expect(dm.id).toMatch(/^dm:/);
    // Later traffic arrives once.
    fake.tweet(kim, '@AuroraAirHelp found it, thanks', { replyTo: first.id });
    fake.dm(kim, 'ok thanks');
    expect(await pullAll(connector, repos)).toBe(2);
    const since = fake.requests.filter((r) => r.url.pathname.endsWith('/mentions')).at(-1)!.url.searchParams.get('since_id');
    expect(since).toBeTruthy();
    expect(repos.db.prepare('SELECT avatar_url FROM customers WHERE handle = ?').pluck().get('kim_travels')).toBe(kim.profile_image_url);
    expect(fake.requests.find((r) => r.url.pathname.endsWith('/mentions'))!.url.searchParams.get('user.fields')).toContain('profile_image_url');
  });

  it('ignores a malformed profile_image_url: the mention is kept, without a picture', async () => {
    const connector = connect();
    const repos = makeRepos();
    const odd = ['file:///etc/passwd', 'https://user:pw@pbs.twimg.com/a.jpg', 7, '', null];
    for (const [i, url] of odd.entries()) {
      const user = fake.user(`odd${i}`, `Odd ${i}`);
      user.profile_image_url = url;
      fake.tweet(user, `@AuroraAirHelp hello ${i}`);
    }
    expect(await pullAll(connector, repos)).toBe(odd.length);
    expect(repos.db.prepare('SELECT avatar_url FROM customers').pluck().all()).toEqual(odd.map(() => null));
  });

  it('reports how far back a first sync has read, and stops paging back when it is stopped', async () => {
    const connector = connect();
    const repos = makeRepos();
    const now = Date.now();
    // 150 mentions over the last 6 days, newest last; X pages them newest first, 100 at a time.
    for (let i = 0; i < 150; i++) fake.tweet(fake.user(`u${i}`, `User ${i}`), `@AuroraAirHelp question ${i}`, { at: now - (150 - i) * 3_456_000 });
    const progress: number[] = [];
    const controller = new AbortController();
    const control = { signal: controller.signal, progress: (f: number) => (progress.push(f), controller.abort()) };
    const page = await connector.pull(null, control);
    // Stopped after the first page of mentions: its 100 newest, and a cursor from which only new
    // ones come.
    expect(page.items).toHaveLength(100);
    expect(page.more).toBe(false);
    expect(Math.min(...page.items.map((i) => i.createdAt))).toBe(now - 100 * 3_456_000);
    expect(progress[0]).toBeCloseTo((100 * 3_456_000) / (7 * 86_400_000) / 2, 2);
    ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    fake.tweet(fake.user('late', 'Late'), '@AuroraAirHelp still there?');
    expect(await pullAll(connector, repos)).toBe(1);

    const full: number[] = [];
    const again = connect();
    for (let i = 0; i < 150; i++) fake.tweet(fake.user(`v${i}`, `User ${i}`), `@AuroraAirHelp hi ${i}`, { at: now - (150 - i) * 3_456_000 });
    expect((await again.pull(null, { signal: new AbortController().signal, progress: (f) => full.push(f) })).items).toHaveLength(150);
    expect(full).toEqual([...full].sort((a, b) => a - b));
    expect(full.at(-1)).toBe(1);
    expect(again.backfillDays).toBe(7);
  });

  it('replies in the thread and into DM conversations', async () => {
    const connector = connect();
    const kim = fake.user('kim', 'Kim');
    const tweet = fake.tweet(kim, '@AuroraAirHelp my flight?');
    const sent = await connector.send(reply({ conversationPlatformId: tweet.conversation_id, inReplyToPlatformId: tweet.id, body: 'It leaves at 10:05.' }));
    expect(fake.tweets.get(sent.platformId)).toMatchObject({ text: 'It leaves at 10:05.', referenced_tweets: [{ type: 'replied_to', id: tweet.id }], conversation_id: tweet.conversation_id });
    const dm = fake.dm(kim, 'hello?');
    const sentDm = await connector.send(reply({ kind: 'dm', conversationPlatformId: `dm:${dm.dm_conversation_id}`, body: 'Hi Kim!' }));
    expect(sentDm.platformId).toMatch(/^dm:/);
    expect(fake.dmEvents.at(-1)).toMatchObject({ sender_id: fake.brand.id, text: 'Hi Kim!' });
  });

  it('does not post twice when a resend finds the first post already on X', async () => {
    const connector = connect();
    const kim = fake.user('kim', 'Kim');
    const tweet = fake.tweet(kim, '@AuroraAirHelp refund?');
    const request = reply({ conversationPlatformId: tweet.conversation_id, inReplyToPlatformId: tweet.id, body: 'Refund issued.' });
    const first = await connector.send(request);
    const resent = await connector.send({ ...request, attempt: 2 });
    expect(resent.platformId).toBe(first.platformId);
    expect(fake.brandTweets()).toHaveLength(1);
    // Without the check X itself refuses the duplicate.
    await expect(connector.send(request)).rejects.toBeInstanceOf(RejectedError);
  });

  it('waits for x-rate-limit-reset (a Unix time; X sends no Retry-After)', async () => {
    const connector = connect();
    await connector.verify();
    fake.rateLimitedUntil = Date.now() + 120_000;
    const error = (await connector.pull(null).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.resetAt).toBe(Math.ceil(fake.rateLimitedUntil / 1000) * 1000);
  });

  it('stops at a malformed mention without moving the cursor past it', async () => {
    const connector = connect();
    const repos = makeRepos();
    const kim = fake.user('kim', 'Kim');
    fake.tweet(kim, '@AuroraAirHelp one');
    await pullAll(connector, repos).catch(() => 0);
    const good = fake.tweet(kim, '@AuroraAirHelp two');
    fake.rawMentions.push({ id: fake.id(), payload: { text: '@AuroraAirHelp broken', author_id: kim.id } });
    const page = await connector.pull(repos.syncState.get('acc-x').cursor);
    expect(page.items.map((i) => i.platformId)).toEqual([good.id]);
    ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    const cursor = repos.syncState.get('acc-x').cursor;
    await expect(connector.pull(cursor)).rejects.toBeInstanceOf(MalformedPayloadError);
    expect(repos.syncState.get('acc-x').cursor).toBe(cursor);
  });
});

describe('X webhooks', () => {
  it('answers the CRC challenge with the HMAC-SHA256 of the token', () => {
    // Known answer computed independently: printf %s 'challenge-1' | openssl dgst -sha256 -hmac 'consumer-secret' -binary | base64
    expect(crcResponse('challenge-1', 'consumer-secret').response_token).toBe('sha256=hbz/pRiNR70XBuZpAOCE6wJtpI25oS6CpybxrTZlcm8=');
  });

  it('accepts only deliveries signed with the consumer secret', () => {
    const body = '{"for_user_id":"1","tweet_create_events":[]}';
    // printf %s "$body" | openssl dgst -sha256 -hmac 'consumer-secret' -binary | base64
    const signature = 'sha256=RyDkCgoxlGUJRQ0A4jDZ0FM8elNswwj9zgfMmzQwrHQ=';
    expect(verifyXSignature(body, signature, 'consumer-secret')).toBe(true);
    expect(verifyXSignature(body + ' ', signature, 'consumer-secret')).toBe(false);
    expect(verifyXSignature(body, signature, 'other-secret')).toBe(false);
    expect(verifyXSignature(body, null, 'consumer-secret')).toBe(false);
    expect(verifyXSignature(body, 'sha256=short', 'consumer-secret')).toBe(false);
  });
});

describe('X listening', () => {
  it('finds posts that name the brand without its handle, once each, leaving mentions to the mentions feed', async () => {
    const connector = connect();
    const repos = makeRepos();
    const lee = fake.user('lee', 'Lee');
    fake.tweet(lee, 'Flying Aurora Air tomorrow, any tips on baggage?');
    fake.tweet(lee, '@AuroraAirHelp aurora air lost my bag');
    fake.tweet(fake.brand, 'Aurora Air news: new routes');
    fake.tweet(lee, 'unrelated post');
    const run = async () => {
      const page = await connector.search!('"aurora air"', repos.db.prepare("SELECT cursor FROM listening_streams WHERE id = 's1'").pluck().get() as string | null);
      return ingestPage(repos, 'acc-x', page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now(), {
        listening: { intent: 'support' },
        saveCursor: (cursor) => repos.listening.saveCursor('s1', cursor, Date.now()),
      }).newMessages;
    };
    repos.listening.add({ id: 's1', accountId: 'acc-x', name: 'Brand', query: '"aurora air"', intent: 'support' }, Date.now());
    expect(await run()).toBe(1);
    expect(fake.searches[0]).toBe('("aurora air") -@AuroraAirHelp -from:AuroraAirHelp -is:retweet');
    expect(await run()).toBe(0);
    fake.tweet(lee, 'Aurora Air crew was lovely');
    expect(await run()).toBe(1);
    expect(new URL(fake.requests.at(-1)!.url).searchParams.get('since_id')).toBeTruthy();
    const listening = repos.conversations.list('listening', 'agent-self', 10);
    expect(listening).toHaveLength(2);
    expect(listening.every((c) => c.status === 'listening' && c.intent === 'support' && c.dueAt === Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(repos.conversations.list('all', 'agent-self', 10)).toHaveLength(0);
  });
});
