// Bluesky (AT Protocol) with a handle and an app password on any PDS: mentions, replies and
// quotes from listNotifications (newest first, read back to the newest already seen), replies
// posted with root and parent refs and facets (mentions, links), and a deterministic record key
// per reply, so a resend can never create a second post.
import { AtpAgent, RichText, XRPCError, type AppBskyFeedDefs } from '@atproto/api';
import {
  AuthError,
  MalformedPayloadError,
  RateLimitError,
  readBackProgress,
  RejectedError,
  TransientError,
  type Connector,
  type InboundItem,
  type PullControl,
  type PullResult,
  type SendRequest,
} from '../connector';
import { normalizeInstanceUrl } from '../mastodon/mastodonConnector';
import { avatarUrlOf } from '../avatarUrl';

export interface BlueskyConfig {
  /** The account's handle, e.g. aurora.bsky.social. */
  handle: string;
  /** Its PDS or entryway (default https://bsky.social); self-hosted PDSes work too. */
  serviceUrl?: string;
  backfillDays?: number;
}

const REASONS = ['mention', 'reply', 'quote'];
const PAGE_SIZE = 50;
const MAX_PAGES = 10;
/** A post of a thread view (not one deleted, blocked or cut off). */
const threadPost = (node: unknown): AppBskyFeedDefs.ThreadViewPost | null =>
  node !== null && typeof node === 'object' && (node as { $type?: unknown }).$type === 'app.bsky.feed.defs#threadViewPost' ? (node as AppBskyFeedDefs.ThreadViewPost) : null;

/** Threads per pull whose earlier posts are fetched for context, and how far up each. */
const MAX_CONTEXT_THREADS = 25;
const CONTEXT_HEIGHT = 10;

interface BlueskyCursor {
  /** indexedAt of the newest notification read, and the URIs read at that instant. */
  at: string | null;
  uris: string[];
}

interface PostRecord {
  text?: unknown;
  createdAt?: unknown;
  langs?: unknown;
  reply?: { root?: { uri?: unknown }; parent?: { uri?: unknown } };
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/** An AT Protocol TID (13 base32-sortable characters: microseconds since 1970, 10-bit clock id). */
export function tid(micros: bigint, clockId: number): string {
  let value = (micros << 10n) | BigInt(clockId & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** The record key of a reply: from when it was queued and its idempotency key, so always the same. */
export function replyRecordKey(queuedAt: number, idempotencyKey: string): string {
  let hash = 0;
  for (const ch of idempotencyKey) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return tid(BigInt(queuedAt) * 1000n + BigInt(hash % 1000), hash);
}

function toConnectorError(error: unknown, label: string): Error {
  if (error instanceof XRPCError) {
    if (error.status === 429) {
      const reset = Number(error.headers?.['ratelimit-reset']);
      const at = Number.isFinite(reset) && reset > 0 ? reset * 1000 : Date.now() + 60_000;
      return new RateLimitError(`${label} asked to slow down until ${new Date(at).toISOString()}`, at);
    }
    if (error.status === 401 || ['AuthenticationRequired', 'ExpiredToken', 'InvalidToken', 'AccountTakedown'].includes(error.error)) {
      return new AuthError(`${label} refused the sign-in (${error.message || error.error}): create a new app password`);
    }
    if (error.status >= 500 || error.status === 1) return new TransientError(`${label} is having trouble (${error.message || error.status})`);
    return new RejectedError(`${label} refused the request: ${error.message || error.error}`);
  }
  return new TransientError(`Cannot reach ${label} (${error instanceof Error ? error.message : String(error)})`);
}

function readCursor(cursor: string | null): BlueskyCursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as Partial<BlueskyCursor>;
    return { at: typeof c.at === 'string' ? c.at : null, uris: Array.isArray(c.uris) ? c.uris.filter((u) => typeof u === 'string') : [] };
  } catch {
    return null;
  }
}

export function createBlueskyConnector(config: BlueskyConfig, appPassword: string): Connector {
  const service = normalizeInstanceUrl(config.serviceUrl ?? 'https://bsky.social');
  const label = `Bluesky (${new URL(service).host})`;
  const agent = new AtpAgent({ service });

  async function session() {
    if (!agent.session) {
      try {
        await agent.login({ identifier: config.handle, password: appPassword });
      } catch (error) {
        throw toConnectorError(error, label);
      }
    }
    return agent.session!;
  }

  async function call<T>(run: () => Promise<T>): Promise<T> {
    await session();
    try {
      return await run();
    } catch (error) {
      throw toConnectorError(error, label);
    }
  }

  /**
   * The earlier posts of the threads that replies answer (the brand's own post, or someone
   * else's), so the agent reads what the customer is answering. A courtesy: a parent that is
   * gone or blocked, or any error, only means less context, never a held-up mention.
   */
  async function threadContext(items: InboundItem[], selfDid: string): Promise<InboundItem[]> {
    const have = new Set(items.map((i) => i.platformId));
    const context: InboundItem[] = [];
    const replies = items.filter((i) => i.replyTo && !have.has(i.replyTo)).slice(0, MAX_CONTEXT_THREADS);
    for (const reply of replies) {
      let thread;
      try {
        ({ thread } = (await call(() => agent.app.bsky.feed.getPostThread({ uri: reply.platformId, depth: 0, parentHeight: CONTEXT_HEIGHT }))).data);
      } catch {
        break;
      }
      let node = threadPost(threadPost(thread)?.parent);
      while (node && !have.has(node.post.uri)) {
        const { post } = node;
        const record = post.record as PostRecord;
        have.add(post.uri);
        if (typeof record.text === 'string' && typeof record.createdAt === 'string' && !Number.isNaN(Date.parse(record.createdAt))) {
          context.push({
            platformId: post.uri,
            conversation: reply.conversation,
            replyTo: typeof record.reply?.parent?.uri === 'string' ? record.reply.parent.uri : null,
            author: {
              platformId: post.author.did,
              handle: post.author.handle,
              displayName: post.author.displayName || post.author.handle,
              profileUrl: `https://bsky.app/profile/${post.author.handle}`,
              avatarUrl: avatarUrlOf(post.author.avatar),
            },
            direction: post.author.did === selfDid ? 'out' : 'in',
            body: record.text,
            createdAt: Date.parse(record.createdAt),
            context: true,
          });
        }
        node = threadPost(node.parent);
      }
    }
    return context.sort((a, b) => a.createdAt - b.createdAt);
  }

  return {
    // 3000 requests per 5 minutes per account.
    pollIntervalMs: 15_000,
    async verify() {
      const s = await session();
      // A new account may have no profile yet (or the AppView has not indexed it): the handle will do.
      const profile = await agent.getProfile({ actor: s.did }).catch(() => null);
      return { handle: `@${s.handle}`, name: profile?.data.displayName || s.handle };
    },

    backfillDays: config.backfillDays ?? 7,

    async pull(cursor: string | null, control?: PullControl): Promise<PullResult> {
      const self = await session();
      const state = readCursor(cursor);
      const since = state?.at ?? new Date(Date.now() - (config.backfillDays ?? 7) * 86_400_000).toISOString();
      const seen = new Set(state?.uris ?? []);
      const collected: Awaited<ReturnType<typeof agent.app.bsky.notification.listNotifications>>['data']['notifications'] = [];
      let page: string | undefined;
      read: for (let i = 0; i < MAX_PAGES; i++) {
        // The agent stopped the first sync: keep what was read, newest first.
        if (i > 0 && control?.signal.aborted) break;
        const { data } = await call(() => agent.app.bsky.notification.listNotifications({ limit: PAGE_SIZE, cursor: page, reasons: REASONS }));
        const oldest = data.notifications.at(-1)?.indexedAt;
        if (oldest) control?.progress(readBackProgress(Date.parse(since), Date.parse(oldest), Date.now()));
        for (const n of data.notifications) {
          if (n.indexedAt < since) break read;
          if (n.indexedAt === since && seen.has(n.uri)) continue;
          collected.push(n);
        }
        page = data.cursor;
        if (!page || data.notifications.length === 0) break;
      }
      collected.sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : a.indexedAt > b.indexedAt ? 1 : 0));
      const items: InboundItem[] = [];
      let at = state?.at ?? null;
      let uris = state?.uris ?? [];
      for (const n of collected) {
        const record = n.record as PostRecord;
        if (typeof record.text !== 'string' || typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt))) {
          if (items.length === 0) throw new MalformedPayloadError(`${label} sent a post that cannot be read (${n.uri})`);
          return { items: [...items, ...(await threadContext(items, self.did))], cursor: JSON.stringify({ at, uris }), more: true };
        }
        if (REASONS.includes(n.reason)) {
          const root = typeof record.reply?.root?.uri === 'string' ? record.reply.root.uri : null;
          const parent = typeof record.reply?.parent?.uri === 'string' ? record.reply.parent.uri : null;
          const langs = Array.isArray(record.langs) ? record.langs.filter((l): l is string => typeof l === 'string') : [];
          items.push({
            platformId: n.uri,
            // A thread is its root post; a quote starts a conversation of its own.
            conversation: { platformId: n.reason === 'quote' ? n.uri : (root ?? n.uri), kind: 'mention' },
            replyTo: n.reason === 'quote' ? null : parent,
            author: {
              platformId: n.author.did,
              handle: n.author.handle,
              displayName: n.author.displayName || n.author.handle,
              profileUrl: `https://bsky.app/profile/${n.author.handle}`,
              avatarUrl: avatarUrlOf(n.author.avatar),
            },
            direction: n.author.did === self.did ? 'out' : 'in',
            body: record.text,
            createdAt: Date.parse(record.createdAt),
            language: langs[0] ?? null,
          });
        }
        uris = n.indexedAt === at ? [...uris, n.uri] : [n.uri];
        at = n.indexedAt;
      }
      return { items: [...items, ...(await threadContext(items, self.did))], cursor: JSON.stringify({ at: at ?? new Date().toISOString(), uris }), more: false };
    },

    async search(query: string, cursor: string | null): Promise<PullResult> {
      const self = await session();
      const state = readCursor(cursor);
      // First run: the last day; afterwards everything indexed since the cursor.
      const since = state?.at ?? new Date(Date.now() - 86_400_000).toISOString();
      const seen = new Set(state?.uris ?? []);
      const found: Awaited<ReturnType<typeof agent.app.bsky.feed.searchPosts>>['data']['posts'] = [];
      let page: string | undefined;
      read: for (let i = 0; i < MAX_PAGES; i++) {
        const { data } = await call(() => agent.app.bsky.feed.searchPosts({ q: query, sort: 'latest', limit: PAGE_SIZE, cursor: page }));
        for (const post of data.posts) {
          if (post.indexedAt < since) break read;
          if (post.indexedAt === since && seen.has(post.uri)) continue;
          found.push(post);
        }
        page = data.cursor;
        if (!page || data.posts.length === 0) break;
      }
      found.sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : a.indexedAt > b.indexedAt ? 1 : 0));
      const items: InboundItem[] = [];
      let at = state?.at ?? null;
      let uris = state?.uris ?? [];
      for (const post of found) {
        const record = post.record as PostRecord & { facets?: { features?: { did?: unknown }[] }[] };
        // Our own posts, and posts that mention us (the notifications feed has those), are not listening hits.
        const mentionsUs = record.facets?.some((f) => f.features?.some((x) => x.did === self.did)) ?? false;
        if (post.author.did !== self.did && !mentionsUs && typeof record.text === 'string' && typeof record.createdAt === 'string') {
          const root = typeof record.reply?.root?.uri === 'string' ? record.reply.root.uri : null;
          items.push({
            platformId: post.uri,
            conversation: { platformId: root ?? post.uri, kind: 'mention' },
            replyTo: typeof record.reply?.parent?.uri === 'string' ? record.reply.parent.uri : null,
            author: { platformId: post.author.did, handle: post.author.handle, displayName: post.author.displayName || post.author.handle, profileUrl: `https://bsky.app/profile/${post.author.handle}`, avatarUrl: avatarUrlOf(post.author.avatar) },
            direction: 'in',
            body: record.text,
            createdAt: Number.isNaN(Date.parse(record.createdAt)) ? Date.parse(post.indexedAt) : Date.parse(record.createdAt),
            language: Array.isArray(record.langs) && typeof record.langs[0] === 'string' ? record.langs[0] : null,
          });
        }
        uris = post.indexedAt === at ? [...uris, post.uri] : [post.uri];
        at = post.indexedAt;
      }
      return { items, cursor: JSON.stringify({ at: at ?? since, uris }), more: false };
    },

    async send(req: SendRequest) {
      const self = await session();
      const parentUri = req.inReplyToPlatformId ?? req.conversationPlatformId;
      const { data } = await call(() => agent.getPosts({ uris: [parentUri] }));
      const parent = data.posts[0];
      if (!parent) throw new RejectedError('The post to answer no longer exists on Bluesky');
      const parentRecord = parent.record as PostRecord & { reply?: { root?: { uri: string; cid: string } } };
      const root = parentRecord.reply?.root ?? { uri: parent.uri, cid: parent.cid };
      const text = new RichText({ text: req.body });
      await call(() => text.detectFacets(agent));
      const rkey = replyRecordKey(req.queuedAt, req.idempotencyKey);
      const record = {
        $type: 'app.bsky.feed.post',
        text: text.text,
        facets: text.facets,
        reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } },
        createdAt: new Date(req.queuedAt).toISOString(),
        langs: undefined,
      };
      const uri = `at://${self.did}/app.bsky.feed.post/${rkey}`;
      try {
        await agent.com.atproto.repo.createRecord({ repo: self.did, collection: 'app.bsky.feed.post', rkey, record });
      } catch (error) {
        // Already created by an earlier attempt: the same key names the same post.
        const exists = await agent.com.atproto.repo
          .getRecord({ repo: self.did, collection: 'app.bsky.feed.post', rkey })
          .then(() => true)
          .catch(() => false);
        if (!exists) throw toConnectorError(error, label);
      }
      return { platformId: uri, sentAt: Date.now() };
    },
  };
}
