// The connectors an agent can add accounts for: each with its platform, the shape of its
// non-secret settings, and how to build it from those settings and the keychain secret.
import { z } from 'zod';
import { ACCOUNT_CONNECTOR_INFO, type AccountConnector } from '@shared/accountConnectors';
import type { Platform } from '@shared/domain';
import type { Connector } from './connector';
import { createMastodonConnector, normalizeInstanceUrl } from './mastodon/mastodonConnector';
import { createMetaConnector } from './meta/metaConnector';
import { createBlueskyConnector } from './bluesky/bluesky';
import { createEmailConnector } from './email/emailConnector';
import { createXConnector } from './x/xConnector';

export interface ConnectorKind<Config> {
  platform: Platform;
  /** Validates (and normalises) the settings the account screen collects. */
  config: z.ZodType<Config, unknown>;
  create(config: Config, secret: string, fetchImpl?: typeof fetch): Connector;
}

/** Forgets the settings type: create() is only ever called with what config parsed. */
const kind = <Config>(k: ConnectorKind<Config>) => k as unknown as ConnectorKind<Record<string, unknown>>;

const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}`)
    .transform((value, ctx) => {
      try {
        return normalizeInstanceUrl(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });

const instanceUrl = httpsUrl('instance address');
const host = z.string().trim().min(1, 'Enter the server name').max(253).regex(/^[a-z0-9.:[\]-]+$/i, 'Not a server name');
const port = z.number().int().min(1).max(65535);

export const CONNECTOR_KINDS: Record<AccountConnector, ConnectorKind<Record<string, unknown>>> = {
  mastodon: kind({
    platform: ACCOUNT_CONNECTOR_INFO.mastodon.platform,
    // replyLimit: the instance's status length, read when the account is added.
    config: z.object({ instanceUrl, backfillDays: z.number().int().min(0).max(90).optional(), replyLimit: z.number().int().min(1).max(1_000_000).optional() }).strict(),
    create: (config, secret, fetchImpl) => createMastodonConnector(config, secret, fetchImpl),
  }),
  x: kind({
    platform: ACCOUNT_CONNECTOR_INFO.x.platform,
    // apiUrl only for tests and proxies: https, or http on loopback.
    config: z.object({ apiUrl: httpsUrl('API address').optional(), backfillDays: z.number().int().min(0).max(7).optional() }).strict(),
    create: (config, secret, fetchImpl) => createXConnector(config, secret, fetchImpl),
  }),
  meta: kind({
    platform: ACCOUNT_CONNECTOR_INFO.meta.platform,
    // pageId and instagramAccountId default to the token's Page and the Instagram account linked to it.
    config: z
      .object({
        pageId: z.string().trim().regex(/^\d{1,30}$/, 'The Page ID is a number').optional(),
        instagramAccountId: z.string().trim().regex(/^\d{1,30}$/, 'The Instagram account ID is a number').optional(),
        apiUrl: httpsUrl('API address').optional(),
        backfillDays: z.number().int().min(0).max(90).optional(),
      })
      .strict(),
    create: (config, secret, fetchImpl) => createMetaConnector(config, secret, fetchImpl),
  }),
  email: kind({
    platform: ACCOUNT_CONNECTOR_INFO.email.platform,
    config: z
      .object({
        address: z.email('Enter the support address'),
        fromName: z.string().trim().max(200).optional(),
        username: z.string().trim().max(320).optional(),
        imapHost: host,
        imapPort: port,
        imapTls: z.boolean(),
        smtpHost: host,
        smtpPort: port,
        smtpTls: z.boolean(),
        backfillDays: z.number().int().min(0).max(90).optional(),
      })
      .strict(),
    create: (config, secret) => createEmailConnector(config, secret),
  }),
  bluesky: kind({
    platform: ACCOUNT_CONNECTOR_INFO.bluesky.platform,
    config: z
      .object({
        handle: z
          .string()
          .trim()
          .toLowerCase()
          .transform((h) => h.replace(/^@/, ''))
          .pipe(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, 'Enter the handle, e.g. aurora.bsky.social')),
        serviceUrl: httpsUrl('PDS address').optional(),
        backfillDays: z.number().int().min(0).max(90).optional(),
      })
      .strict(),
    create: (config, secret) => createBlueskyConnector(config, secret),
  }),
};

export function isConnectorKind(name: string): name is AccountConnector {
  return Object.hasOwn(CONNECTOR_KINDS, name);
}
