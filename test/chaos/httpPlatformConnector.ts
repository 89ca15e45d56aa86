// A small connector for the chaos test's platform fake: the reply's idempotency key goes in an
// Idempotency-Key header, as Mastodon's API takes it. It uses node:http rather than fetch,
// which Node loads on first use at a cost every restart of the desk would pay again.
import { request } from 'node:http';
import { z } from 'zod';
import { MalformedPayloadError, RejectedError, TransientError, type Connector, type SendRequest, type SendResult } from '../../src/main/core/connectors/connector';

const postSchema = z.object({ id: z.string(), created_at: z.number() });
const TIMEOUT_MS = 5_000;

function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => reject(new TransientError(`The chaos platform's answer broke off: ${error.message}`)));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => reject(new TransientError(`Cannot reach the chaos platform: ${error.message}`)));
    req.end(JSON.stringify(body));
  });
}

export function createHttpPlatformConnector(baseUrl: string): Connector {
  return {
    async pull() {
      return { items: [], cursor: null, more: false };
    },
    async verify() {
      return { handle: '@chaos', name: 'Chaos platform' };
    },
    async send(send: SendRequest): Promise<SendResult> {
      const { status, text } = await postJson(
        `${baseUrl}/posts`,
        { 'Idempotency-Key': send.idempotencyKey },
        { thread: send.conversationPlatformId, body: send.body, in_reply_to: send.inReplyToPlatformId },
      );
      if (status >= 500) throw new TransientError(`The chaos platform is having trouble (HTTP ${status})`);
      if (status >= 400) throw new RejectedError(`The chaos platform refused the reply (HTTP ${status}): ${text.slice(0, 200)}`);
      let parsed;
      try {
        parsed = postSchema.safeParse(JSON.parse(text));
      } catch {
        throw new MalformedPayloadError('The chaos platform sent a response that is not JSON');
      }
      if (!parsed.success) throw new MalformedPayloadError('The chaos platform sent an unexpected payload');
      return { platformId: parsed.data.id, sentAt: parsed.data.created_at };
    },
  };
}
