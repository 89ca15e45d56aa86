// App updates (#7): the settings an agent chooses (channel, feed, auto-download) and the state
// of the updater, as both the core and the renderer see them.
import { z } from 'zod';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** Plain http is only for a feed on this computer (a local mirror, tests). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
export const MAX_FEED_URL_LENGTH = 2000;

export type FeedUrlProblem = 'empty' | 'too-long' | 'not-a-url' | 'not-http' | 'insecure' | 'credentials' | 'fragment';

/** Why an address cannot be an update feed, or null when it can. */
export function feedUrlProblem(text: string): FeedUrlProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_FEED_URL_LENGTH) return 'too-long';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'not-a-url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-http';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'insecure';
  // Stored in SQLite: a password in the address would be a secret there.
  if (url.username !== '' || url.password !== '') return 'credentials';
  // electron-updater appends the manifest's name to the path; a fragment would swallow it.
  if (url.hash !== '' || trimmed.endsWith('#')) return 'fragment';
  return null;
}

export const FEED_URL_PROBLEMS: Record<FeedUrlProblem, string> = {
  empty: 'Enter the address of the update feed, or leave the override off',
  'too-long': `An update feed address has at most ${MAX_FEED_URL_LENGTH} characters`,
  'not-a-url': 'That is not a web address: enter it as https://updates.example.com/shiftdesk',
  'not-http': 'An update feed is an https:// address',
  insecure: 'Use https:// for an update feed (plain http:// only for 127.0.0.1 or localhost)',
  credentials: 'Leave the user name and password out of the feed address',
  fragment: 'Leave the #… part out of the feed address',
};

const feedUrl = z
  .string()
  .trim()
  .superRefine((text, context) => {
    const problem = feedUrlProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: FEED_URL_PROBLEMS[problem] });
  })
  .transform((text) => new URL(text).href);

export const updateSettingsInputSchema = z
  .object({
    channel: z.enum(UPDATE_CHANNELS),
    /** An override of the feed built into the app; null: the built-in one. */
    feedUrl: feedUrl.nullable(),
    autoDownload: z.boolean(),
  })
  .strict();

export type UpdateSettingsInput = z.input<typeof updateSettingsInputSchema>;

export interface UpdateSettings {
  channel: UpdateChannel;
  /** The agent's override (null: the built-in feed). */
  feedUrl: string | null;
  /** The feed this build was made with (app-update.yml); null when it has none. */
  builtInFeedUrl: string | null;
  autoDownload: boolean;
}

export const DEFAULT_UPDATE_SETTINGS = { channel: 'stable', feedUrl: null, autoDownload: true } as const satisfies Omit<UpdateSettings, 'builtInFeedUrl'>;

export type UpdateState =
  /** No updater here: browser mode (the desktop app updates itself) or a development build. */
  | { status: 'unsupported'; reason: 'browser-mode' | 'development' }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'not-available'; checkedAt: number }
  | { status: 'available'; version: string; notes: string | null }
  | { status: 'downloading'; version: string; percent: number; bytesPerSecond: number; transferred: number; total: number }
  | { status: 'ready'; version: string; notes: string | null }
  | { status: 'error'; message: string };

export type UpdateStatus = UpdateState['status'];
