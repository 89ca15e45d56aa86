// The parts of the X API v2 the connector reads, as documented (Tweet, User, DM event objects;
// meta with newest_id / next_token; x-rate-limit-* headers with a Unix reset time).
import { z } from 'zod';

export const xUser = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  username: z.string().min(1),
  verified: z.boolean().optional(),
  public_metrics: z.looseObject({ followers_count: z.number().int().nonnegative().default(0) }).optional(),
});

export const xTweet = z.looseObject({
  id: z.string().min(1),
  text: z.string(),
  author_id: z.string().min(1),
  created_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
  conversation_id: z.string().min(1),
  lang: z.string().optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
});

export const xDmEvent = z.looseObject({
  id: z.string().min(1),
  event_type: z.string(),
  text: z.string().optional(),
  sender_id: z.string().optional(),
  dm_conversation_id: z.string().optional(),
  created_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
});

const meta = z.looseObject({ result_count: z.number().optional(), newest_id: z.string().optional(), next_token: z.string().optional() }).optional();
const includes = z.looseObject({ users: z.array(z.unknown()).optional() }).optional();

/** A page: the items stay raw so one malformed item can be told from the others. */
export const xPage = z.looseObject({ data: z.array(z.unknown()).optional(), includes, meta });

export const xMe = z.looseObject({ data: xUser });
export const xPostedTweet = z.looseObject({ data: z.looseObject({ id: z.string().min(1), text: z.string() }) });
export const xPostedDm = z.looseObject({ data: z.looseObject({ dm_conversation_id: z.string(), dm_event_id: z.string().min(1) }) });

export type XUser = z.output<typeof xUser>;
export type XTweet = z.output<typeof xTweet>;
export type XDmEvent = z.output<typeof xDmEvent>;

/** Tweet and event ids are decimal snowflakes: compare as numbers. */
export function compareSnowflakes(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** x-rate-limit-reset is a Unix time in seconds (X sends no Retry-After). */
export function xReset(headers: Headers): number | null {
  const reset = Number(headers.get('x-rate-limit-reset'));
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : null;
}
