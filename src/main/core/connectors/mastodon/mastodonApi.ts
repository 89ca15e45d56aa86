// The parts of the Mastodon REST API the connector reads, as documented at
// docs.joinmastodon.org (entities Notification, Status, Account, Conversation). Lenient where
// the API adds fields, strict where the connector depends on a value.
import { z } from 'zod';

export const mastodonAccount = z.looseObject({
  id: z.string().min(1),
  acct: z.string().min(1),
  username: z.string(),
  display_name: z.string().default(''),
  url: z.string().nullish(),
  followers_count: z.number().int().nonnegative().default(0),
  bot: z.boolean().nullish(),
});

export const mastodonStatus = z.looseObject({
  id: z.string().min(1),
  created_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  in_reply_to_id: z.string().nullish(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  language: z.string().nullish(),
  content: z.string(),
  spoiler_text: z.string().default(''),
  account: mastodonAccount,
});

export const mastodonNotification = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  created_at: z.string(),
  account: mastodonAccount,
  status: mastodonStatus.nullish(),
});

/** A status as search and tag timelines return it: also whether it is a reblog and whom it mentions. */
export const mastodonListedStatus = mastodonStatus.extend({
  reblog: z.unknown().nullish(),
  mentions: z.array(z.looseObject({ id: z.string() })).default([]),
});

/** GET /api/v2/search: each status is read on its own, so one bad status cannot hide the rest. */
export const mastodonSearchResults = z.looseObject({ statuses: z.array(z.unknown()) });

/** GET /api/v2/instance: the limits a client must respect (only what we read). */
export const mastodonInstance = z.looseObject({
  configuration: z.looseObject({ statuses: z.looseObject({ max_characters: z.number().int().positive().optional() }).optional() }).optional(),
});

export const mastodonCredentialAccount = z.looseObject({ id: z.string(), acct: z.string(), display_name: z.string().default('') });

export type MastodonStatus = z.output<typeof mastodonStatus>;
export type MastodonNotification = z.output<typeof mastodonNotification>;
export type MastodonListedStatus = z.output<typeof mastodonListedStatus>;

/** Mastodon ids are decimal strings of growing length: compare them as numbers. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** X-RateLimit-Reset is an ISO 8601 time (Mastodon's rate-limit headers). */
export function mastodonReset(headers: Headers): number | null {
  const reset = headers.get('x-ratelimit-reset');
  if (!reset) return null;
  const at = Date.parse(reset);
  return Number.isNaN(at) ? null : at;
}

/** A query parameter of one of the Link header's targets (rel="next" carries max_id, rel="prev" min_id). */
export function linkParam(headers: Headers, rel: 'next' | 'prev', name: string): string | null {
  for (const part of (headers.get('link') ?? '').split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="?([^";]+)"?/.exec(part);
    if (!match || !match[2]!.split(/\s+/).includes(rel)) continue;
    try {
      return new URL(match[1]!).searchParams.get(name);
    } catch {
      return null;
    }
  }
  return null;
}
