// The Updates form: values ↔ settings, and the feed address checked with the same rule as the
// core (feedUrlProblem), so the agent sees the reason before anything is sent.
import { feedUrlProblem, type FeedUrlProblem, type UpdateChannel, type UpdateSettings, type UpdateSettingsInput } from '@shared/updates';

export interface UpdateFormValues {
  channel: UpdateChannel;
  /** Empty: the feed built into the app. */
  feedUrl: string;
  autoDownload: boolean;
}

export function toFormValues(settings: UpdateSettings | undefined): UpdateFormValues {
  return { channel: settings?.channel ?? 'stable', feedUrl: settings?.feedUrl ?? '', autoDownload: settings?.autoDownload ?? true };
}

/** What is wrong with the feed address (an empty one means the built-in feed). */
export function feedProblem(values: UpdateFormValues): Exclude<FeedUrlProblem, 'empty'> | null {
  if (values.feedUrl.trim() === '') return null;
  return feedUrlProblem(values.feedUrl) as Exclude<FeedUrlProblem, 'empty'> | null;
}

export function toSettingsInput(values: UpdateFormValues): UpdateSettingsInput {
  const feedUrl = values.feedUrl.trim();
  return { channel: values.channel, feedUrl: feedUrl === '' ? null : feedUrl, autoDownload: values.autoDownload };
}
