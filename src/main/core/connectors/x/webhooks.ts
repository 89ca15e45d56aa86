// X Account Activity webhooks: the CRC answer and the signature check of every delivery.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The body to answer a CRC GET with: {"response_token": "sha256=…"}. */
export function crcResponse(crcToken: string, consumerSecret: string): { response_token: string } {
  return { response_token: `sha256=${createHmac('sha256', consumerSecret).update(crcToken).digest('base64')}` };
}

/** True when x-twitter-webhooks-signature matches the raw request body. */
export function verifyXSignature(rawBody: Buffer | string, signatureHeader: string | null | undefined, consumerSecret: string): boolean {
  if (!signatureHeader?.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', consumerSecret).update(rawBody).digest('base64')}`);
  const given = Buffer.from(signatureHeader);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
