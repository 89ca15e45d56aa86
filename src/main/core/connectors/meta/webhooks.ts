// Meta webhooks (Graph API, Messenger, Instagram): the subscription handshake and the
// X-Hub-Signature-256 check of every delivery ("sha256=" + hex HMAC-SHA256 of the raw body,
// keyed with the app secret).
import { createHmac, timingSafeEqual } from 'node:crypto';

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
