// The parts of Meta's Graph API the connector reads, as documented (developers.facebook.com):
// Page and Page Post, Comment (filter=stream gives `parent`), Conversation and Message (Messenger
// and Instagram messaging), IG Media and IG Comment (`replies`, `parent_id`, `from`), the IG User
// mention edges (`tags`, `mentioned_media`, `mentioned_comment`, POST `mentions`), cursor
// paging ({data, paging: {cursors: {after}, next}}), the error object
// {error: {message, type, code, error_subcode, fbtrace_id}} and the usage headers X-App-Usage and
// X-Business-Use-Case-Usage (estimated_time_to_regain_access in minutes).
import { z } from 'zod';
import { AuthError, RateLimitError, RejectedError, TransientError, type ConnectorError } from '../connector';

/** Graph times look like 2026-11-23T09:00:00+0000. */
const graphTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

/** A page of an edge: the items stay raw so one malformed item can be told from the others. */
export const graphPage = z.looseObject({
  data: z.array(z.unknown()),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      // Documented: no `next` on the last page.
      next: z.string().optional(),
    })
    .optional(),
});

/** A Page Post (GET /{page-id}/feed). Only its id is needed to read its comments. */
export const fbPost = z.looseObject({
  id: z.string().min(1),
  message: z.string().optional(),
  created_time: graphTime.optional(),
  // Documented: changes when the post is edited or someone comments on it.
  updated_time: graphTime.optional(),
});

export const fbComment = z.looseObject({
  id: z.string().min(1),
  // A comment with only a photo or sticker has no message.
  message: z.string().default(''),
  created_time: graphTime,
  // Left out when Meta withholds the commenter's profile.
  from: z.looseObject({ id: z.string().min(1), name: z.string().default('') }).optional(),
  parent: z.looseObject({ id: z.string().min(1) }).optional(),
});

/** A Messenger or Instagram conversation (GET /{page-id}/conversations). */
export const metaConversation = z.looseObject({ id: z.string().min(1), updated_time: graphTime.optional() });

export const metaMessage = z.looseObject({
  id: z.string().min(1),
  created_time: graphTime,
  // Empty for a message that is only an attachment.
  message: z.string().default(''),
  // Messenger: {id, name, email}; Instagram: {id, username}.
  from: z.looseObject({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() }),
  to: z
    .looseObject({ data: z.array(z.looseObject({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() })) })
    .optional(),
});

export const igMedia = z.looseObject({
  id: z.string().min(1),
  caption: z.string().optional(),
  timestamp: graphTime.optional(),
  // Documented: includes replies to comments.
  comments_count: z.number().int().nonnegative().optional(),
});

export const igComment = z.looseObject({
  id: z.string().min(1),
  text: z.string().default(''),
  timestamp: graphTime,
  username: z.string().optional(),
  from: z.looseObject({ id: z.string().min(1), username: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
  // The replies edge, expanded: parsed one by one.
  replies: z.looseObject({ data: z.array(z.unknown()) }).optional(),
});

/** Media the Instagram account is tagged in (GET /{ig-user-id}/tags): someone else's post. */
export const igTaggedMedia = z.looseObject({
  id: z.string().min(1),
  caption: z.string().optional(),
  // The media owner's username.
  username: z.string().optional(),
  timestamp: graphTime,
  permalink: z.string().optional(),
  media_type: z.string().optional(),
});

/** GET /{ig-user-id}?fields=mentioned_media.media_id({media-id}){...}: a caption @mention. */
export const igMentionedMedia = z.looseObject({
  id: z.string().min(1).optional(),
  caption: z.string().optional(),
  username: z.string().optional(),
  timestamp: graphTime,
  permalink: z.string().optional(),
  // Read only when a resend looks for its earlier reply.
  comments: z.looseObject({ data: z.array(z.unknown()) }).optional(),
});

/** GET /{ig-user-id}?fields=mentioned_comment.comment_id({comment-id}){...}: a comment @mention. */
export const igMentionedComment = z.looseObject({
  id: z.string().min(1).optional(),
  text: z.string().default(''),
  timestamp: graphTime,
  username: z.string().optional(),
  media: z.looseObject({ id: z.string().min(1) }).optional(),
});

export const metaPageNode = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  username: z.string().optional(),
  instagram_business_account: z.looseObject({ id: z.string().min(1), username: z.string().optional() }).optional(),
});

export const igUserNode = z.looseObject({ id: z.string().min(1), username: z.string().default('') });

/** POST /{comment-id}/comments, POST /{ig-comment-id}/replies and POST /{ig-user-id}/mentions answer {id}. */
export const createdObject = z.looseObject({ id: z.string().min(1) });

/** The Send API answers {recipient_id, message_id}. */
export const sentMessage = z.looseObject({ recipient_id: z.string().optional(), message_id: z.string().min(1) });

export const graphError = z.looseObject({
  message: z.string().default(''),
  type: z.string().optional(),
  code: z.number().int(),
  error_subcode: z.number().int().optional(),
  error_user_msg: z.string().optional(),
  is_transient: z.boolean().optional(),
  fbtrace_id: z.string().optional(),
});
export const graphErrorBody = z.looseObject({ error: graphError });

export type FbPost = z.output<typeof fbPost>;
export type FbComment = z.output<typeof fbComment>;
export type MetaMessage = z.output<typeof metaMessage>;
export type IgMedia = z.output<typeof igMedia>;
export type IgComment = z.output<typeof igComment>;
export type IgTaggedMedia = z.output<typeof igTaggedMedia>;
export type IgMentionedMedia = z.output<typeof igMentionedMedia>;
export type IgMentionedComment = z.output<typeof igMentionedComment>;
export type GraphError = z.output<typeof graphError>;

/** The time of a raw item's field, or null when it has none that parses. */
export function rawTime(raw: unknown, field: string): number | null {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

export function rawId(raw: unknown): string | null {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
  return typeof value === 'string' && value ? value : null;
}

// ---- Throttling -------------------------------------------------------------------------------

/** Throttling codes: app (4), user (17), Page (32), this call (613), business use case (80000-80099). */
export function isRateLimitCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80_000 && code < 80_100);
}

/** With no estimate from Meta, wait this long: its windows are a rolling hour. */
export const DEFAULT_THROTTLE_WAIT_MS = 15 * 60_000;

function readJsonHeader(headers: Headers, name: string): unknown {
  const value = headers.get(name);
  if (!value) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

const usageNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export interface MetaUsage {
  /** Highest of X-App-Usage call_count / total_time / total_cputime, in percent. */
  app: number | null;
  /** Highest use of any business use case in X-Business-Use-Case-Usage, in percent. */
  business: number | null;
  /** Longest estimated_time_to_regain_access, in minutes. */
  regainMinutes: number | null;
}

/** Reads X-App-Usage and X-Business-Use-Case-Usage ({"<id>": [{type, call_count, ..., estimated_time_to_regain_access}]}). */
export function readUsage(headers: Headers): MetaUsage {
  const usage: MetaUsage = { app: null, business: null, regainMinutes: null };
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  const percents = (entry: Record<string, unknown>) =>
    [entry.call_count, entry.total_time, entry.total_cputime].map(usageNumber).reduce<number | null>(max, null);

  const app = readJsonHeader(headers, 'x-app-usage');
  if (app && typeof app === 'object') usage.app = percents(app as Record<string, unknown>);
  // X-Page-Usage has the shape of one business use case entry.
  for (const name of ['x-business-use-case-usage', 'x-page-usage']) {
    const value = readJsonHeader(headers, name);
    if (!value || typeof value !== 'object') continue;
    const entries = name === 'x-page-usage' ? [value] : Object.values(value as Record<string, unknown>).flat();
    for (const entry of entries) {
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      usage.business = max(usage.business, percents(e));
      usage.regainMinutes = max(usage.regainMinutes, usageNumber(e.estimated_time_to_regain_access));
    }
  }
  return usage;
}

/** When Meta says access comes back (UTC ms), or null when it gives no estimate. */
export function metaReset(headers: Headers, now: number): number | null {
  const { regainMinutes } = readUsage(headers);
  return regainMinutes !== null && regainMinutes > 0 ? now + regainMinutes * 60_000 : null;
}

// ---- Errors -----------------------------------------------------------------------------------

/** The messaging window subcodes: Messenger (10/2018278) and Instagram (10/2534022). */
const WINDOW_SUBCODES = new Set([2018278, 2534022]);

export const WINDOW_HOURS = 24;

export function windowMessage(hoursAgo: number | null): string {
  const ago = hoursAgo === null ? `more than ${WINDOW_HOURS} hours ago` : `${hoursAgo} hour${hoursAgo === 1 ? '' : 's'} ago`;
  return `Meta only allows replies within ${WINDOW_HOURS} hours of the customer's last message; their last message was ${ago}`;
}

/** Meta refused a message because the customer's 24-hour messaging window is closed. */
export class MessagingWindowError extends RejectedError {
  constructor(readonly hoursAgo: number | null = null) {
    super(windowMessage(hoursAgo));
  }
}

function detail(error: GraphError): string {
  const text = (error.error_user_msg || error.message || error.type || '').slice(0, 300);
  const codes = `code ${error.code}${error.error_subcode ? `/${error.error_subcode}` : ''}`;
  return `${text} (${codes}${error.fbtrace_id ? `, trace ${error.fbtrace_id}` : ''})`;
}

/** Turns a Graph API error into the connector's typed error. */
export function fromGraphError(error: GraphError, status: number, headers: Headers, now: number): ConnectorError {
  const { code } = error;
  if (isRateLimitCode(code) || status === 429) {
    const usage = readUsage(headers);
    const at = metaReset(headers, now) ?? now + DEFAULT_THROTTLE_WAIT_MS;
    const used = [usage.app !== null ? `app ${usage.app}%` : null, usage.business !== null ? `business use case ${usage.business}%` : null].filter(Boolean);
    return new RateLimitError(
      `Meta asked to slow down until ${new Date(at).toISOString()}${used.length ? ` (usage: ${used.join(', ')})` : ''}: ${detail(error)}`,
      at,
    );
  }
  if (code === 190 || code === 102) {
    return new AuthError(`Meta no longer accepts the Page access token (expired or revoked): sign in again with a new one. ${detail(error)}`);
  }
  if (code === 10 && (WINDOW_SUBCODES.has(error.error_subcode ?? 0) || /outside (of )?(the )?allowed window/i.test(error.message))) {
    return new MessagingWindowError();
  }
  if (code === 551) return new RejectedError(`Meta cannot deliver to this person right now (they may have blocked the Page or left): ${detail(error)}`);
  if (error.is_transient || code === 1 || code === 2 || status >= 500) return new TransientError(`Meta is having trouble: ${detail(error)}`);
  if (code === 3 || code === 10 || (code >= 200 && code < 300)) {
    return new RejectedError(`The Page access token lacks a permission Meta requires for this: ${detail(error)}`);
  }
  return new RejectedError(`Meta refused the request: ${detail(error)}`);
}
