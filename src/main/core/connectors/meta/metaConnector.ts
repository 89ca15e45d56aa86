// Meta (Graph API) for one Facebook Page and, when linked or configured, its Instagram
// professional account, with a Page access token.
//
// Pull: comments on the Page's recent posts (filter=stream, reverse_chronological, read back to the
// high-water mark; only posts whose updated_time moved), Messenger and Instagram conversations
// (listed by updated_time, newest first; their latest messages), and comments on recent Instagram
// media (only media whose comments_count changed; replies from the `replies` edge), and media the
// Instagram account is tagged in (GET /{ig-user-id}/tags, newest first, as 'mention'
// conversations). The cursor is JSON with one high-water mark per stream (newest created time
// read and the ids read at it), so a pull reads only what is new and a re-pulled page is
// harmless. A malformed item stops its stream there: the mark never passes it.
//
// Send: comment replies go to the thread's top-level comment (POST /{comment-id}/comments, or
// /{ig-comment-id}/replies); DMs go through the Send API (POST /{page-id}/messages) after the
// 24-hour window is checked. Meta has no idempotency keys, so a resend first looks for the reply.
//
// Caption and comment @mentions are only told by webhook (webhooks.ts turns a delivery into
// MentionRefs); fetchMention reads one into an InboundItem for the normal ingest path. Replies to
// them go through POST /{ig-user-id}/mentions (media_id, comment_id for a comment mention,
// message); Meta does not allow commenting on media the account is only tagged in.
import { z } from 'zod';
import {
  MalformedPayloadError,
  RejectedError,
  type Connector,
  type InboundAuthor,
  type InboundItem,
  type PullControl,
  type PullResult,
  type SendRequest,
  type SendResult,
} from '../connector';
import { createHttpClient, retryAfter, type HttpRequest } from '../http';
import {
  createdObject,
  DEFAULT_THROTTLE_WAIT_MS,
  fbComment,
  fbPost,
  fromGraphError,
  graphError,
  graphErrorBody,
  graphPage,
  igComment,
  igMedia,
  igMentionedComment,
  igMentionedMedia,
  igTaggedMedia,
  igUserNode,
  MessagingWindowError,
  metaConversation,
  metaMessage,
  metaPageNode,
  metaReset,
  rawId,
  rawTime,
  sentMessage,
  WINDOW_HOURS,
  type FbComment,
  type FbPost,
  type IgComment,
  type IgMedia,
  type IgMentionedComment,
  type IgMentionedMedia,
  type IgTaggedMedia,
  type MetaMessage,
} from './metaApi';
import { graphId, type MentionRef } from './webhooks';

export interface MetaConfig {
  /** The Page's id; without it the Page is the one the Page access token belongs to (GET /me). */
  pageId?: string;
  /** The Instagram professional account; without it the one linked to the Page, if any. */
  instagramAccountId?: string;
  /** https://graph.facebook.com (another origin only for tests on loopback). */
  apiUrl?: string;
  /** How far back the first sync reads (default 7 days). */
  backfillDays?: number;
}

const API = 'https://graph.facebook.com';
export const GRAPH_VERSION = 'v25.0';

/** Platform id prefixes: one account holds several kinds of Meta objects. */
export const FB_COMMENT = 'fbc:';
export const IG_COMMENT = 'igc:';
export const FB_DM = 'fbdm:';
export const IG_DM = 'igdm:';
/** Media the Instagram account is tagged in: igtag:{media-id} (conversation and message). */
export const IG_TAG = 'igtag:';
/** A caption @mention: igmm:{media-id} (conversation and message). */
export const IG_CAPTION_MENTION = 'igmm:';
/**
 * A comment @mention: the conversation is igmc:{media-id}/{comment-id} (a reply needs both), the
 * message igmc:{comment-id}.
 */
export const IG_COMMENT_MENTION = 'igmc:';

export interface MetaConnector extends Connector {
  /**
   * Reads one caption or comment @mention told by webhook (see mentionsFromWebhook) into an item
   * for the normal ingest path. Idempotent on the media or comment id, like a pull.
   */
  fetchMention(ref: MentionRef): Promise<InboundItem>;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const WINDOW_MS = WINDOW_HOURS * HOUR_MS;
/** Posts and media older than this (or the backfill, if longer) are not watched for new comments. */
const WATCH_DAYS = 30;
/** A stream with nothing yet starts this long before the first pull (Graph is eventually consistent). */
const SETTLE_MS = 2 * 60_000;
const POSTS_PAGE = 25;
const COMMENTS_PAGE = 100;
const CONVERSATIONS_PAGE = 25;
/** Meta documents that only the 20 most recent messages of a conversation can be read. */
const MESSAGES_PAGE = 20;
const MEDIA_PAGE = 25;
const IG_COMMENTS_PAGE = 50;
const TAGS_PAGE = 25;
/** Pages read per edge and pull; beyond it the rest is left out (see the notes on the cursor). */
const MAX_PAGES = 10;
/** Documented Send API limits: Messenger text 2000 characters, Instagram text under 1000 bytes. */
const MESSENGER_TEXT_MAX = 2000;
const INSTAGRAM_TEXT_MAX_BYTES = 1000;

const FB_COMMENT_FIELDS = 'id,message,created_time,from{id,name},parent{id}';
const MESSAGE_FIELDS = 'id,created_time,from,to,message';
const IG_COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';
const TAG_FIELDS = 'id,caption,username,timestamp,permalink,media_type';
const MENTIONED_MEDIA_FIELDS = 'caption,timestamp,username,permalink';
const MENTIONED_COMMENT_FIELDS = 'text,timestamp,username,media{id}';

// ---- Cursor -----------------------------------------------------------------------------------

/** A stream's high-water mark: the newest created time read (UTC ms) and the ids read at it. */
interface Mark {
  t: number;
  ids: string[];
}

interface MetaCursor {
  /** Facebook comments, Messenger, Instagram comments, Instagram DMs, Instagram tags. */
  fc: Mark | null;
  fd: Mark | null;
  ic: Mark | null;
  id: Mark | null;
  tg: Mark | null;
  /** comments_count of each watched Instagram media when its comments were last read. */
  n: Record<string, number>;
}

const markSchema = z.object({ t: z.number(), ids: z.array(z.string()) }).nullable().catch(null);
const cursorSchema = z.object({
  fc: markSchema,
  fd: markSchema,
  ic: markSchema,
  id: markSchema,
  // Absent from cursors written before tags were read: the backfill window applies.
  tg: markSchema,
  n: z.record(z.string(), z.number()).catch({}),
});

function readCursor(cursor: string | null): MetaCursor {
  const empty: MetaCursor = { fc: null, fd: null, ic: null, id: null, tg: null, n: {} };
  if (cursor === null) return empty;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

// ---- Streams ----------------------------------------------------------------------------------

/** One item of a stream: read, or not readable (then it bounds how far the stream may move). */
interface Candidate {
  id: string | null;
  time: number | null;
  item: InboundItem | null;
  problem: string | null;
}

interface Settled {
  items: InboundItem[];
  mark: Mark | null;
  /** Why the stream stopped short, if it did. */
  problem: string | null;
  /** Stopped before anything new could be handed over. */
  stuck: boolean;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'item'}: ${issue?.message}`;
}

function candidate<T>(raw: unknown, schema: z.ZodType<T>, timeField: string, prefix: string, build: (value: T) => InboundItem, what: string): Candidate {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    const item = build(parsed.data);
    return { id: item.platformId, time: item.createdAt, item, problem: null };
  }
  const id = rawId(raw);
  return { id: id && prefix + id, time: rawTime(raw, timeField), item: null, problem: `Meta sent a ${what} that cannot be read (${issueText(parsed.error)})` };
}

/**
 * What a stream hands over: the new items up to the first one that cannot be read (in time
 * order), and the mark after them. `blocked` says a container (post, conversation, media) could
 * not be read: then nothing past the current mark moves.
 */
function settle(candidates: Candidate[], mark: Mark | null, floor: number, blocked: string | null, startAt: number): Settled {
  const from = mark?.t ?? floor;
  const isNew = (c: Candidate) =>
    c.time === null || (mark ? c.time > mark.t || (c.time === mark.t && !mark.ids.includes(c.id ?? '')) : c.time >= floor);
  const fresh = candidates.filter(isNew);
  const problems = [...(blocked ? [blocked] : []), ...fresh.filter((c) => !c.item).map((c) => c.problem ?? 'unreadable item')];
  let bound = blocked ? from : Infinity;
  for (const c of fresh) if (!c.item) bound = Math.min(bound, c.time ?? from);
  const byId = new Map<string, InboundItem>();
  for (const c of fresh) if (c.item && c.item.createdAt <= bound) byId.set(c.item.platformId, c.item);
  const items = [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || (a.platformId < b.platformId ? -1 : 1));
  let next: Mark | null;
  const newest = items.at(-1);
  if (newest) {
    const ids = items.filter((i) => i.createdAt === newest.createdAt).map((i) => i.platformId);
    next = { t: newest.createdAt, ids: mark && mark.t === newest.createdAt ? [...new Set([...mark.ids, ...ids])] : ids };
  } else {
    next = problems.length ? mark : (mark ?? { t: startAt, ids: [] });
  }
  return { items, mark: next, problem: problems[0] ?? null, stuck: problems.length > 0 && items.length === 0 };
}

const snippet = (text: string | undefined) => {
  const line = text?.replace(/\s+/g, ' ').trim();
  return line ? (line.length > 80 ? `${line.slice(0, 79)}…` : line) : null;
};

const bodyOf = (text: string) => text || '[attachment]';

// ---- Connector --------------------------------------------------------------------------------

interface Identity {
  pageId: string;
  pageName: string;
  pageUsername: string | null;
  ig: { id: string; username: string } | null;
}

/** Marks a Graph error answer so the typed HTTP client hands it over instead of a generic 4xx. */
const FAILURE = 'shiftdesk:graph-error';
const failureEnvelope = z.object({ [FAILURE]: z.object({ status: z.number(), error: graphError }) });

/**
 * Graph errors come as HTTP 400 (or 403, 401, 500) with {error: {code, ...}}: the code, not the
 * status, says what happened. This fetch turns them into a marked 200 answer, keeping the headers
 * (X-App-Usage, X-Business-Use-Case-Usage), for the connector to decode.
 */
function decodingFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status < 400) return response;
    let body: unknown;
    try {
      body = JSON.parse(await response.clone().text());
    } catch {
      return response;
    }
    const parsed = graphErrorBody.safeParse(body);
    if (!parsed.success) return response;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify({ [FAILURE]: { status: response.status, error: parsed.data.error } }), { status: 200, headers });
  };
}

export function createMetaConnector(config: MetaConfig, pageAccessToken: string, fetchImpl: typeof fetch = fetch): MetaConnector {
  const base = `${config.apiUrl ?? API}/${GRAPH_VERSION}`;
  const request = createHttpClient({
    label: 'Meta',
    // A bare 429 (no Graph error body): Meta's estimate, Retry-After, or a conservative wait.
    resetAt: (headers, now) => metaReset(headers, now) ?? retryAfter(headers, now) ?? now + DEFAULT_THROTTLE_WAIT_MS,
    fetch: decodingFetch(fetchImpl),
  });
  const auth = { Authorization: `Bearer ${pageAccessToken}` };

  const graph = (path: string, params: Record<string, string> = {}) => {
    const url = new URL(`${base}/${path.split('/').map(encodeURIComponent).join('/')}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url;
  };

  async function call<S extends z.ZodType>(req: Omit<HttpRequest, 'url'> & { url: URL }, schema: S): Promise<z.output<S>> {
    const { data, headers } = await request({ ...req, url: req.url.toString(), headers: { ...auth, ...req.headers } }, z.unknown());
    const failure = failureEnvelope.safeParse(data);
    if (failure.success) {
      const { status, error } = failure.data[FAILURE];
      throw fromGraphError(error, status, headers, Date.now());
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new MalformedPayloadError(`Meta sent an unexpected payload (${issueText(parsed.error)})`);
    return parsed.data;
  }

  let identity: Promise<Identity> | null = null;
  const loadIdentity = async (): Promise<Identity> => {
    const pageNode = (fields: string) => call({ url: graph(config.pageId ?? 'me', { fields }) }, metaPageNode);
    const page = await pageNode('id,name,username,instagram_business_account{id,username}').catch((error: unknown) => {
      // A token without Instagram permissions may not read the linked account: the Page alone then.
      if (error instanceof RejectedError && !config.instagramAccountId) return pageNode('id,name,username');
      throw error;
    });
    const linked = page.instagram_business_account;
    let ig: Identity['ig'] = null;
    if (config.instagramAccountId && config.instagramAccountId !== linked?.id) {
      const node = await call({ url: graph(config.instagramAccountId, { fields: 'id,username' }) }, igUserNode);
      ig = { id: node.id, username: node.username };
    } else if (linked) {
      ig = { id: linked.id, username: linked.username ?? '' };
    }
    return { pageId: page.id, pageName: page.name || page.username || page.id, pageUsername: page.username ?? null, ig };
  };
  const whoAmI = () => {
    identity ??= loadIdentity().catch((error: unknown) => {
      identity = null;
      throw error;
    });
    return identity;
  };

  /** Reads an edge page by page (`after` cursors) until an item older than `stopBefore` or the end. */
  const readEdge = async (url: URL, pageSize: number, maxPages: number, stop?: { field: string; before: number }) => {
    const raws: unknown[] = [];
    url.searchParams.set('limit', String(pageSize));
    for (let page = 0; page < maxPages; page++) {
      const data = await call({ url }, graphPage);
      let older = false;
      for (const raw of data.data) {
        const at = stop ? rawTime(raw, stop.field) : null;
        if (stop && at !== null && at < stop.before) {
          older = true;
          break;
        }
        raws.push(raw);
      }
      const after = data.paging?.cursors?.after;
      if (older || !data.paging?.next || !after) break;
      url.searchParams.set('after', after);
    }
    return raws;
  };

  const isOwnFb = (self: Identity, id: string | undefined) => id === self.pageId;
  const isOwnIg = (self: Identity, from: { id?: string; username?: string } | undefined, username?: string) =>
    !!self.ig && ((!!from?.id && from.id === self.ig.id) || (!!self.ig.username && (from?.username ?? username) === self.ig.username));

  const fbAuthor = (from: { id: string; name?: string } | undefined): InboundAuthor =>
    from
      ? { platformId: `fb:${from.id}`, handle: from.name || from.id, displayName: from.name || from.id, profileUrl: null }
      : { platformId: 'fb:unknown', handle: 'Facebook user', displayName: 'Facebook user', profileUrl: null };
  const igAuthor = (id: string | undefined, username: string | undefined): InboundAuthor => ({
    platformId: `ig:${id ?? username ?? 'unknown'}`,
    handle: username ? `@${username}` : (id ?? 'Instagram user'),
    displayName: username ?? id ?? 'Instagram user',
    profileUrl: username ? `https://www.instagram.com/${encodeURIComponent(username)}` : null,
  });

  const fbCommentItem = (self: Identity, post: FbPost, c: FbComment): InboundItem => ({
    platformId: FB_COMMENT + c.id,
    // The thread is the top-level comment; a reply names it as its parent.
    conversation: { platformId: FB_COMMENT + (c.parent?.id ?? c.id), kind: 'comment', subject: snippet(post.message) },
    replyTo: c.parent ? FB_COMMENT + c.parent.id : null,
    author: fbAuthor(c.from),
    direction: isOwnFb(self, c.from?.id) ? 'out' : 'in',
    body: bodyOf(c.message),
    createdAt: Date.parse(c.created_time),
  });

  const igCommentItem = (self: Identity, media: IgMedia, thread: string | null, c: IgComment): InboundItem => {
    const top = thread ?? c.parent_id ?? c.id;
    return {
      platformId: IG_COMMENT + c.id,
      conversation: { platformId: IG_COMMENT + top, kind: 'comment', subject: snippet(media.caption) },
      replyTo: top !== c.id ? IG_COMMENT + (c.parent_id ?? top) : null,
      author: igAuthor(c.from?.id, c.from?.username ?? c.username),
      direction: isOwnIg(self, c.from, c.username) ? 'out' : 'in',
      body: bodyOf(c.text),
      createdAt: Date.parse(c.timestamp),
    };
  };

  const dmItem = (self: Identity, platform: 'messenger' | 'instagram', conversationId: string, m: MetaMessage): InboundItem => {
    const prefix = platform === 'messenger' ? FB_DM : IG_DM;
    const own = platform === 'messenger' ? isOwnFb(self, m.from.id) : isOwnIg(self, m.from);
    return {
      platformId: prefix + m.id,
      conversation: { platformId: prefix + conversationId, kind: 'dm' },
      author: platform === 'messenger' ? fbAuthor({ id: m.from.id, name: m.from.name }) : igAuthor(m.from.id, m.from.username),
      direction: own ? 'out' : 'in',
      body: bodyOf(m.message),
      createdAt: Date.parse(m.created_time),
    };
  };

  // A mention is someone else's post: its author is the media owner or the commenter.
  const mentionDirection = (self: Identity, username: string | undefined) => (isOwnIg(self, undefined, username) ? 'out' : 'in');

  const tagItem = (self: Identity, m: IgTaggedMedia): InboundItem => ({
    platformId: IG_TAG + m.id,
    conversation: { platformId: IG_TAG + m.id, kind: 'mention', subject: snippet(m.caption) },
    author: igAuthor(undefined, m.username),
    direction: mentionDirection(self, m.username),
    body: bodyOf(m.caption ?? ''),
    createdAt: Date.parse(m.timestamp),
  });

  const captionMentionItem = (self: Identity, mediaId: string, m: IgMentionedMedia): InboundItem => ({
    platformId: IG_CAPTION_MENTION + mediaId,
    conversation: { platformId: IG_CAPTION_MENTION + mediaId, kind: 'mention', subject: snippet(m.caption) },
    author: igAuthor(undefined, m.username),
    direction: mentionDirection(self, m.username),
    body: bodyOf(m.caption ?? ''),
    createdAt: Date.parse(m.timestamp),
  });

  const commentMentionItem = (self: Identity, mediaId: string, commentId: string, c: IgMentionedComment): InboundItem => ({
    platformId: IG_COMMENT_MENTION + commentId,
    conversation: { platformId: `${IG_COMMENT_MENTION}${mediaId}/${commentId}`, kind: 'mention', subject: null },
    author: igAuthor(undefined, c.username),
    direction: mentionDirection(self, c.username),
    body: bodyOf(c.text),
    createdAt: Date.parse(c.timestamp),
  });

  interface PullWindow {
    floor: number;
    watchFrom: number;
    startAt: number;
  }

  const pullFbComments = async (self: Identity, mark: Mark | null, w: PullWindow): Promise<Settled> => {
    const from = mark?.t ?? w.floor;
    const posts = await readEdge(graph(`${self.pageId}/feed`, { fields: 'id,message,created_time,updated_time' }), POSTS_PAGE, MAX_PAGES, {
      field: 'created_time',
      before: w.watchFrom,
    });
    const candidates: Candidate[] = [];
    let blocked: string | null = null;
    for (const raw of posts) {
      const post = fbPost.safeParse(raw);
      if (!post.success) {
        blocked ??= `Meta sent a Page post that cannot be read (${issueText(post.error)})`;
        continue;
      }
      // Only posts commented on (or edited) since the mark can have new comments.
      if (post.data.updated_time && Date.parse(post.data.updated_time) < from) continue;
      const url = graph(`${post.data.id}/comments`, { filter: 'stream', order: 'reverse_chronological', fields: FB_COMMENT_FIELDS });
      for (const c of await readEdge(url, COMMENTS_PAGE, MAX_PAGES, { field: 'created_time', before: from })) {
        candidates.push(candidate(c, fbComment, 'created_time', FB_COMMENT, (v) => fbCommentItem(self, post.data, v), 'Facebook comment'));
      }
    }
    return settle(candidates, mark, w.floor, blocked, w.startAt);
  };

  const pullDms = async (self: Identity, platform: 'messenger' | 'instagram', mark: Mark | null, w: PullWindow): Promise<Settled> => {
    const from = mark?.t ?? w.floor;
    const what = platform === 'messenger' ? 'Messenger message' : 'Instagram message';
    // Newest activity first: read until the conversations last updated before the mark.
    const conversations = await readEdge(graph(`${self.pageId}/conversations`, { platform, fields: 'id,updated_time' }), CONVERSATIONS_PAGE, MAX_PAGES, {
      field: 'updated_time',
      before: from,
    });
    const candidates: Candidate[] = [];
    let blocked: string | null = null;
    for (const raw of conversations) {
      const conversation = metaConversation.safeParse(raw);
      if (!conversation.success) {
        blocked ??= `Meta sent a ${platform === 'messenger' ? 'Messenger' : 'Instagram'} conversation that cannot be read (${issueText(conversation.error)})`;
        continue;
      }
      const url = graph(`${conversation.data.id}/messages`, { fields: MESSAGE_FIELDS });
      for (const m of await readEdge(url, MESSAGES_PAGE, 1, { field: 'created_time', before: from })) {
        candidates.push(candidate(m, metaMessage, 'created_time', platform === 'messenger' ? FB_DM : IG_DM, (v) => dmItem(self, platform, conversation.data.id, v), what));
      }
    }
    return settle(candidates, mark, w.floor, blocked, w.startAt);
  };

  const pullIgComments = async (self: Identity, ig: { id: string }, mark: Mark | null, counts: Record<string, number>, w: PullWindow) => {
    const media = await readEdge(graph(`${ig.id}/media`, { fields: 'id,caption,timestamp,comments_count' }), MEDIA_PAGE, MAX_PAGES, {
      field: 'timestamp',
      before: w.watchFrom,
    });
    const candidates: Candidate[] = [];
    const seenCounts: Record<string, number> = {};
    let blocked: string | null = null;
    for (const raw of media) {
      const parsed = igMedia.safeParse(raw);
      if (!parsed.success) {
        blocked ??= `Meta sent an Instagram media that cannot be read (${issueText(parsed.error)})`;
        continue;
      }
      const m = parsed.data;
      if (m.comments_count !== undefined) {
        seenCounts[m.id] = m.comments_count;
        // IG media have no updated_time: a changed comments_count (replies included) says there is news.
        if (counts[m.id] === m.comments_count || m.comments_count === 0) continue;
      }
      const url = graph(`${m.id}/comments`, { fields: `${IG_COMMENT_FIELDS},replies.limit(${IG_COMMENTS_PAGE}){${IG_COMMENT_FIELDS}}` });
      for (const rawComment of await readEdge(url, IG_COMMENTS_PAGE, MAX_PAGES)) {
        candidates.push(candidate(rawComment, igComment, 'timestamp', IG_COMMENT, (v) => igCommentItem(self, m, null, v), 'Instagram comment'));
        // Replies are read one by one too; those of an unreadable comment wait with it.
        const top = igComment.safeParse(rawComment);
        if (!top.success) continue;
        for (const reply of top.data.replies?.data ?? []) {
          candidates.push(candidate(reply, igComment, 'timestamp', IG_COMMENT, (v) => igCommentItem(self, m, top.data.id, v), 'Instagram comment reply'));
        }
      }
    }
    const settled = settle(candidates, mark, w.floor, blocked, w.startAt);
    // A stream that stopped short reads its media again next time.
    return { ...settled, counts: settled.problem ? counts : seenCounts };
  };

  const pullTags = async (self: Identity, ig: { id: string }, mark: Mark | null, w: PullWindow): Promise<Settled> => {
    // Newest first, like the account's own media: read back to the mark (or the backfill).
    // The edge gives the media's time, not the tag's: a tag added long after posting is not seen.
    const from = mark?.t ?? w.floor;
    const tags = await readEdge(graph(`${ig.id}/tags`, { fields: TAG_FIELDS }), TAGS_PAGE, MAX_PAGES, { field: 'timestamp', before: from });
    const candidates = tags.map((raw) => candidate(raw, igTaggedMedia, 'timestamp', IG_TAG, (v) => tagItem(self, v), 'tagged Instagram media'));
    return settle(candidates, mark, w.floor, null, w.startAt);
  };

  /** GET /{ig-user-id}?fields=mentioned_media.media_id(…){…} or mentioned_comment.comment_id(…){…}. */
  const readMentioned = <S extends z.ZodType>(ig: { id: string }, edge: 'mentioned_media' | 'mentioned_comment', id: string, fields: string, schema: S) => {
    const key = edge === 'mentioned_media' ? 'media_id' : 'comment_id';
    const url = graph(ig.id, { fields: `${edge}.${key}(${id}){${fields}}` });
    return call({ url }, z.looseObject({ [edge]: schema }).transform((node) => node[edge] as z.output<S>));
  };

  const mentionTarget = (self: Identity, what: string): { id: string; username: string } => {
    if (!self.ig) throw new RejectedError(`This account reads no Instagram professional account, so it cannot ${what}`);
    return self.ig;
  };

  const fetchMention = async (ref: MentionRef): Promise<InboundItem> => {
    const self = await whoAmI();
    const ig = mentionTarget(self, 'read Instagram mentions');
    if (ref.igUserId !== ig.id) throw new RejectedError(`This mention is for Instagram account ${ref.igUserId}, not ${ig.id} that this account reads`);
    if (!graphId.safeParse(ref.mediaId).success || (ref.commentId !== null && !graphId.safeParse(ref.commentId).success)) {
      throw new RejectedError('This mention does not name an Instagram media or comment id');
    }
    if (ref.commentId === null) {
      const media = await readMentioned(ig, 'mentioned_media', ref.mediaId, MENTIONED_MEDIA_FIELDS, igMentionedMedia);
      return captionMentionItem(self, ref.mediaId, media);
    }
    const comment = await readMentioned(ig, 'mentioned_comment', ref.commentId, MENTIONED_COMMENT_FIELDS, igMentionedComment);
    return commentMentionItem(self, comment.media?.id ?? ref.mediaId, ref.commentId, comment);
  };

  /** POST /{ig-user-id}/mentions: a comment under the caption (commentId null) or under the comment that mentioned us. */
  const sendMentionReply = async (self: Identity, req: SendRequest, mediaId: string, commentId: string | null): Promise<SendResult> => {
    const ig = mentionTarget(self, 'answer Instagram mentions');
    if (req.attempt > 1 && commentId === null) {
      // The caption's comments are documented on mentioned_media; a comment's replies have no
      // documented reading on another account's media, so a comment mention is posted again.
      const media = await readMentioned(ig, 'mentioned_media', mediaId, `comments.limit(${IG_COMMENTS_PAGE}){${IG_COMMENT_FIELDS}}`, igMentionedMedia.partial({ timestamp: true }));
      for (const raw of media.comments?.data ?? []) {
        const c = igComment.safeParse(raw);
        if (c.success && isOwnIg(self, c.data.from, c.data.username) && c.data.text === req.body) return { platformId: IG_COMMENT + c.data.id, sentAt: Date.parse(c.data.timestamp) };
      }
    }
    const json = { media_id: mediaId, ...(commentId !== null ? { comment_id: commentId } : {}), message: req.body };
    const created = await call({ method: 'POST', url: graph(`${ig.id}/mentions`), json }, createdObject);
    return { platformId: IG_COMMENT + created.id, sentAt: Date.now() };
  };

  const sendCommentReply = async (self: Identity, req: SendRequest, platform: 'facebook' | 'instagram', thread: string): Promise<SendResult> => {
    // Both platforms keep two levels: a reply goes to the thread's top-level comment.
    const prefix = platform === 'facebook' ? FB_COMMENT : IG_COMMENT;
    const edge = platform === 'facebook' ? 'comments' : 'replies';
    if (req.attempt > 1) {
      const fields = platform === 'facebook' ? 'id,message,created_time,from{id,name}' : IG_COMMENT_FIELDS;
      const params: Record<string, string> = { fields, limit: '50', ...(platform === 'facebook' ? { filter: 'stream', order: 'reverse_chronological' } : {}) };
      const data = await call({ url: graph(`${thread}/${edge}`, params) }, graphPage);
      for (const raw of data.data) {
        if (platform === 'facebook') {
          const c = fbComment.safeParse(raw);
          if (c.success && isOwnFb(self, c.data.from?.id) && c.data.message === req.body) return { platformId: prefix + c.data.id, sentAt: Date.parse(c.data.created_time) };
        } else {
          const c = igComment.safeParse(raw);
          if (c.success && isOwnIg(self, c.data.from, c.data.username) && c.data.text === req.body) return { platformId: prefix + c.data.id, sentAt: Date.parse(c.data.timestamp) };
        }
      }
    }
    const created = await call({ method: 'POST', url: graph(`${thread}/${edge}`), json: { message: req.body } }, createdObject);
    return { platformId: prefix + created.id, sentAt: Date.now() };
  };

  const sendDm = async (self: Identity, req: SendRequest, platform: 'messenger' | 'instagram', conversationId: string): Promise<SendResult> => {
    const prefix = platform === 'messenger' ? FB_DM : IG_DM;
    if (platform === 'messenger' && req.body.length > MESSENGER_TEXT_MAX) {
      throw new RejectedError(`Messenger messages can be at most ${MESSENGER_TEXT_MAX} characters; this one has ${req.body.length}`);
    }
    if (platform === 'instagram' && Buffer.byteLength(req.body, 'utf8') >= INSTAGRAM_TEXT_MAX_BYTES) {
      throw new RejectedError(`Instagram messages must be shorter than ${INSTAGRAM_TEXT_MAX_BYTES} bytes; shorten this one`);
    }
    const data = await call({ url: graph(`${conversationId}/messages`, { fields: MESSAGE_FIELDS, limit: String(MESSAGES_PAGE) }) }, graphPage);
    const messages = data.data.flatMap((raw) => {
      const m = metaMessage.safeParse(raw);
      return m.success ? [m.data] : [];
    });
    const own = (m: MetaMessage) => (platform === 'messenger' ? isOwnFb(self, m.from.id) : isOwnIg(self, m.from));
    if (req.attempt > 1) {
      const found = messages.find((m) => own(m) && m.message === req.body);
      if (found) return { platformId: prefix + found.id, sentAt: Date.parse(found.created_time) };
    }
    const theirs = messages.filter((m) => !own(m));
    const recipient =
      theirs[0]?.from.id ??
      messages.flatMap((m) => (own(m) ? (m.to?.data ?? []) : [])).find((p) => p.id !== self.pageId && p.id !== self.ig?.id)?.id;
    if (!recipient) throw new RejectedError('Meta does not say who this conversation is with, so the message cannot be addressed');
    const lastIn = theirs.length ? Math.max(...theirs.map((m) => Date.parse(m.created_time))) : null;
    const hoursAgo = lastIn === null ? null : Math.floor((Date.now() - lastIn) / HOUR_MS);
    // Refused here rather than by Meta; when their last message is not among the latest, Meta decides.
    if (lastIn !== null && Date.now() - lastIn > WINDOW_MS) throw new MessagingWindowError(hoursAgo);
    const json = {
      recipient: { id: recipient },
      ...(platform === 'messenger' ? { messaging_type: 'RESPONSE' } : {}),
      message: { text: req.body },
    };
    try {
      const sent = await call({ method: 'POST', url: graph(`${self.pageId}/messages`), json }, sentMessage);
      return { platformId: prefix + sent.message_id, sentAt: Date.now() };
    } catch (error) {
      if (error instanceof MessagingWindowError) throw new MessagingWindowError(hoursAgo);
      throw error;
    }
  };

  return {
    // Graph API usage is budgeted per hour.
    pollIntervalMs: 60_000,
    async verify() {
      identity = null;
      const self = await whoAmI();
      const handles = [self.pageUsername ? `@${self.pageUsername}` : self.pageName, self.ig ? `Instagram @${self.ig.username || self.ig.id}` : null];
      return { handle: handles.filter(Boolean).join(' · '), name: self.pageName };
    },

    backfillDays: config.backfillDays ?? 7,

    async pull(cursor: string | null, control?: PullControl): Promise<PullResult> {
      const self = await whoAmI();
      const state = readCursor(cursor);
      const now = Date.now();
      const backfillDays = config.backfillDays ?? 7;
      const floor = now - backfillDays * DAY_MS;
      const full: PullWindow = { floor, watchFrom: now - Math.max(backfillDays, WATCH_DAYS) * DAY_MS, startAt: Math.max(floor, now - SETTLE_MS) };
      // A first sync reads five streams in turn; once the agent stops it, the streams not yet
      // read start from now, as with a backfill of zero days.
      const streamCount = self.ig ? 5 : 2;
      let read = 0;
      const w = (): PullWindow => {
        if (read > 0) control?.progress(read / streamCount);
        read++;
        return control?.signal.aborted ? { ...full, floor: full.startAt } : full;
      };

      const fc = await pullFbComments(self, state.fc, w());
      const fd = await pullDms(self, 'messenger', state.fd, w());
      const ic = self.ig ? await pullIgComments(self, self.ig, state.ic, state.n, w()) : null;
      const id = self.ig ? await pullDms(self, 'instagram', state.id, w()) : null;
      const tg = self.ig ? await pullTags(self, self.ig, state.tg, w()) : null;
      if (!control?.signal.aborted) control?.progress(1);

      const streams = [fc, fd, ic, id, tg].filter((s): s is Settled => s !== null);
      const items = streams.flatMap((s) => s.items).sort((a, b) => a.createdAt - b.createdAt);
      const stuck = streams.find((s) => s.stuck);
      // Nothing could move: the same items would stop the next pull too.
      if (stuck && items.length === 0) throw new MalformedPayloadError(stuck.problem ?? 'Meta sent an item that cannot be read');
      const next: MetaCursor = {
        fc: fc.mark,
        fd: fd.mark,
        ic: ic ? ic.mark : state.ic,
        id: id ? id.mark : state.id,
        tg: tg ? tg.mark : state.tg,
        n: ic ? ic.counts : state.n,
      };
      return { items, cursor: JSON.stringify(next), more: streams.some((s) => s.problem !== null) };
    },

    async send(req: SendRequest): Promise<SendResult> {
      const self = await whoAmI();
      const target = req.conversationPlatformId;
      const rest = (prefix: string) => target.slice(prefix.length);
      if (target.startsWith(FB_COMMENT)) return sendCommentReply(self, req, 'facebook', rest(FB_COMMENT));
      if (target.startsWith(IG_COMMENT)) return sendCommentReply(self, req, 'instagram', rest(IG_COMMENT));
      if (target.startsWith(FB_DM)) return sendDm(self, req, 'messenger', rest(FB_DM));
      if (target.startsWith(IG_DM)) return sendDm(self, req, 'instagram', rest(IG_DM));
      if (target.startsWith(IG_CAPTION_MENTION)) {
        const mediaId = rest(IG_CAPTION_MENTION);
        if (graphId.safeParse(mediaId).success) return sendMentionReply(self, req, mediaId, null);
      }
      if (target.startsWith(IG_COMMENT_MENTION)) {
        const [mediaId, commentId, ...extra] = rest(IG_COMMENT_MENTION).split('/');
        if (graphId.safeParse(mediaId).success && graphId.safeParse(commentId).success && !extra.length) return sendMentionReply(self, req, mediaId!, commentId!);
      }
      if (target.startsWith(IG_TAG)) {
        throw new RejectedError('Instagram does not allow commenting on a post the account is only tagged in: answer the author on Instagram itself or by direct message');
      }
      throw new RejectedError(`This conversation (${target}) is not one the Meta connector knows how to answer`);
    },

    fetchMention,
  };
}
