// Browser mode (and a development build) has no updater: the desktop app updates itself.
import type { UpdateState } from '@shared/updates';
import type { Updater } from '../ports';

export function createNoUpdater(reason: 'browser-mode' | 'development' = 'browser-mode', builtInFeedUrl: string | null = null): Updater {
  const state: UpdateState = { status: 'unsupported', reason };
  return {
    builtInFeedUrl,
    state: () => state,
    onState: () => () => {},
    configure: () => {},
    check: async () => {},
    download: async () => {},
    quitAndInstall: () => {},
  };
}
