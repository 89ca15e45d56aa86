// The platforms an agent can connect real accounts for, and what the account screen asks for.
import type { Platform } from './domain';

export const ACCOUNT_CONNECTORS = ['mastodon', 'x', 'meta', 'email', 'bluesky'] as const;
/** The demo workspace's accounts: fed by the simulator, no credentials. */
export const DEMO_CONNECTOR = 'simulator';
export type AccountConnector = (typeof ACCOUNT_CONNECTORS)[number];

type EmailField = 'address' | 'fromName' | 'username' | 'imapHost' | 'imapPort' | 'imapTls' | 'smtpHost' | 'smtpPort' | 'smtpTls' | 'backfillDays';

export interface AccountConnectorInfo {
  platform: Platform;
  /** The settings fields the account screen shows (besides the secret). */
  fields: readonly EmailField[] | readonly ('instanceUrl' | 'backfillDays')[] | readonly ('handle' | 'serviceUrl' | 'backfillDays')[];
  /** What the secret is called for this platform. */
  secret: 'accessToken' | 'password' | 'appPassword';
  /** The agent can also sign in in the browser (OAuth) instead of pasting the secret. */
  browserSignIn?: boolean;
}

export const ACCOUNT_CONNECTOR_INFO: Record<AccountConnector, AccountConnectorInfo> = {
  // OAuth on any instance (startMastodonSignIn), or an access token the agent created there.
  mastodon: { platform: 'mastodon', fields: ['instanceUrl', 'backfillDays'], secret: 'accessToken', browserSignIn: true },
  // An OAuth 2.0 user access token with tweet.read, tweet.write, users.read, dm.read, dm.write.
  x: { platform: 'x', fields: ['backfillDays'], secret: 'accessToken' },
  email: {
    platform: 'email',
    fields: ['address', 'fromName', 'username', 'imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls', 'backfillDays'],
    secret: 'password',
  },
  // A Page access token (pages_show_list, pages_read_engagement, pages_read_user_content,
  // pages_manage_engagement, pages_messaging; for the linked Instagram account instagram_basic,
  // instagram_manage_comments, instagram_manage_messages). The Page is the token's own.
  meta: { platform: 'facebook', fields: ['backfillDays'], secret: 'accessToken' },
  // Handle and an app password (Settings → Privacy and security → App passwords); any PDS.
  bluesky: { platform: 'bluesky', fields: ['handle', 'serviceUrl', 'backfillDays'], secret: 'appPassword' },
};
