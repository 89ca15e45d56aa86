// Mastodon, on any instance, with an access token: mentions and direct messages from the
// notifications API (oldest first after the cursor, so nothing is skipped), replies posted with
// in_reply_to_id, the original's visibility and an Idempotency-Key header.
import { z } from 'zod';
import { htmlToText } from '@shared/htmlText';
import { MalformedPayloadError, type Connector, type InboundItem, type PullResult, type SendRequest } from '../connector';
import { createHttpClient } from '../http';
import { compareIds, mastodonCredentialAccount, mastodonNotification, mastodonReset, mastodonStatus, type MastodonNotification } from './mastodonApi';

export interface MastodonConfig {
  /** https://mastodon.social */
  instanceUrl: string;
  /** How far back the first sync reads (default 7 days). */
  backfillDays?: number;
}

const MAX_BACKFILL_PAGES = 25;

export const PAGE_SIZE = 40;

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
    },
    direction: 'in',
    body: status.spoiler_text ? `${status.spoiler_text}\n\n${text}` : text,
    createdAt: Date.parse(status.created_at),
    language: status.language ?? null,
  };
}

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
    const idOf = (raw: unknown) => String((raw as { id?: unknown } | null)?.id ?? '');
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
   * History older than a malformed notification is left out. */
  const backfill = async (): Promise<PullResult> => {
    const since = Date.now() - (config.backfillDays ?? 7) * 86_400_000;
    const collected: MastodonNotification[] = [];
    let maxId: string | null = null;
    for (let page = 0; page < MAX_BACKFILL_PAGES; page++) {
      const { size, entries } = await fetchPage(maxId ? { max_id: maxId } : {});
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
    }
    collected.sort((a, b) => compareIds(a.id, b.id));
    const newest = collected.at(-1)?.id ?? null;
    const items = collected.map((n) => toItem(n, host)).filter((i): i is InboundItem => i !== null);
    // Nothing in the window: start from "now" so the next pull only reads new mentions.
    return { items, cursor: newest ?? (await fetchPage({})).entries.at(-1)?.id ?? null, more: false };
  };

  return {
    // 300 requests per 5 minutes per token.
    pollIntervalMs: 20_000,
    async verify() {
      const { data } = await request({ url: `${base}/api/v1/accounts/verify_credentials`, headers: auth }, mastodonCredentialAccount);
      return { handle: `@${data.acct}@${host}`, name: data.display_name || data.acct };
    },

    async pull(cursor: string | null): Promise<PullResult> {
      return cursor === null ? backfill() : forward(cursor);
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
