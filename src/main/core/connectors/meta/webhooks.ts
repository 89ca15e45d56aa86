// Meta webhooks (Graph API, Messenger, Instagram): the subscription handshake, the
// X-Hub-Signature-256 check of every delivery ("sha256=" + hex HMAC-SHA256 of the raw body,
// keyed with the app secret), and the Instagram `mentions` field, the only way Meta tells of a
// caption or comment @mention: {object: 'instagram', entry: [{id: <ig-user-id>, time, changes:
// [{field: 'mentions', value: {media_id, comment_id?}}]}]}. The content is then read with
// MetaConnector.fetchMention.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { MalformedPayloadError } from '../connector';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when X-Hub-Signature-256 matches the raw request body (as received, before any parsing). */
export function verifyMetaSignature(rawBody: Buffer | string, signatureHeader: string | null | undefined, appSecret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader?.trim() ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
}

/**
 * The answer to the verification GET (hub.mode=subscribe&hub.verify_token=…&hub.challenge=…):
 * the challenge when the token is ours, otherwise null (answer 403).
 */
export function subscriptionChallenge(query: URLSearchParams, verifyToken: string): string | null {
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || challenge === null) return null;
  return sameText(query.get('hub.verify_token') ?? '', verifyToken) ? challenge : null;
}

// ---- Instagram mentions -----------------------------------------------------------------------

/** One @mention to read: a caption mention (no commentId) or a comment mention. */
export interface MentionRef {
  /** The Instagram professional account that was mentioned (entry.id): routes to its account. */
  igUserId: string;
  mediaId: string;
  commentId: string | null;
}

/** The delivery does not carry our signature: answer 403 and read nothing of it. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/** Graph ids are numeric strings; anything else would be pasted into a field expansion. */
export const graphId = z.string().regex(/^[0-9]+$/, 'not a Graph id');

const mentionValue = z.looseObject({ media_id: graphId, comment_id: graphId.optional() });
const webhookBody = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().min(1),
      // Messaging deliveries carry `messaging` instead.
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).optional(),
    }),
  ),
});

function issueText(error: z.ZodError, prefix: (string | number)[] = []): string {
  const issue = error.issues[0];
  return `${[...prefix, ...(issue?.path ?? [])].join('.') || 'body'}: ${issue?.message}`;
}

/**
 * The mentions a webhook delivery asks us to read, once each, in delivery order. The signature
 * is checked first, on the raw body as received; a delivery for another object (a Page) or other
 * fields (comments, story insights) holds none. Throws WebhookSignatureError for a delivery we
 * did not sign for, MalformedPayloadError for a signed one we cannot read.
 */
export function mentionsFromWebhook(rawBody: Buffer | string, signatureHeader: string | null | undefined, appSecret: string): MentionRef[] {
  if (!verifyMetaSignature(rawBody, signatureHeader, appSecret)) {
    throw new WebhookSignatureError('The webhook delivery is not signed with the app secret (X-Hub-Signature-256): ignored');
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    throw new MalformedPayloadError('Meta sent a webhook delivery that is not JSON');
  }
  const body = webhookBody.safeParse(json);
  if (!body.success) throw new MalformedPayloadError(`Meta sent a webhook delivery that cannot be read (${issueText(body.error)})`);
  if (body.data.object !== 'instagram') return [];

  const refs = new Map<string, MentionRef>();
  body.data.entry.forEach((entry, e) => {
    (entry.changes ?? []).forEach((change, c) => {
      if (change.field !== 'mentions') return;
      const value = mentionValue.safeParse(change.value);
      if (!value.success) {
        throw new MalformedPayloadError(`Meta sent a mention that cannot be read (${issueText(value.error, ['entry', e, 'changes', c, 'value'])})`);
      }
      const ref: MentionRef = { igUserId: entry.id, mediaId: value.data.media_id, commentId: value.data.comment_id ?? null };
      // Meta may deliver the same change more than once.
      refs.set(`${ref.igUserId}/${ref.mediaId}/${ref.commentId ?? ''}`, ref);
    });
  });
  return [...refs.values()];
}
