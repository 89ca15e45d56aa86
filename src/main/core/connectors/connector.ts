// What every platform connector implements; the simulator implements it exactly as the real
// connectors do, so the sync engine cannot tell them apart.
import type { ConversationKind, Direction } from '@shared/domain';

export interface InboundAuthor {
  platformId: string;
  handle: string;
  displayName: string;
  language?: string | null;
  followers?: number;
  verified?: boolean;
  profileUrl?: string | null;
  /** From avatarUrlOf: an http(s) URL or null. */
  avatarUrl?: string | null;
}

export interface InboundItem {
  /** The message's id on the platform: writes are idempotent on it. */
  platformId: string;
  conversation: { platformId: string; kind: ConversationKind; subject?: string | null };
  author: InboundAuthor;
  /** 'out' for the account's own posts seen on the platform (e.g. replies made elsewhere). */
  direction: Direction;
  body: string;
  createdAt: number;
  language?: string | null;
  /** The platform id of the message this one answers: it joins that message's conversation. */
  replyTo?: string | null;
  /**
   * An earlier post of the thread, fetched so the agent can read what the customer answers. It
   * is shown in its conversation but awaits no answer, is never urgent and starts nothing:
   * without a conversation to join, it is passed over. Hand it over after the posts it explains.
   */
  context?: boolean;
}

export interface PullResult {
  items: InboundItem[];
  /** Opaque: the connector alone knows what it means. Stored after the page is ingested. */
  cursor: string | null;
  /** True when the platform has more right now: pull again without waiting. */
  more: boolean;
}

export interface SendRequest {
  /** Client-generated before the send was recorded; the same key on a resend must not post twice. */
  idempotencyKey: string;
  conversationPlatformId: string;
  kind: ConversationKind;
  inReplyToPlatformId: string | null;
  /** The customer's handle, for platforms where a reply must mention them (e-mail: the address). */
  customerHandle: string | null;
  /** The conversation's subject (e-mail). */
  subject: string | null;
  /** When the agent sent it (UTC ms): the same on every attempt. */
  queuedAt: number;
  body: string;
  /**
   * 1 on the first try. Above 1 the platform may already have the post (a crash or a lost
   * answer): connectors of platforms without idempotency keys look for it before posting.
   */
  attempt: number;
}

export interface SendResult {
  platformId: string;
  sentAt: number;
}

export interface ConnectedIdentity {
  handle: string;
  name: string;
  /** The longest reply the platform takes from this account, where it varies by server (a Mastodon instance's limit). */
  replyLimit?: number | undefined;
}

/** Given to a pull during an account's first sync. */
export interface PullControl {
  /**
   * Aborted when the agent stops the first sync: read no further back, hand over what was
   * read, with a cursor from which later pulls bring new messages only.
   */
  signal: AbortSignal;
  /** Share (0..1) of the backfill window read so far. */
  progress(fraction: number): void;
}

/** Progress of a backfill that reads newest first: the share of [since, now] read back to `reachedAt`. */
export function readBackProgress(since: number, reachedAt: number, now: number): number {
  if (now <= since) return 1;
  return Math.min(1, Math.max(0, (now - reachedAt) / (now - since)));
}

export interface Connector {
  /** How many days the first sync reads back; absent where there is no first sync (the demo). */
  readonly backfillDays?: number;
  /**
   * How often to pull when nothing is pending (ms), within the platform's rate limits. The
   * sync engine's own interval applies when the connector does not say (the demo, tests).
   */
  readonly pollIntervalMs?: number;
  pull(cursor: string | null, control?: PullControl): Promise<PullResult>;
  send(request: SendRequest): Promise<SendResult>;
  /** Checks the credentials and says whose they are (the account screen's connection test). */
  verify(): Promise<ConnectedIdentity>;
  /**
   * Listening: public posts matching a query, newest-first searches read back to the cursor,
   * handed over oldest first. Absent where the platform offers no search.
   */
  search?(query: string, cursor: string | null): Promise<PullResult>;
  /**
   * Push where the platform offers it (IMAP IDLE): calls onNews when something new may be
   * there, so it is pulled at once instead of at the next poll. Returns a function that stops.
   */
  watch?(onNews: () => void): () => void;
}

export type ConnectorErrorKind = 'auth' | 'rate-limit' | 'transient' | 'rejected' | 'malformed';

export abstract class ConnectorError extends Error {
  abstract readonly kind: ConnectorErrorKind;
  /** Why the platform refused, in its own words (a 4xx body's error_description, detail or message). */
  detail?: string;
  /** The HTTP status of a refused request (403, 456 ...), for callers that tell them apart. */
  status?: number;
}

/** Credentials expired or revoked: the account needs sign-in; retrying will not help. */
export class AuthError extends ConnectorError {
  readonly kind = 'auth';
  override name = 'AuthError';
}

/** The platform asked us to slow down until resetAt (UTC ms), read from its headers. */
export class RateLimitError extends ConnectorError {
  readonly kind = 'rate-limit';
  override name = 'RateLimitError';
  constructor(message: string, readonly resetAt: number) {
    super(message);
  }
}

/** Network down, timeout, 5xx: retry later with backoff. */
export class TransientError extends ConnectorError {
  readonly kind = 'transient';
  override name = 'TransientError';
}

/** The platform refused this action for good (deleted post, closed messaging window ...). */
export class RejectedError extends ConnectorError {
  readonly kind = 'rejected';
  override name = 'RejectedError';
}

/** The platform sent something we cannot read. */
export class MalformedPayloadError extends ConnectorError {
  readonly kind = 'malformed';
  override name = 'MalformedPayloadError';
}

/** Anything a connector throws that is not typed is treated as transient. */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  return new TransientError(error instanceof Error ? error.message : String(error));
}
