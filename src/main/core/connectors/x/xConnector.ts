// X (API v2) with a user access token: mentions (since_id, then next_token back to it) and DM
// events (no since_id: read back to the newest id already seen), replies with
// reply.in_reply_to_tweet_id, DMs into their conversation. X has no idempotency keys, so a
// resend first looks for the post among our latest ones.
import { type z } from 'zod';
import { MalformedPayloadError, readBackProgress, type Connector, type InboundItem, type PullControl, type PullResult, type SendRequest, type SendResult } from '../connector';
import { createHttpClient } from '../http';
import { compareSnowflakes, xDmEvent, xMe, xPage, xPostedDm, xPostedTweet, xReset, xTweet, xUser, type XUser } from './xApi';
import { avatarUrlOf } from '../avatarUrl';

export interface XConfig {
  /** https://api.x.com (another origin only for tests on loopback). */
  apiUrl?: string;
  /** How far back the first sync reads (default 7 days; X's recent window). */
  backfillDays?: number;
}

const API = 'https://api.x.com';
const PAGE_SIZE = 100;
/** Pages read per pull; beyond it the rest waits for the next pull. */
const MAX_PAGES = 10;
const TWEET_FIELDS = 'created_at,conversation_id,author_id,lang,referenced_tweets';
const USER_FIELDS = 'username,name,verified,public_metrics,profile_image_url';

interface XCursor {
  /** Newest mention id read. */
  m: string | null;
  /** Newest DM event id read. */
  d: string | null;
}

function readCursor(cursor: string | null): XCursor | null {
  if (cursor === null) return null;
  try {
    const parsed = JSON.parse(cursor) as Partial<XCursor>;
    return { m: typeof parsed.m === 'string' ? parsed.m : null, d: typeof parsed.d === 'string' ? parsed.d : null };
  } catch {
    return null;
  }
}

const DM_PREFIX = 'dm:';

export function createXConnector(config: XConfig, accessToken: string, fetchImpl: typeof fetch = fetch): Connector {
  const base = config.apiUrl ?? API;
  const request = createHttpClient({ label: 'X', resetAt: xReset, fetch: fetchImpl });
  const auth = { Authorization: `Bearer ${accessToken}` };
  let me: XUser | null = null;

  const whoAmI = async () => {
    me ??= (await request({ url: `${base}/2/users/me?user.fields=${USER_FIELDS}`, headers: auth }, xMe)).data.data;
    return me;
  };

  /**
   * Pages through an endpoint (newest first) until `stop`, the end, or the first sync being
   * stopped; returns raw items and users. `progress` hears the share of the backfill window
   * read so far.
   */
  const readBack = async (url: URL, stop: (id: string) => boolean, signal?: AbortSignal, progress?: (fraction: number) => void) => {
    const from = Date.parse(since());
    const items: unknown[] = [];
    const users = new Map<string, XUser>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      if (page > 0 && signal?.aborted) break;
      if (token) url.searchParams.set('pagination_token', token);
      const { data } = await request({ url: url.toString(), headers: auth }, xPage);
      for (const raw of data.includes?.users ?? []) {
        const user = xUser.safeParse(raw);
        if (user.success) users.set(user.data.id, user.data);
      }
      let reachedStop = false;
      for (const raw of data.data ?? []) {
        const id = String((raw as { id?: unknown } | null)?.id ?? '');
        if (stop(id)) {
          reachedStop = true;
          break;
        }
        items.push(raw);
      }
      token = data.meta?.next_token;
      if (reachedStop || !token) {
        progress?.(1);
        break;
      }
      const oldest = Date.parse(String((data.data?.at(-1) as { created_at?: unknown } | undefined)?.created_at ?? ''));
      if (!Number.isNaN(oldest)) progress?.(readBackProgress(from, oldest, Date.now()));
    }
    const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '');
    return { items: items.sort((a, b) => compareSnowflakes(idOf(a), idOf(b))), users };
  };

  const author = (id: string, users: Map<string, XUser>) => {
    const user = users.get(id);
    return {
      platformId: id,
      handle: user ? user.username : id,
      displayName: user?.name || user?.username || id,
      followers: user?.public_metrics?.followers_count ?? 0,
      verified: user?.verified ?? false,
      profileUrl: user ? `https://x.com/${user.username}` : null,
      avatarUrl: avatarUrlOf(user?.profile_image_url),
    };
  };

  /** Items in order up to the first malformed one; its id bound is where the cursor stops. */
  function readItems<T extends { id: string }>(raws: unknown[], schema: z.ZodType<T>, from: string | null, what: string) {
    const ok: T[] = [];
    let last = from;
    for (const raw of raws) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        if (ok.length === 0) {
          const issue = parsed.error.issues[0];
          throw new MalformedPayloadError(`X sent a ${what} that cannot be read (${issue?.path.join('.')}: ${issue?.message})`);
        }
        return { ok, last, stopped: true };
      }
      ok.push(parsed.data);
      last = parsed.data.id;
    }
    return { ok, last, stopped: false };
  }

  const since = () => new Date(Date.now() - (config.backfillDays ?? 7) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  return {
    // X allows few mention reads per 15 minutes.
    pollIntervalMs: 60_000,
    async verify() {
      const user = await whoAmI();
      return { handle: `@${user.username}`, name: user.name || user.username };
    },

    backfillDays: config.backfillDays ?? 7,

    async pull(cursor: string | null, control?: PullControl): Promise<PullResult> {
      const self = await whoAmI();
      const state = readCursor(cursor);
      const items: InboundItem[] = [];
      const from = Date.parse(since());
      // A first sync reads mentions, then direct messages: each is half of the way.
      const phase = (offset: number) => (fraction: number) => control?.progress(offset + fraction / 2);

      const mentionsUrl = new URL(`${base}/2/users/${self.id}/mentions`);
      mentionsUrl.searchParams.set('max_results', String(PAGE_SIZE));
      mentionsUrl.searchParams.set('tweet.fields', TWEET_FIELDS);
      mentionsUrl.searchParams.set('expansions', 'author_id');
      mentionsUrl.searchParams.set('user.fields', USER_FIELDS);
      if (state?.m) mentionsUrl.searchParams.set('since_id', state.m);
      else mentionsUrl.searchParams.set('start_time', since());
      const mentions = await readBack(
        mentionsUrl,
        (id) => state?.m !== null && state?.m !== undefined && compareSnowflakes(id, state.m) <= 0,
        control?.signal,
        phase(0),
      );
      const tweets = readItems(mentions.items, xTweet, state?.m ?? null, 'mention');
      for (const tweet of tweets.ok) {
        const replyTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
        items.push({
          platformId: tweet.id,
          // X groups a thread under its first tweet's id: the conversation.
          conversation: { platformId: tweet.conversation_id, kind: 'mention' },
          replyTo,
          author: author(tweet.author_id, mentions.users),
          direction: tweet.author_id === self.id ? 'out' : 'in',
          body: tweet.text,
          createdAt: Date.parse(tweet.created_at),
          language: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
        });
      }

      const dmUrl = new URL(`${base}/2/dm_events`);
      dmUrl.searchParams.set('max_results', String(PAGE_SIZE));
      dmUrl.searchParams.set('event_types', 'MessageCreate');
      dmUrl.searchParams.set('dm_event.fields', 'id,text,event_type,created_at,sender_id,dm_conversation_id');
      dmUrl.searchParams.set('expansions', 'sender_id');
      dmUrl.searchParams.set('user.fields', USER_FIELDS);
      // DM events have no since_id: read back to the newest one already seen (or the backfill window).
      const dms = await readBack(dmUrl, (id) => (state?.d ? compareSnowflakes(id, state.d) <= 0 : false), control?.signal, phase(0.5));
      const events = readItems(dms.items, xDmEvent, state?.d ?? null, 'direct message');
      for (const event of events.ok) {
        if (event.event_type !== 'MessageCreate' || !event.sender_id || !event.dm_conversation_id || event.text === undefined) continue;
        if (!state?.d && Date.parse(event.created_at) < from) continue;
        items.push({
          platformId: `${DM_PREFIX}${event.id}`,
          conversation: { platformId: `${DM_PREFIX}${event.dm_conversation_id}`, kind: 'dm' },
          author: author(event.sender_id, dms.users),
          direction: event.sender_id === self.id ? 'out' : 'in',
          body: event.text,
          createdAt: Date.parse(event.created_at),
        });
      }

      // On a first sync with no mentions yet, "now" is the place to continue from.
      const next: XCursor = { m: tweets.last, d: events.last };
      items.sort((a, b) => a.createdAt - b.createdAt);
      return { items, cursor: JSON.stringify(next), more: tweets.stopped || events.stopped };
    },

    async search(query: string, cursor: string | null): Promise<PullResult> {
      const self = await whoAmI();
      const url = new URL(`${base}/2/tweets/search/recent`);
      // Mentions of the handle arrive through the mentions feed; retweets add nothing.
      url.searchParams.set('query', `(${query}) -@${self.username} -from:${self.username} -is:retweet`);
      url.searchParams.set('max_results', String(PAGE_SIZE));
      url.searchParams.set('tweet.fields', TWEET_FIELDS);
      url.searchParams.set('expansions', 'author_id');
      url.searchParams.set('user.fields', USER_FIELDS);
      if (cursor) url.searchParams.set('since_id', cursor);
      // First run: the newest page only; afterwards everything since the cursor.
      const found = cursor
        ? await readBack(url, (id) => compareSnowflakes(id, cursor) <= 0)
        : await (async () => {
            const { data } = await request({ url: url.toString(), headers: auth }, xPage);
            const users = new Map<string, XUser>();
            for (const raw of data.includes?.users ?? []) {
              const user = xUser.safeParse(raw);
              if (user.success) users.set(user.data.id, user.data);
            }
            const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '');
            return { items: [...(data.data ?? [])].sort((a, b) => compareSnowflakes(idOf(a), idOf(b))), users };
          })();
      const tweets = readItems(found.items, xTweet, cursor, 'post');
      const items: InboundItem[] = tweets.ok.map((tweet) => ({
        platformId: tweet.id,
        conversation: { platformId: tweet.conversation_id, kind: 'mention' },
        replyTo: tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null,
        author: author(tweet.author_id, found.users),
        direction: 'in',
        body: tweet.text,
        createdAt: Date.parse(tweet.created_at),
        language: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
      }));
      return { items, cursor: tweets.last, more: tweets.stopped };
    },

    async send(req: SendRequest): Promise<SendResult> {
      const self = await whoAmI();
      if (req.conversationPlatformId.startsWith(DM_PREFIX)) {
        const conversationId = req.conversationPlatformId.slice(DM_PREFIX.length);
        if (req.attempt > 1) {
          const recent = new URL(`${base}/2/dm_conversations/${encodeURIComponent(conversationId)}/dm_events`);
          recent.searchParams.set('max_results', '20');
          recent.searchParams.set('dm_event.fields', 'id,text,event_type,created_at,sender_id,dm_conversation_id');
          const { data } = await request({ url: recent.toString(), headers: auth }, xPage);
          const found = (data.data ?? []).map((raw) => xDmEvent.safeParse(raw)).find((e) => e.success && e.data.sender_id === self.id && e.data.text === req.body);
          if (found?.success) return { platformId: `${DM_PREFIX}${found.data.id}`, sentAt: Date.parse(found.data.created_at) };
        }
        const { data } = await request(
          { method: 'POST', url: `${base}/2/dm_conversations/${encodeURIComponent(conversationId)}/messages`, headers: auth, json: { text: req.body } },
          xPostedDm,
        );
        return { platformId: `${DM_PREFIX}${data.data.dm_event_id}`, sentAt: Date.now() };
      }
      const inReplyTo = req.inReplyToPlatformId ?? req.conversationPlatformId;
      if (req.attempt > 1) {
        const recent = new URL(`${base}/2/users/${self.id}/tweets`);
        recent.searchParams.set('max_results', '20');
        recent.searchParams.set('tweet.fields', TWEET_FIELDS);
        const { data } = await request({ url: recent.toString(), headers: auth }, xPage);
        const found = (data.data ?? [])
          .map((raw) => xTweet.safeParse(raw))
          .find((t) => t.success && t.data.text === req.body && t.data.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === inReplyTo));
        if (found?.success) return { platformId: found.data.id, sentAt: Date.parse(found.data.created_at) };
      }
      const { data } = await request(
        { method: 'POST', url: `${base}/2/tweets`, headers: auth, json: { text: req.body, reply: { in_reply_to_tweet_id: inReplyTo } } },
        xPostedTweet,
      );
      return { platformId: data.data.id, sentAt: Date.now() };
    },
  };
}
