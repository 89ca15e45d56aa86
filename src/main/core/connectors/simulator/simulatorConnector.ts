// The demo connector: talks to a simulated platform exactly as a real connector talks to its
// platform's API (cursor paging, idempotent sends, typed errors), with network latency.
import type { Platform } from '@shared/domain';
import { avatarUrlOf } from '../avatarUrl';
import { TransientError, type Connector, type InboundAuthor, type PullResult, type SendRequest, type SendResult } from '../connector';
import type { GeneratedAuthor } from './generator';
import type { SimulatedPlatform } from './platform';

const PAGE_SIZE = 100;

export const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  facebook: 'Facebook',
  instagram: 'Instagram',
  email: 'the mail server',
};

/** The author as the simulated platform stored it; an avatar only if it is a plain http(s) URL. */
const authorOf = (author: GeneratedAuthor): InboundAuthor => ({ ...author, avatarUrl: avatarUrlOf(author.avatarUrl) });

export function createSimulatorConnector(
  platform: SimulatedPlatform,
  account: { id: string; platform: Platform },
  latencyMs = 120,
): Connector {
  const reach = async () => {
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (!platform.isReachable(account.id)) {
      throw new TransientError(`Cannot reach ${PLATFORM_NAMES[account.platform]} (simulated outage)`);
    }
  };
  return {
    async pull(cursor: string | null): Promise<PullResult> {
      await reach();
      const after = cursor === null ? 0 : Number(cursor);
      const page = platform.listSince(account.id, Number.isFinite(after) ? after : 0, PAGE_SIZE);
      const last = page.items.at(-1);
      return {
        items: page.items.map((item) => ({
          platformId: item.platformId,
          conversation: { platformId: item.conversationPlatformId, kind: item.kind, subject: item.subject },
          author: authorOf(item.author),
          direction: 'in',
          body: item.body,
          createdAt: item.createdAt,
          language: item.language,
        })),
        cursor: last ? String(last.seq) : cursor,
        more: page.more,
      };
    },
    // Like the real platforms: X, Bluesky and Mastodon can search; the others cannot.
    ...(account.platform === 'x' || account.platform === 'bluesky'
      ? {
          async search(query: string, cursor: string | null): Promise<PullResult> {
            await reach();
            const after = cursor === null ? 0 : Number(cursor);
            const page = platform.search(account.id, query, Number.isFinite(after) ? after : 0, PAGE_SIZE);
            const last = page.items.at(-1);
            return {
              items: page.items.map((item) => ({
                platformId: item.platformId,
                conversation: { platformId: item.conversationPlatformId, kind: item.kind },
                author: authorOf(item.author),
                direction: 'in' as const,
                body: item.body,
                createdAt: item.createdAt,
                language: item.language,
              })),
              cursor: last ? String(last.seq) : cursor,
              more: page.more,
            };
          },
        }
      : {}),
    async verify() {
      await reach();
      return { handle: account.id, name: `${PLATFORM_NAMES[account.platform]} (simulated)` };
    },
    async send(request: SendRequest): Promise<SendResult> {
      await reach();
      const post = platform.post(account.id, request);
      return { platformId: post.platformId, sentAt: post.createdAt };
    },
  };
}
