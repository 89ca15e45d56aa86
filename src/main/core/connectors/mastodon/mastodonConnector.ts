// Mastodon, on any instance, with an access token (pasted, or obtained by signing in in the
// browser: accounts/mastodonSignIns.ts). Mentions and direct messages from the notifications API
// (oldest first after the cursor, so nothing is skipped), replies posted with in_reply_to_id,
// the original's visibility and an Idempotency-Key header. Listening: public statuses found by
// full-text search, or by the tag timeline for a single hashtag.
import { z } from 'zod';
import { htmlToText } from '@shared/htmlText';
import { MalformedPayloadError, readBackProgress, type Connector, type InboundItem, type PullControl, type PullResult, type SendRequest } from '../connector';
import { createHttpClient } from '../http';
import { avatarUrlOf } from '../avatarUrl';
import {
  compareIds,
  linkParam,
  mastodonCredentialAccount,
  mastodonInstance,
  mastodonListedStatus,
  mastodonNotification,
  mastodonReset,
  mastodonSearchResults,
  mastodonStatus,
  type MastodonListedStatus,
  type MastodonNotification,
  type MastodonStatus,
} from './mastodonApi';

export interface MastodonConfig {
  /** https://mastodon.social */
  instanceUrl: string;
  /** How far back the first sync reads (default 7 days). */
  backfillDays?: number;
}

const MAX_BACKFILL_PAGES = 25;

/** Also the most /api/v2/search and the tag timeline return per request. */
export const PAGE_SIZE = 40;

/** Pages a search reads back per run; older hits beyond them are passed over, as on X and Bluesky. */
const MAX_SEARCH_PAGES = 10;
/** A stream's first run: its newest page, and of that only the last day. */
const FIRST_SEARCH_WINDOW_MS = 86_400_000;

/** "#AuroraAir" (the whole query one hashtag) → "AuroraAir"; anything else → null. */
export function hashtagOf(query: string): string | null {
  const match = /^#([\p{L}\p{M}\p{N}_\u00b7\u200c]+)$/u.exec(query.trim());
  return match ? match[1]! : null;
}

/** Accepts "mastodon.social" or "https://mastodon.social/"; only https (http for loopback). */
export function normalizeInstanceUrl(input: string): string {
  const url = new URL(/^[a-z]+:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error('The instance address must start with https://');
  if (url.username || url.password) throw new Error('The instance address must not contain a user name or password');
  return url.origin;
}

function toItem(notification: MastodonNotification, instanceHost: string): InboundItem | null {
  const status = notification.status;
  if (notification.type !== 'mention' || !status) return null;
  return statusToItem(status, instanceHost);
}

function statusToItem(status: MastodonStatus, instanceHost: string): InboundItem {
  const author = status.account;
  const text = htmlToText(status.content);
  return {
    platformId: status.id,
    // A reply to a status we know joins its conversation (ingest matches replyTo); otherwise
    // the status starts one.
    conversation: { platformId: status.id, kind: status.visibility === 'direct' ? 'dm' : 'mention' },
    replyTo: status.in_reply_to_id ?? null,
    author: {
      platformId: author.id,
      handle: author.acct.includes('@') ? author.acct : `${author.acct}@${instanceHost}`,
      displayName: author.display_name || author.username,
      followers: author.followers_count,
      profileUrl: author.url ?? null,
      avatarUrl: avatarUrlOf(author.avatar),
    },
    direction: 'in',
    body: status.spoiler_text ? `${status.spoiler_text}\n\n${text}` : text,
    createdAt: Date.parse(status.created_at),
    language: status.language ?? null,
  };
}

interface SearchPage {
  raws: unknown[];
  /** Where the page before starts (an offset or a max_id), or null at the end. */
  next: string | null;
}

/** The id of a raw entity, before it is parsed ('' when it has none). */
const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '');

export function createMastodonConnector(config: MastodonConfig, accessToken: string, fetchImpl: typeof fetch = fetch): Connector {
  const base = normalizeInstanceUrl(config.instanceUrl);
  const host = new URL(base).host;
  const request = createHttpClient({ label: `Mastodon (${host})`, resetAt: mastodonReset, fetch: fetchImpl });
  const auth = { Authorization: `Bearer ${accessToken}` };

  const notificationsUrl = (params: Record<string, string>) => {
    const url = new URL(`${base}/api/v1/notifications`);
    url.searchParams.append('types[]', 'mention');
    url.searchParams.set('limit', String(PAGE_SIZE));
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  };

  const fetchPage = async (params: Record<string, string>) => {
    const { data } = await request({ url: notificationsUrl(params), headers: auth }, z.array(z.unknown()));
    return {
      size: data.length,
      // Oldest first, each notification parsed on its own.
      entries: data.map((raw) => ({ id: idOf(raw), result: mastodonNotification.safeParse(raw) })).sort((a, b) => compareIds(a.id, b.id)),
    };
  };

  /** After the cursor, oldest first (min_id), so a gap can never be skipped. A malformed
   * notification stops the page there: the cursor only moves past what was read. */
  const forward = async (cursor: string): Promise<PullResult> => {
    const { size, entries } = await fetchPage({ min_id: cursor });
    const items: InboundItem[] = [];
    let last = cursor;
    for (const { result } of entries) {
      if (!result.success) {
        if (last === cursor) {
          const issue = result.error.issues[0];
          throw new MalformedPayloadError(`Mastodon (${host}) sent a notification that cannot be read (${issue?.path.join('.')}: ${issue?.message})`);
        }
        return { items, cursor: last, more: true };
      }
      const item = toItem(result.data, host);
      if (item) items.push(item);
      last = result.data.id;
    }
    return { items, cursor: last, more: size === PAGE_SIZE };
  };

  /** First sync: pages back (max_id) over the last days, then hands them over oldest first.
   * History older than a malformed notification, or read after the agent stopped, is left out. */
  const backfill = async (control?: PullControl): Promise<PullResult> => {
    const since = Date.now() - (config.backfillDays ?? 7) * 86_400_000;
    const collected: MastodonNotification[] = [];
    let maxId: string | null = null;
    // The newest notification there is: where later pulls start when the window holds nothing.
    let newestThere: string | null = null;
    for (let page = 0; page < MAX_BACKFILL_PAGES; page++) {
      if (page > 0 && control?.signal.aborted) break;
      const { size, entries } = await fetchPage(maxId ? { max_id: maxId } : {});
      if (page === 0) newestThere = entries.at(-1)?.id ?? null;
      let stop = size < PAGE_SIZE;
      for (const { result } of entries.reverse()) {
        if (!result.success || Date.parse(result.data.created_at) < since) {
          stop = true;
          break;
        }
        collected.push(result.data);
      }
      maxId = entries.at(-1)?.id ?? null;
      if (stop || !maxId) break;
      const oldest = collected.at(-1);
      if (oldest) control?.progress(readBackProgress(since, Date.parse(oldest.created_at), Date.now()));
    }
    if (!control?.signal.aborted) control?.progress(1);
    collected.sort((a, b) => compareIds(a.id, b.id));
    const newest = collected.at(-1)?.id ?? null;
    const items = collected.map((n) => toItem(n, host)).filter((i): i is InboundItem => i !== null);
    // Nothing in the window: start from the newest there is (read in the same request, so a
    // mention arriving meanwhile is not skipped) and read only new mentions from then on.
    return { items, cursor: newest ?? newestThere, more: false };
  };

  /** The instance's own status length (500 on a stock server); undefined when it does not say or cannot be read. */
  const replyLimit = async (): Promise<number | undefined> => {
    try {
      return (await request({ url: `${base}/api/v2/instance` }, mastodonInstance)).data.configuration?.statuses?.max_characters;
    } catch {
      return undefined;
    }
  };

  let identity: z.output<typeof mastodonCredentialAccount> | null = null;
  const credentials = async () => (identity = (await request({ url: `${base}/api/v1/accounts/verify_credentials`, headers: auth }, mastodonCredentialAccount)).data);

  /**
   * Full-text search, newest first. Status search needs the instance's search backend
   * (Elasticsearch or OpenSearch): without one it finds nothing, and with one it only returns
   * statuses this account can see (public posts of authors who opted into search, and posts it
   * follows or took part in). A single hashtag goes to the tag timeline instead, which works on
   * every instance. Pages are read with offset, not min_id/max_id: search turns those into
   * before:/after: date filters to the second, and Mastodon 4.3.0 and 4.3.1 refuse them with 422
   * "Invalid date" (mastodon/mastodon#32731). Statuses hidden from the account are dropped after
   * the limit, so a short page is not the end: only an empty one is.
   */
  const searchPage = async (query: string, offset: string | null): Promise<SearchPage> => {
    const url = new URL(`${base}/api/v2/search`);
    url.searchParams.set('q', query);
    url.searchParams.set('type', 'statuses');
    url.searchParams.set('resolve', 'false');
    url.searchParams.set('limit', String(PAGE_SIZE));
    if (offset) url.searchParams.set('offset', offset);
    const { data } = await request({ url: url.toString(), headers: auth }, mastodonSearchResults);
    return { raws: data.statuses, next: data.statuses.length > 0 ? String(Number(offset ?? 0) + PAGE_SIZE) : null };
  };

  /** A tag timeline, newest first: since_id bounds it by the cursor, and the Link header's
   * rel="next" (max_id) leads to the page before; Mastodon sends it while pages are full. */
  const tagPage = async (tag: string, sinceId: string | null, maxId: string | null): Promise<SearchPage> => {
    const url = new URL(`${base}/api/v1/timelines/tag/${encodeURIComponent(tag)}`);
    url.searchParams.set('limit', String(PAGE_SIZE));
    if (sinceId) url.searchParams.set('since_id', sinceId);
    if (maxId) url.searchParams.set('max_id', maxId);
    const { data, headers } = await request({ url: url.toString(), headers: auth }, z.array(z.unknown()));
    const oldest = data.map(idOf).sort(compareIds)[0];
    const next = linkParam(headers, 'next', 'max_id') ?? (data.length >= PAGE_SIZE && oldest ? oldest : null);
    return { raws: data, next: data.length > 0 ? next : null };
  };

  /** What listening keeps: public posts by others. Our own posts and reblogs add nothing, and
   * posts that mention the account come through the notifications feed (pull). */
  const listenable = (status: MastodonListedStatus, selfId: string) =>
    status.account.id !== selfId && !status.reblog && !status.mentions.some((m) => m.id === selfId) && (status.visibility === 'public' || status.visibility === 'unlisted');

  return {
    // 300 requests per 5 minutes per token.
    pollIntervalMs: 20_000,
    async verify() {
      const data = await credentials();
      return { handle: `@${data.acct}@${host}`, name: data.display_name || data.acct, replyLimit: await replyLimit() };
    },

    backfillDays: config.backfillDays ?? 7,

    async pull(cursor: string | null, control?: PullControl): Promise<PullResult> {
      return cursor === null ? backfill(control) : forward(cursor);
    },

    /** Newest first back to the cursor (a first run: the newest page, of the last day only),
     * handed over oldest first; the cursor is the newest status id read. A malformed status
     * stops the run there: what is older is kept and the cursor does not pass it. */
    async search(query: string, cursor: string | null): Promise<PullResult> {
      const me = identity ?? (await credentials());
      const tag = hashtagOf(query);
      const readPage = (next: string | null) => (tag ? tagPage(tag, cursor, next) : searchPage(query.trim(), next));
      const isOld = (id: string) => cursor !== null && id !== '' && compareIds(id, cursor) <= 0;
      const found = new Map<string, unknown>();
      let next: string | null = null;
      for (let page = 0; page < (cursor === null ? 1 : MAX_SEARCH_PAGES); page++) {
        const result = await readPage(next);
        let reachedCursor = false;
        // Not only the first old status: a page need not be strictly in id order.
        for (const raw of result.raws) {
          const id = idOf(raw);
          if (isOld(id)) reachedCursor = true;
          // Offset pages shift when new statuses arrive: the same status may come twice.
          else if (!found.has(id)) found.set(id, raw);
        }
        next = result.next;
        if (reachedCursor || next === null) break;
      }
      const since = Date.now() - FIRST_SEARCH_WINDOW_MS;
      const items: InboundItem[] = [];
      let last = cursor;
      for (const raw of [...found.values()].sort((a, b) => compareIds(idOf(a), idOf(b)))) {
        const result = mastodonListedStatus.safeParse(raw);
        if (!result.success) {
          if (last === cursor) {
            const issue = result.error.issues[0];
            throw new MalformedPayloadError(`Mastodon (${host}) sent a status that cannot be read (${issue?.path.join('.')}: ${issue?.message})`);
          }
          return { items, cursor: last, more: true };
        }
        const status = result.data;
        if (listenable(status, me.id) && (cursor !== null || Date.parse(status.created_at) >= since)) items.push(statusToItem(status, host));
        last = status.id;
      }
      return { items, cursor: last, more: false };
    },

    async send(req: SendRequest) {
      const original = req.inReplyToPlatformId
        ? (await request({ url: `${base}/api/v1/statuses/${encodeURIComponent(req.inReplyToPlatformId)}`, headers: auth }, mastodonStatus)).data
        : null;
      const mention = req.customerHandle ? `@${req.customerHandle.replace(/^@/, '')} ` : '';
      const body = req.customerHandle && req.body.includes(`@${req.customerHandle.replace(/^@/, '')}`) ? req.body : mention + req.body;
      // Never more public than what we answer: a direct message stays direct.
      const visibility = original?.visibility ?? (req.kind === 'dm' ? 'direct' : 'public');
      const { data } = await request(
        {
          method: 'POST',
          url: `${base}/api/v1/statuses`,
          headers: { ...auth, 'Idempotency-Key': req.idempotencyKey },
          json: { status: body, in_reply_to_id: req.inReplyToPlatformId ?? undefined, visibility },
        },
        mastodonStatus,
      );
      return { platformId: data.id, sentAt: Date.parse(data.created_at) };
    },
  };
}
