import { createHmac } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { makeRepos, T0 } from '../../../../../test/support/coreFixtures';
import { GRAPH_VERSION, graphTime, MetaFake } from '../../../../../test/support/fakes/metaFake';
import { AuthError, MalformedPayloadError, RateLimitError, RejectedError, type Connector, type InboundItem, type SendRequest } from '../connector';
import { CONNECTOR_KINDS } from '../registry';
import { ingestPage } from '../../sync/ingest';
import { DEFAULT_THROTTLE_WAIT_MS, readUsage } from './metaApi';
import { createMetaConnector, GRAPH_VERSION as CONNECTOR_GRAPH_VERSION, type MetaConnector } from './metaConnector';
import { mentionsFromWebhook, subscriptionChallenge, verifyMetaSignature, WebhookSignatureError, type MentionRef } from './webhooks';

const ACCOUNT = 'acc-meta';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let fake = new MetaFake();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function connect(config: { backfillDays?: number } = {}): MetaConnector {
  fake = new MetaFake();
  server.use(...fake.handlers());
  return createMetaConnector({ apiUrl: fake.origin, ...config }, fake.token);
}

function metaRepos() {
  const repos = makeRepos();
  repos.workspace.addAccount({ id: ACCOUNT, platform: 'facebook', name: 'Aurora Air', handle: '@auroraair', role: 'support', connector: 'meta' }, T0);
  return repos;
}

async function pullAll(connector: Connector, repos: ReturnType<typeof makeRepos>) {
  let total = 0;
  for (let i = 0; i < 10; i++) {
    const page = await connector.pull(repos.syncState.get(ACCOUNT).cursor);
    total += ingestPage(repos, ACCOUNT, page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now()).newMessages;
    if (!page.more) break;
  }
  return total;
}

const messagesIn = (repos: ReturnType<typeof makeRepos>, conversationPlatformId: string) => {
  const conversation = repos.conversations.stateByPlatformId(ACCOUNT, conversationPlatformId);
  if (!conversation) return [];
  return repos.db.prepare('SELECT body, direction FROM messages WHERE conversation_id = ? ORDER BY created_at, id').all(conversation.id) as { body: string; direction: string }[];
};

const reply = (over: Partial<SendRequest>): SendRequest => ({
  idempotencyKey: 'k',
  conversationPlatformId: '',
  kind: 'comment',
  inReplyToPlatformId: null,
  customerHandle: null,
  body: 'hi',
  attempt: 1,
  subject: null,
  queuedAt: Date.now(),
  ...over,
});

const posts = () => fake.requests.filter((r) => r.method === 'POST');

describe('Meta connector', () => {
  it('uses the Graph version the fake serves', () => {
    expect(CONNECTOR_GRAPH_VERSION).toBe(GRAPH_VERSION);
  });

  it("checks the token and names the Page and its Instagram account; an expired token is an auth error", async () => {
    const connector = connect();
    await expect(connector.verify()).resolves.toEqual({ handle: '@auroraair · Instagram @aurora.air', name: 'Aurora Air' });
    expect(fake.requests[0]!.url.pathname).toBe(`/${GRAPH_VERSION}/me`);
    fake.token = 'rotated';
    const error = (await connector.verify().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/no longer accepts the Page access token \(expired or revoked\): sign in again/);
    expect(error.message).toContain('code 190/463');
  });

  it('works with the Page alone when the token cannot read the linked Instagram account', async () => {
    const connector = connect();
    fake.instagramPermission = false;
    fake.instagramDm(fake.igUser('leo'), 'hello');
    await expect(connector.verify()).resolves.toEqual({ handle: '@auroraair', name: 'Aurora Air' });
    const page = await connector.pull(null);
    expect(page.items).toEqual([]);
    expect(fake.requests.some((r) => r.url.pathname.includes(fake.ig.id) || r.url.searchParams.get('platform') === 'instagram')).toBe(false);
  });

  it('pulls Page comments across pages once each; replies join their top-level comment; only posts with news are read again', async () => {
    const connector = connect();
    const repos = metaRepos();
    const now = Date.now();
    const kim = fake.fbUser('Kim Lee');
    const post = fake.post('Winter schedule is out!', now - 3 * HOUR);
    const quiet = fake.post('Old news', now - 5 * DAY);
    fake.comment(quiet, fake.fbUser('Old'), 'nice', now - 5 * DAY + HOUR);
    const tooOld = fake.post('Ancient', now - 10 * DAY);
    fake.comment(tooOld, fake.fbUser('Older'), 'before the backfill', now - 9 * DAY);
    const first = fake.comment(post, kim, 'Is flight 12 still on?', now - 2 * HOUR);
    for (let i = 0; i < 130; i++) fake.comment(post, fake.fbUser(`User ${i}`), `question ${i}`, now - HOUR + i * 1000);
    fake.comment(first, kim, 'Any update?', now - 30 * MINUTE);
    // Our own answer given on Facebook comes in as ours.
    fake.comment(first, { id: fake.page.id, name: fake.page.name }, 'Yes, it is on time.', now - 20 * MINUTE);

    expect(await pullAll(connector, repos)).toBe(1 + 1 + 130 + 1 + 1);
    const pagesRead = fake.requests.filter((r) => r.url.pathname.endsWith(`/${post.id}/comments`));
    expect(pagesRead.map((r) => r.url.searchParams.get('after') !== null)).toEqual([false, true]);
    expect(pagesRead[0]!.url.searchParams.get('filter')).toBe('stream');
    expect(pagesRead[0]!.url.searchParams.get('order')).toBe('reverse_chronological');
    expect(messagesIn(repos, `fbc:${first.id}`)).toEqual([
      { body: 'Is flight 12 still on?', direction: 'in' },
      { body: 'Any update?', direction: 'in' },
      { body: 'Yes, it is on time.', direction: 'out' },
    ]);
    const conversation = repos.db.prepare('SELECT kind, subject FROM conversations WHERE platform_id = ?').get(`fbc:${first.id}`);
    expect(conversation).toEqual({ kind: 'comment', subject: 'Winter schedule is out!' });
    expect(await pullAll(connector, repos)).toBe(0);

    // Later traffic arrives once; the quiet post's comments are not read again.
    fake.requests.length = 0;
    fake.comment(first, kim, 'Found it, thanks');
    fake.comment(post, fake.fbUser('Ana'), 'Do you fly to Riga?');
    expect(await pullAll(connector, repos)).toBe(2);
    expect(messagesIn(repos, `fbc:${first.id}`).at(-1)).toEqual({ body: 'Found it, thanks', direction: 'in' });
    expect(fake.requests.some((r) => r.url.pathname.endsWith(`/${quiet.id}/comments`))).toBe(false);
    expect(fake.requests.filter((r) => r.url.pathname.endsWith(`/${post.id}/comments`))).toHaveLength(1);
    expect(repos.db.prepare("SELECT COUNT(*) FROM messages WHERE body = 'before the backfill'").pluck().get()).toBe(0);
  });

  it('pulls Messenger and Instagram conversations, paging the list, and later only the updated ones', async () => {
    const connector = connect();
    const repos = metaRepos();
    const now = Date.now();
    const ana = fake.fbUser('Ana Costa');
    const { conversation } = fake.messengerDm(ana, 'Hi, about my booking', now - 10 * MINUTE);
    fake.ownMessage(conversation, 'Hello Ana, which booking?', now - 9 * MINUTE);
    fake.messengerDm(ana, 'ABC123', now - 8 * MINUTE);
    for (let i = 0; i < 30; i++) fake.messengerDm(fake.fbUser(`Person ${i}`), `hello ${i}`, now - HOUR + i * 1000);
    const leo = fake.igUser('leo.travels');
    const ig = fake.instagramDm(leo, 'Lost my bag', now - 5 * MINUTE).conversation;

    expect(await pullAll(connector, repos)).toBe(3 + 30 + 1);
    const lists = fake.requests.filter((r) => r.url.pathname.endsWith(`/${fake.page.id}/conversations`) && r.url.searchParams.get('platform') === 'messenger');
    expect(lists.map((r) => r.url.searchParams.get('after') !== null)).toEqual([false, true]);
    expect(messagesIn(repos, `fbdm:${conversation.id}`)).toEqual([
      { body: 'Hi, about my booking', direction: 'in' },
      { body: 'Hello Ana, which booking?', direction: 'out' },
      { body: 'ABC123', direction: 'in' },
    ]);
    const igConversation = repos.db.prepare('SELECT kind FROM conversations WHERE platform_id = ?').pluck().get(`igdm:${ig.id}`);
    expect(igConversation).toBe('dm');
    const customer = repos.db.prepare("SELECT handle, profile_url AS url FROM customers WHERE platform_id = ?").get(`ig:${leo.id}`);
    expect(customer).toEqual({ handle: '@leo.travels', url: 'https://www.instagram.com/leo.travels' });

    fake.requests.length = 0;
    fake.messengerDm(ana, 'thanks!');
    fake.instagramDm(leo, 'found it');
    expect(await pullAll(connector, repos)).toBe(2);
    expect(messagesIn(repos, `fbdm:${conversation.id}`)).toHaveLength(4);
    expect(messagesIn(repos, `igdm:${ig.id}`)).toHaveLength(2);
    // Only the two conversations that moved had their messages read.
    expect(fake.requests.filter((r) => r.url.pathname.endsWith('/messages'))).toHaveLength(2);
  });

  it('reports a first sync stream by stream; once stopped, the streams not yet read start from now', async () => {
    const connector = connect();
    const now = Date.now();
    const ana = fake.fbUser('Ana Costa');
    fake.messengerDm(ana, 'Hi, about my booking', now - 2 * HOUR);
    const leo = fake.igUser('leo.travels');
    fake.instagramDm(leo, 'Lost my bag', now - HOUR);
    const full: number[] = [];
    const all = await connector.pull(null, { signal: new AbortController().signal, progress: (f) => full.push(f) });
    expect(all.items.map((i) => i.body)).toEqual(['Hi, about my booking', 'Lost my bag']);
    expect(full).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(connector.backfillDays).toBe(7);

    // Stopped after the Page's comments: Messenger and Instagram history is skipped.
    const repos = metaRepos();
    const controller = new AbortController();
    const stopped = await connector.pull(null, { signal: controller.signal, progress: () => controller.abort() });
    expect(stopped.items).toEqual([]);
    ingestPage(repos, ACCOUNT, stopped.items, stopped.cursor, DEFAULT_SLA_POLICIES, Date.now());
    fake.instagramDm(leo, 'found it');
    expect(await pullAll(connector, repos)).toBe(1);
    expect(repos.db.prepare('SELECT body FROM messages').pluck().all()).toEqual(['found it']);
  });

  it('pulls Instagram comments with their replies, and reads only media whose comment count changed', async () => {
    const connector = connect();
    const repos = metaRepos();
    const now = Date.now();
    const mia = fake.igUser('mia.k');
    const lounge = fake.igMedia('New lounge in Riga', now - 2 * DAY);
    const summer = fake.igMedia('Summer sale', now - 3 * DAY);
    const question = fake.igComment(lounge, mia, 'Open on Sundays?', now - HOUR);
    fake.igComment(question, fake.ig, 'Yes, 6:00 to 22:00.', now - 50 * MINUTE);
    fake.igComment(summer, fake.igUser('tom'), 'Nice', now - 2 * HOUR);

    expect(await pullAll(connector, repos)).toBe(3);
    expect(messagesIn(repos, `igc:${question.id}`)).toEqual([
      { body: 'Open on Sundays?', direction: 'in' },
      { body: 'Yes, 6:00 to 22:00.', direction: 'out' },
    ]);
    expect(repos.db.prepare('SELECT subject FROM conversations WHERE platform_id = ?').pluck().get(`igc:${question.id}`)).toBe('New lounge in Riga');

    fake.requests.length = 0;
    // A reply to our reply lands under the top-level comment.
    const ours = fake.igComments.find((c) => c.from.id === fake.ig.id)!;
    fake.igComment(ours, mia, 'Thanks!');
    expect(await pullAll(connector, repos)).toBe(1);
    expect(messagesIn(repos, `igc:${question.id}`).at(-1)).toEqual({ body: 'Thanks!', direction: 'in' });
    expect(fake.requests.some((r) => r.url.pathname.endsWith(`/${summer.id}/comments`))).toBe(false);
    expect(fake.requests.some((r) => r.url.pathname.endsWith(`/${lounge.id}/comments`))).toBe(true);
  });

  it('hands over nothing twice, even items that share a second with the high-water mark', async () => {
    const connector = connect();
    const repos = metaRepos();
    const second = Math.floor((Date.now() - 10 * MINUTE) / 1000) * 1000;
    const kim = fake.fbUser('Kim');
    const post = fake.post('Schedule', second - HOUR);
    const a = fake.comment(post, kim, 'first', second);
    const ana = fake.fbUser('Ana');
    fake.messengerDm(ana, 'dm one', second);
    const mia = fake.igUser('mia');
    const media = fake.igMedia('Lounge', second - HOUR);
    fake.igComment(media, mia, 'ig one', second);
    fake.instagramDm(mia, 'ig dm one', second);
    expect(await pullAll(connector, repos)).toBe(4);
    expect((await connector.pull(repos.syncState.get(ACCOUNT).cursor)).items).toEqual([]);

    // Same second as the marks: new ids are still new; the old ones are not handed over again.
    const b = fake.comment(post, fake.fbUser('Ben'), 'second', second);
    fake.messengerDm(fake.fbUser('Cy'), 'dm two', second);
    fake.igComment(media, fake.igUser('dan'), 'ig two', second);
    fake.instagramDm(fake.igUser('eve'), 'ig dm two', second);
    const page = await connector.pull(repos.syncState.get(ACCOUNT).cursor);
    expect(page.items.map((i) => i.body).sort()).toEqual(['dm two', 'ig dm two', 'ig two', 'second']);
    expect(page.items.map((i) => i.platformId)).not.toContain(`fbc:${a.id}`);
    ingestPage(repos, ACCOUNT, page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    expect((await connector.pull(repos.syncState.get(ACCOUNT).cursor)).items).toEqual([]);
    expect(messagesIn(repos, `fbc:${b.id}`)).toHaveLength(1);
  });

  it('replies to comments under the top-level comment on both platforms', async () => {
    const connector = connect();
    const kim = fake.fbUser('Kim');
    const post = fake.post('Schedule');
    const top = fake.comment(post, kim, 'Refund?');
    const later = fake.comment(top, kim, 'hello?');
    const sent = await connector.send(reply({ conversationPlatformId: `fbc:${top.id}`, inReplyToPlatformId: `fbc:${later.id}`, body: 'Refund issued.' }));
    expect(sent.platformId).toMatch(/^fbc:/);
    expect(posts().at(-1)!.url.pathname).toBe(`/${GRAPH_VERSION}/${top.id}/comments`);
    expect(fake.pageComments()).toMatchObject([{ message: 'Refund issued.', parent: { id: top.id } }]);
    expect(`fbc:${fake.pageComments()[0]!.id}`).toBe(sent.platformId);

    const media = fake.igMedia('Lounge');
    const question = fake.igComment(media, fake.igUser('mia'), 'Open?');
    const igSent = await connector.send(reply({ conversationPlatformId: `igc:${question.id}`, inReplyToPlatformId: `igc:${question.id}`, body: 'Yes!' }));
    expect(posts().at(-1)!.url.pathname).toBe(`/${GRAPH_VERSION}/${question.id}/replies`);
    expect(fake.igComments.at(-1)).toMatchObject({ text: 'Yes!', parent_id: question.id, from: { id: fake.ig.id } });
    expect(igSent.platformId).toBe(`igc:${fake.igComments.at(-1)!.id}`);
  });

  it('sends DMs through the Send API: Messenger with messaging_type RESPONSE, Instagram to the IGSID', async () => {
    const connector = connect();
    const ana = fake.fbUser('Ana');
    const { conversation } = fake.messengerDm(ana, 'hello?', Date.now() - HOUR);
    const sent = await connector.send(reply({ kind: 'dm', conversationPlatformId: `fbdm:${conversation.id}`, body: 'Hi Ana!' }));
    expect(posts().at(-1)).toMatchObject({ body: { recipient: { id: ana.id }, messaging_type: 'RESPONSE', message: { text: 'Hi Ana!' } } });
    expect(posts().at(-1)!.url.pathname).toBe(`/${GRAPH_VERSION}/${fake.page.id}/messages`);
    expect(sent.platformId).toBe(`fbdm:${conversation.messages.at(-1)!.id}`);
    expect(conversation.messages.at(-1)).toMatchObject({ from: { id: fake.page.id }, message: 'Hi Ana!' });

    const leo = fake.igUser('leo');
    const ig = fake.instagramDm(leo, 'bag?', Date.now() - HOUR).conversation;
    const igSent = await connector.send(reply({ kind: 'dm', conversationPlatformId: `igdm:${ig.id}`, body: 'On its way.' }));
    expect(posts().at(-1)!.body).toEqual({ recipient: { id: leo.id }, message: { text: 'On its way.' } });
    expect(igSent.platformId).toBe(`igdm:${ig.messages.at(-1)!.id}`);
    // A later pull sees our message with the same id: stored once.
    const repos = metaRepos();
    await pullAll(connector, repos);
    expect(repos.db.prepare('SELECT COUNT(*) FROM messages WHERE platform_id = ?').pluck().get(igSent.platformId)).toBe(1);
  });

  it('refuses a DM outside the 24-hour window before posting, and reads Meta\'s own window errors the same way', async () => {
    const connector = connect();
    const ana = fake.fbUser('Ana');
    const { conversation } = fake.messengerDm(ana, 'hello?', Date.now() - 30 * HOUR - 5 * MINUTE);
    const error = (await connector.send(reply({ kind: 'dm', conversationPlatformId: `fbdm:${conversation.id}` })).catch((e: unknown) => e)) as RejectedError;
    expect(error).toBeInstanceOf(RejectedError);
    expect(error.message).toBe("Meta only allows replies within 24 hours of the customer's last message; their last message was 30 hours ago");
    expect(posts()).toHaveLength(0);

    // Meta's own refusal (10/2018278 on Messenger, 10/2534022 on Instagram) reads the same.
    fake.windowClosed = true;
    const ben = fake.fbUser('Ben');
    const fb = fake.messengerDm(ben, 'hi', Date.now() - 2 * HOUR - MINUTE).conversation;
    const fbError = (await connector.send(reply({ kind: 'dm', conversationPlatformId: `fbdm:${fb.id}` })).catch((e: unknown) => e)) as RejectedError;
    expect(fbError).toBeInstanceOf(RejectedError);
    expect(fbError.message).toBe("Meta only allows replies within 24 hours of the customer's last message; their last message was 2 hours ago");
    const ig = fake.instagramDm(fake.igUser('leo'), 'hi', Date.now() - 3 * HOUR - MINUTE).conversation;
    const igError = (await connector.send(reply({ kind: 'dm', conversationPlatformId: `igdm:${ig.id}` })).catch((e: unknown) => e)) as RejectedError;
    expect(igError).toBeInstanceOf(RejectedError);
    expect(igError.message).toMatch(/their last message was 3 hours ago$/);
    expect(posts()).toHaveLength(2);
  });

  it('does not post twice when a resend finds the first reply already on Meta', async () => {
    const connector = connect();
    const kim = fake.fbUser('Kim');
    const top = fake.comment(fake.post('Schedule'), kim, 'Refund?');
    const request = reply({ conversationPlatformId: `fbc:${top.id}`, body: 'Refund issued.' });
    const first = await connector.send(request);
    expect(await connector.send({ ...request, attempt: 2 })).toEqual({ platformId: first.platformId, sentAt: expect.any(Number) as number });
    expect(fake.pageComments()).toHaveLength(1);
    // Meta itself does not refuse the duplicate: without the check it posts again.
    await connector.send(request);
    expect(fake.pageComments()).toHaveLength(2);

    const question = fake.igComment(fake.igMedia('Lounge'), fake.igUser('mia'), 'Open?');
    const igRequest = reply({ conversationPlatformId: `igc:${question.id}`, body: 'Yes!' });
    const igFirst = await connector.send(igRequest);
    expect((await connector.send({ ...igRequest, attempt: 3 })).platformId).toBe(igFirst.platformId);
    expect(fake.igComments.filter((c) => c.from.id === fake.ig.id)).toHaveLength(1);

    const { conversation } = fake.messengerDm(fake.fbUser('Ana'), 'hello?', Date.now() - HOUR);
    const dm = reply({ kind: 'dm', conversationPlatformId: `fbdm:${conversation.id}`, body: 'Hi Ana!' });
    const dmFirst = await connector.send(dm);
    expect((await connector.send({ ...dm, attempt: 2 })).platformId).toBe(dmFirst.platformId);
    expect(conversation.messages.filter((m) => m.from.id === fake.page.id)).toHaveLength(1);
  });

  it.each([4, 17, 32, 613] as const)('waits as Meta estimates when throttled with code %i', async (code) => {
    const connector = connect();
    await connector.verify();
    fake.throttle = { code, regainMinutes: 7 };
    const before = Date.now();
    const error = (await connector.pull(null).catch((e: unknown) => e)) as RateLimitError;
    const after = Date.now();
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 7 * MINUTE);
    expect(error.resetAt).toBeLessThanOrEqual(after + 7 * MINUTE);
    expect(error.message).toContain(`code ${code}`);
    // No estimate: a conservative wait.
    fake.throttle = { code };
    const plain = (await connector.send(reply({ conversationPlatformId: 'fbc:1_2' })).catch((e: unknown) => e)) as RateLimitError;
    expect(plain).toBeInstanceOf(RateLimitError);
    expect(plain.resetAt).toBeGreaterThanOrEqual(after + DEFAULT_THROTTLE_WAIT_MS);
  });

  it('reads a bare HTTP 429 with the usage headers', async () => {
    const connector = connect();
    await connector.verify();
    server.use(
      http.get(`${fake.origin}/${GRAPH_VERSION}/*`, () =>
        HttpResponse.text('', { status: 429, headers: { 'x-business-use-case-usage': JSON.stringify({ [fake.page.id]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 3 }] }) } }),
      ),
    );
    const before = Date.now();
    const error = (await connector.pull(null).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 3 * MINUTE);
    expect(error.resetAt).toBeLessThan(before + 4 * MINUTE);
  });

  it('reads X-App-Usage and X-Business-Use-Case-Usage', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":96,"total_time":20,"total_cputime":12}',
      'x-business-use-case-usage': '{"104":[{"type":"pages","call_count":40,"total_cputime":100,"total_time":5,"estimated_time_to_regain_access":0},{"type":"instagram","call_count":2,"estimated_time_to_regain_access":12}]}',
    });
    expect(readUsage(headers)).toEqual({ app: 96, business: 100, regainMinutes: 12 });
    expect(readUsage(new Headers({ 'x-app-usage': 'not json' }))).toEqual({ app: null, business: null, regainMinutes: null });
  });

  it('stops the pull an expired token makes with an auth error', async () => {
    const connector = connect();
    await connector.pull(null);
    fake.token = 'expired';
    await expect(connector.pull(null)).rejects.toBeInstanceOf(AuthError);
  });

  it('stops at a malformed comment without moving the cursor past it; other streams go on', async () => {
    const connector = connect();
    const repos = metaRepos();
    const now = Date.now();
    const kim = fake.fbUser('Kim');
    const post = fake.post('Schedule', now - 2 * HOUR);
    fake.comment(post, kim, 'one', now - 50 * MINUTE);
    expect(await pullAll(connector, repos)).toBe(1);
    const good = fake.comment(post, kim, 'two', now - 40 * MINUTE);
    fake.rawComment(post, { message: 'broken', created_time: graphTime(now - 30 * MINUTE), from: 'not an object' }, now - 30 * MINUTE);
    const after = fake.comment(post, kim, 'three', now - 20 * MINUTE);
    const dm = fake.messengerDm(fake.fbUser('Ana'), 'hello').message;
    const page = await connector.pull(repos.syncState.get(ACCOUNT).cursor);
    expect(page.items.map((i) => i.platformId)).toEqual([`fbc:${good.id}`, `fbdm:${dm.id}`]);
    expect(page.items.map((i) => i.platformId)).not.toContain(`fbc:${after.id}`);
    expect(page.more).toBe(true);
    ingestPage(repos, ACCOUNT, page.items, page.cursor, DEFAULT_SLA_POLICIES, Date.now());
    const cursor = repos.syncState.get(ACCOUNT).cursor;
    const error = (await connector.pull(cursor).catch((e: unknown) => e)) as MalformedPayloadError;
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect(error.message).toMatch(/Facebook comment that cannot be read \(from: /);
    expect(repos.syncState.get(ACCOUNT).cursor).toBe(cursor);
  });

  it('refuses conversations it cannot answer and Messenger texts over 2000 characters', async () => {
    const connector = connect();
    await expect(connector.send(reply({ conversationPlatformId: 'dm:123' }))).rejects.toBeInstanceOf(RejectedError);
    const { conversation } = fake.messengerDm(fake.fbUser('Ana'), 'hello?');
    await expect(connector.send(reply({ kind: 'dm', conversationPlatformId: `fbdm:${conversation.id}`, body: 'x'.repeat(2001) }))).rejects.toThrow(/at most 2000 characters/);
    // A deleted comment: Meta's code 100 is a refusal, not a retry.
    await expect(connector.send(reply({ conversationPlatformId: 'fbc:999_999' }))).rejects.toThrow(/Meta refused the request: .*code 100\/33/);
  });

  it('is registered as "meta": https or loopback API addresses, numeric ids', () => {
    const kind = CONNECTOR_KINDS.meta;
    expect(kind.platform).toBe('facebook');
    expect(kind.config.safeParse({ backfillDays: 14 }).success).toBe(true);
    expect(kind.config.safeParse({ pageId: '104000000000001', instagramAccountId: '17841400000000001', apiUrl: 'http://127.0.0.1:9000' }).data).toMatchObject({
      apiUrl: 'http://127.0.0.1:9000',
    });
    expect(kind.config.safeParse({ apiUrl: 'http://graph.example' }).success).toBe(false);
    expect(kind.config.safeParse({ pageId: 'my-page' }).success).toBe(false);
    expect(kind.config.safeParse({ backfillDays: 91 }).success).toBe(false);
  });
});

describe('Meta webhooks', () => {
  it('accepts only deliveries signed with the app secret (X-Hub-Signature-256)', () => {
    const body = '{"object":"page","entry":[{"id":"104000000000001","time":1795424400,"changes":[{"field":"feed","value":{"item":"comment","verb":"add"}}]}]}';
    // Computed independently: printf %s "$body" | openssl dgst -sha256 -hmac 'app-secret'
    const signature = 'sha256=40f5c432336be0a5d1fa120ae8d8dacc7cf0ed250b0d6f5ae47ff7b40be802cb';
    expect(verifyMetaSignature(body, signature, 'app-secret')).toBe(true);
    expect(verifyMetaSignature(Buffer.from(body), signature.toUpperCase().replace('SHA256=', 'sha256='), 'app-secret')).toBe(true);
    expect(verifyMetaSignature(body + ' ', signature, 'app-secret')).toBe(false);
    expect(verifyMetaSignature(body, signature, 'other-secret')).toBe(false);
    expect(verifyMetaSignature(body, null, 'app-secret')).toBe(false);
    expect(verifyMetaSignature(body, 'sha256=abc', 'app-secret')).toBe(false);
    expect(verifyMetaSignature(body, signature.replace('sha256=', 'sha1='), 'app-secret')).toBe(false);
  });

  const sign = (body: string | Buffer, secret = 'app-secret') => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const ig = '17841400000000001';

  it('turns a signed Instagram delivery into the mentions to read, once each', () => {
    // The documented payload: entry.id is the Instagram account, value {media_id, comment_id?}.
    const body = JSON.stringify({
      object: 'instagram',
      entry: [
        {
          id: ig,
          time: 1795424400,
          changes: [
            { field: 'mentions', value: { media_id: '17918195224117851', comment_id: '17894227972186120' } },
            { field: 'comments', value: { id: '17865799348089039', text: 'not a mention', media: { id: '17887498072083520' } } },
            { field: 'mentions', value: { media_id: '17918195224117852' } },
            { field: 'mentions', value: { media_id: '17918195224117851', comment_id: '17894227972186120' } },
          ],
        },
        { id: '17841400000000002', time: 1795424401, changes: [{ field: 'mentions', value: { media_id: '17918195224117853' } }] },
      ],
    });
    expect(mentionsFromWebhook(body, sign(body), 'app-secret')).toEqual([
      { igUserId: ig, mediaId: '17918195224117851', commentId: '17894227972186120' },
      { igUserId: ig, mediaId: '17918195224117852', commentId: null },
      { igUserId: '17841400000000002', mediaId: '17918195224117853', commentId: null },
    ]);
    expect(mentionsFromWebhook(Buffer.from(body), sign(body), 'app-secret')).toHaveLength(3);
    // A Page delivery, or Instagram messaging, holds no mentions.
    const page = '{"object":"page","entry":[{"id":"104000000000001","time":1795424400,"changes":[{"field":"feed","value":{"item":"comment","verb":"add"}}]}]}';
    expect(mentionsFromWebhook(page, sign(page), 'app-secret')).toEqual([]);
    const messaging = JSON.stringify({ object: 'instagram', entry: [{ id: ig, time: 1795424400, messaging: [{ sender: { id: '1' }, message: { text: 'hi' } }] }] });
    expect(mentionsFromWebhook(messaging, sign(messaging), 'app-secret')).toEqual([]);
  });

  it('reads nothing of a delivery that is not signed with the app secret', () => {
    const body = JSON.stringify({ object: 'instagram', entry: [{ id: ig, time: 1, changes: [{ field: 'mentions', value: { media_id: '1' } }] }] });
    for (const signature of [sign(body, 'other-secret'), sign(`${body} `), null, undefined, '', 'sha256=abc', sign(body).replace('sha256=', 'sha1=')]) {
      expect(() => mentionsFromWebhook(body, signature, 'app-secret'), String(signature)).toThrow(WebhookSignatureError);
    }
    // Checked before the body is read at all.
    expect(() => mentionsFromWebhook('not json', null, 'app-secret')).toThrow(WebhookSignatureError);
  });

  it('says clearly what is wrong with a signed delivery it cannot read', () => {
    const malformed = (body: string) => {
      try {
        mentionsFromWebhook(body, sign(body), 'app-secret');
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedPayloadError);
        return (error as Error).message;
      }
      throw new Error('expected a MalformedPayloadError');
    };
    expect(malformed('{"object":"instagram","entry":[')).toBe('Meta sent a webhook delivery that is not JSON');
    expect(malformed('{"object":"instagram"}')).toMatch(/^Meta sent a webhook delivery that cannot be read \(entry: /);
    expect(malformed(JSON.stringify({ object: 'instagram', entry: [{ id: ig, changes: [{ field: 'mentions', value: { comment_id: '17894227972186120' } }] }] }))).toMatch(
      /^Meta sent a mention that cannot be read \(entry\.0\.changes\.0\.value\.media_id: /,
    );
    expect(malformed(JSON.stringify({ object: 'instagram', entry: [{ id: ig, changes: [{ field: 'mentions', value: { media_id: '1){caption}' } }] }] }))).toBe(
      'Meta sent a mention that cannot be read (entry.0.changes.0.value.media_id: not a Graph id)',
    );
  });

  it('answers the subscription check only for our verify token', () => {
    const query = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': 'our-token', 'hub.challenge': '1158201444' });
    expect(subscriptionChallenge(query, 'our-token')).toBe('1158201444');
    expect(subscriptionChallenge(query, 'other-token')).toBeNull();
    query.set('hub.mode', 'unsubscribe');
    expect(subscriptionChallenge(query, 'our-token')).toBeNull();
  });
});

describe('Instagram mentions', () => {
  const mentionPaths = () => {
    const node = `/${GRAPH_VERSION}/${fake.ig.id}`;
    return (url: URL) => url.pathname === node || url.pathname === `${node}/tags` || url.pathname === `${node}/mentions`;
  };
  /** What a webhook delivery for these mentions hands over, through the signature check. */
  const delivered = (mentions: { mediaId: string; commentId?: string }[]): MentionRef[] => {
    const { body, signature } = fake.mentionWebhook(mentions);
    return mentionsFromWebhook(body, signature, fake.appSecret);
  };
  const ingestOne = (repos: ReturnType<typeof makeRepos>, item: InboundItem) =>
    ingestPage(repos, ACCOUNT, [item], repos.syncState.get(ACCOUNT).cursor, DEFAULT_SLA_POLICIES, Date.now()).newMessages;

  it('pulls media the account is tagged in as mention conversations, paging back to the backfill, once each', async () => {
    const connector = connect();
    const repos = metaRepos();
    const now = Date.now();
    const leo = fake.igUser('leo.travels');
    const first = fake.tag(leo, 'Landed in Riga, thanks crew!', now - 3 * HOUR);
    for (let i = 0; i < 30; i++) fake.tag(fake.igUser(`fan${i}`), `trip ${i}`, now - 2 * HOUR + i * 1000);
    const video = fake.tag(fake.igUser('mia'), '', now - HOUR, 'VIDEO');
    for (let i = 0; i < 20; i++) fake.tag(fake.igUser(`old${i}`), 'before the backfill', now - 9 * DAY - i * HOUR);

    expect(await pullAll(connector, repos)).toBe(32);
    const reads = () => fake.requests.filter((r) => r.url.pathname === `/${GRAPH_VERSION}/${fake.ig.id}/tags`);
    // 52 tags, 25 a page: the second page reaches the backfill and the reading stops there.
    expect(reads().map((r) => r.url.searchParams.get('after') !== null)).toEqual([false, true]);
    expect(reads()[0]!.url.searchParams.get('fields')).toBe('id,caption,username,timestamp,permalink,media_type');
    expect(reads()[0]!.url.searchParams.get('limit')).toBe('25');
    expect(repos.db.prepare('SELECT kind, subject FROM conversations WHERE platform_id = ?').get(`igtag:${first.id}`)).toEqual({
      kind: 'mention',
      subject: 'Landed in Riga, thanks crew!',
    });
    expect(messagesIn(repos, `igtag:${first.id}`)).toEqual([{ body: 'Landed in Riga, thanks crew!', direction: 'in' }]);
    expect(repos.db.prepare('SELECT created_at FROM messages WHERE platform_id = ?').pluck().get(`igtag:${first.id}`)).toBe(Date.parse(first.timestamp));
    expect(repos.db.prepare('SELECT handle, profile_url AS url FROM customers WHERE platform_id = ?').get('ig:leo.travels')).toEqual({
      handle: '@leo.travels',
      url: 'https://www.instagram.com/leo.travels',
    });
    expect(messagesIn(repos, `igtag:${video.id}`)).toEqual([{ body: '[attachment]', direction: 'in' }]);
    expect(repos.db.prepare("SELECT COUNT(*) FROM messages WHERE body = 'before the backfill'").pluck().get()).toBe(0);

    // A second pull reads one page, down to the mark, and hands over nothing.
    fake.requests.length = 0;
    expect(await pullAll(connector, repos)).toBe(0);
    expect((await connector.pull(repos.syncState.get(ACCOUNT).cursor)).items.filter((i) => i.platformId.startsWith('igtag:'))).toEqual([]);
    expect(reads().map((r) => r.url.searchParams.get('after'))).toEqual([null, null]);

    const later = fake.tag(fake.igUser('ana'), 'Window seat views');
    expect(await pullAll(connector, repos)).toBe(1);
    expect(messagesIn(repos, `igtag:${later.id}`)).toEqual([{ body: 'Window seat views', direction: 'in' }]);

    // Even read again from scratch (a lost cursor), a tag is stored once: writes are keyed on the media id.
    const again = await connector.pull(null);
    expect(again.items.filter((i) => i.platformId.startsWith('igtag:'))).toHaveLength(33);
    expect(ingestPage(repos, ACCOUNT, again.items, again.cursor, DEFAULT_SLA_POLICIES, Date.now()).newMessages).toBe(0);
  });

  it('reads a comment @mention told by webhook, for the normal ingest path', async () => {
    const connector = connect();
    const repos = metaRepos();
    const blog = fake.othersPost(fake.igUser('travel.blog'), 'Best airport lounges of the year', Date.now() - DAY);
    const mia = fake.igUser('mia.k');
    const comment = fake.commentMention(blog, mia, 'aurora.air my bag never arrived', Date.now() - 5 * MINUTE);

    const [ref] = delivered([{ mediaId: blog.id, commentId: comment.id }]);
    const item = await connector.fetchMention(ref!);
    expect(item).toEqual({
      platformId: `igmc:${comment.id}`,
      conversation: { platformId: `igmc:${blog.id}/${comment.id}`, kind: 'mention', subject: null },
      author: { platformId: 'ig:mia.k', handle: '@mia.k', displayName: 'mia.k', profileUrl: 'https://www.instagram.com/mia.k' },
      direction: 'in',
      body: 'aurora.air my bag never arrived',
      createdAt: Date.parse(comment.timestamp),
    });
    const read = fake.requests.at(-1)!;
    expect(read.url.pathname).toBe(`/${GRAPH_VERSION}/${fake.ig.id}`);
    expect(read.url.searchParams.get('fields')).toBe(`mentioned_comment.comment_id(${comment.id}){text,timestamp,username,media{id}}`);

    // Delivered twice, stored once.
    expect(ingestOne(repos, item)).toBe(1);
    expect(ingestOne(repos, await connector.fetchMention(ref!))).toBe(0);
    expect(repos.db.prepare('SELECT kind, status FROM conversations WHERE platform_id = ?').get(`igmc:${blog.id}/${comment.id}`)).toEqual({ kind: 'mention', status: 'open' });
  });

  it('reads a caption @mention told by webhook', async () => {
    const connector = connect();
    const repos = metaRepos();
    const owner = fake.igUser('leo.travels');
    const media = fake.captionMention(owner, 'Thanks aurora.air for the upgrade!', Date.now() - HOUR);

    const refs = delivered([{ mediaId: media.id }]);
    expect(refs).toEqual([{ igUserId: fake.ig.id, mediaId: media.id, commentId: null }]);
    const item = await connector.fetchMention(refs[0]!);
    expect(item).toEqual({
      platformId: `igmm:${media.id}`,
      conversation: { platformId: `igmm:${media.id}`, kind: 'mention', subject: 'Thanks aurora.air for the upgrade!' },
      author: { platformId: 'ig:leo.travels', handle: '@leo.travels', displayName: 'leo.travels', profileUrl: 'https://www.instagram.com/leo.travels' },
      direction: 'in',
      body: 'Thanks aurora.air for the upgrade!',
      createdAt: Date.parse(media.timestamp),
    });
    expect(fake.requests.at(-1)!.url.searchParams.get('fields')).toBe(`mentioned_media.media_id(${media.id}){caption,timestamp,username,permalink}`);
    expect(ingestOne(repos, item)).toBe(1);
    expect(ingestOne(repos, item)).toBe(0);
  });

  it("refuses mentions of another account, and reads Meta's refusal of one that does not mention us", async () => {
    const connector = connect();
    const other = fake.othersPost(fake.igUser('someone'), 'no mention here');
    await connector.verify();
    fake.requests.length = 0;
    await expect(connector.fetchMention({ igUserId: '17841499999999999', mediaId: other.id, commentId: null })).rejects.toThrow(
      /for Instagram account 17841499999999999, not 17841400000000001/,
    );
    await expect(connector.fetchMention({ igUserId: fake.ig.id, mediaId: '1){caption}', commentId: null })).rejects.toBeInstanceOf(RejectedError);
    expect(fake.requests).toHaveLength(0);
    const error = (await connector.fetchMention({ igUserId: fake.ig.id, mediaId: other.id, commentId: null }).catch((e: unknown) => e)) as RejectedError;
    expect(error).toBeInstanceOf(RejectedError);
    expect(error.message).toMatch(/Meta refused the request: .*code 100/);
  });

  it('answers a comment mention under that comment and a caption mention under the post, with the documented parameters', async () => {
    const connector = connect();
    const blog = fake.othersPost(fake.igUser('travel.blog'), 'Lounges');
    const comment = fake.commentMention(blog, fake.igUser('mia.k'), 'aurora.air lost my bag');
    const onComment = await connector.fetchMention(delivered([{ mediaId: blog.id, commentId: comment.id }])[0]!);
    const sent = await connector.send(
      reply({ kind: 'mention', conversationPlatformId: onComment.conversation.platformId, inReplyToPlatformId: onComment.platformId, body: 'Sorry Mia, please DM us.' }),
    );
    expect(posts().at(-1)!.url.pathname).toBe(`/${GRAPH_VERSION}/${fake.ig.id}/mentions`);
    expect(posts().at(-1)!.params).toEqual({ media_id: blog.id, comment_id: comment.id, message: 'Sorry Mia, please DM us.' });
    expect(fake.mentionReplies()).toMatchObject([{ mediaId: blog.id, parent_id: comment.id, text: 'Sorry Mia, please DM us.' }]);
    expect(sent.platformId).toBe(`igc:${fake.mentionReplies()[0]!.id}`);

    const media = fake.captionMention(fake.igUser('leo'), 'Upgrade thanks to aurora.air');
    const onCaption = await connector.fetchMention(delivered([{ mediaId: media.id }])[0]!);
    const request = reply({ kind: 'mention', conversationPlatformId: onCaption.conversation.platformId, inReplyToPlatformId: onCaption.platformId, body: 'Enjoy, Leo!' });
    const captionSent = await connector.send(request);
    expect(posts().at(-1)!.params).toEqual({ media_id: media.id, message: 'Enjoy, Leo!' });
    expect(fake.mentionReplies().at(-1)).toMatchObject({ mediaId: media.id, text: 'Enjoy, Leo!' });
    expect(fake.mentionReplies().at(-1)!.parent_id).toBeUndefined();
    expect(captionSent.platformId).toBe(`igc:${fake.mentionReplies().at(-1)!.id}`);

    // A resend finds the first reply among the post's comments instead of posting again.
    const postsBefore = posts().length;
    expect((await connector.send({ ...request, attempt: 2 })).platformId).toBe(captionSent.platformId);
    expect(posts()).toHaveLength(postsBefore);
    expect(fake.mentionReplies()).toHaveLength(2);
  });

  it('refuses to answer a post the account is only tagged in, without asking Meta', async () => {
    const connector = connect();
    const tagged = fake.tag(fake.igUser('leo'), 'Great flight');
    const error = (await connector.send(reply({ kind: 'mention', conversationPlatformId: `igtag:${tagged.id}` })).catch((e: unknown) => e)) as RejectedError;
    expect(error).toBeInstanceOf(RejectedError);
    expect(error.message).toMatch(/does not allow commenting on a post the account is only tagged in/);
    expect(posts()).toHaveLength(0);
    await expect(connector.send(reply({ kind: 'mention', conversationPlatformId: 'igmc:123' }))).rejects.toThrow(/not one the Meta connector knows how to answer/);
  });

  /** Every new endpoint: the tags pull, both mention reads and both mention replies. */
  const mentionCalls = (connector: MetaConnector) => {
    const blog = fake.othersPost(fake.igUser('travel.blog'), 'Lounges');
    const comment = fake.commentMention(blog, fake.igUser('mia.k'), 'aurora.air hello');
    const media = fake.captionMention(fake.igUser('leo'), 'thanks aurora.air');
    fake.tag(fake.igUser('ana'), 'tagged', Date.now() - MINUTE);
    return {
      'tags pull': () => connector.pull(null),
      'mentioned comment': () => connector.fetchMention({ igUserId: fake.ig.id, mediaId: blog.id, commentId: comment.id }),
      'mentioned media': () => connector.fetchMention({ igUserId: fake.ig.id, mediaId: media.id, commentId: null }),
      'comment mention reply': () => connector.send(reply({ kind: 'mention', conversationPlatformId: `igmc:${blog.id}/${comment.id}` })),
      'caption mention reply': () => connector.send(reply({ kind: 'mention', conversationPlatformId: `igmm:${media.id}` })),
    };
  };

  it.each([4, 17, 32, 613] as const)('waits as Meta estimates when the mention endpoints are throttled with code %i', async (code) => {
    const connector = connect();
    await connector.verify();
    const calls = mentionCalls(connector);
    // Only the mention endpoints are throttled: the pull gets through its other streams to the tags.
    fake.faultScope = mentionPaths();
    fake.throttle = { code, regainMinutes: 7 };
    for (const [name, run] of Object.entries(calls)) {
      const before = Date.now();
      const error = (await run().catch((e: unknown) => e)) as RateLimitError;
      const after = Date.now();
      expect(error, name).toBeInstanceOf(RateLimitError);
      expect(error.resetAt, name).toBeGreaterThanOrEqual(before + 7 * MINUTE);
      expect(error.resetAt, name).toBeLessThanOrEqual(after + 7 * MINUTE);
      expect(error.message, name).toContain(`code ${code}`);
    }
    expect(fake.requests.some((r) => r.url.pathname.endsWith('/tags'))).toBe(true);
    expect(posts().every((r) => r.url.pathname.endsWith('/mentions'))).toBe(true);
    expect(fake.mentionReplies()).toHaveLength(0);
    // No estimate: a conservative wait.
    fake.throttle = { code };
    const before = Date.now();
    const plain = (await calls['tags pull']().catch((e: unknown) => e)) as RateLimitError;
    expect(plain).toBeInstanceOf(RateLimitError);
    expect(plain.resetAt).toBeGreaterThanOrEqual(before + DEFAULT_THROTTLE_WAIT_MS);
  });

  it('stops with an auth error when the token expires, on the mention endpoints too', async () => {
    const connector = connect();
    await connector.verify();
    const calls = mentionCalls(connector);
    fake.faultScope = mentionPaths();
    fake.token = 'expired';
    for (const [name, run] of Object.entries(calls)) {
      const error = (await run().catch((e: unknown) => e)) as AuthError;
      expect(error, name).toBeInstanceOf(AuthError);
      expect(error.message, name).toMatch(/no longer accepts the Page access token \(expired or revoked\).*code 190\/463/);
    }
    expect(fake.mentionReplies()).toHaveLength(0);
  });
});
