// electron-updater behind our own check: an update is offered only when the feed's manifest
// carries a valid Ed25519 signature from the release key shipped in the app and electron-updater
// is about to fetch exactly that release. electron-updater alone checks only the sha512 the
// manifest names (and on Linux deb/rpm, or Windows without publisherName, nothing more).
// createElectronUpdater is the core's Updater port on top of it: the agent's channel, feed and
// auto-download applied, and electron-updater's events turned into the contract's UpdateState.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateState } from '@shared/updates';
import type { Logger, Updater, UpdaterConfig } from '../core/ports';
import { SignedUpdateFeed, UpdateRefusedError, isSameRelease, manifestFileName, parseAppUpdateConfig } from '../core/update';

export interface SignatureGuardOptions {
  /** The feed electron-updater reads (app-update.yml's, or the agent's override). */
  feedUrl: string | (() => string);
  /** The channel in app-update.yml; electron-updater's own `channel` wins when set. */
  configChannel?: string;
  publicKeyPem: string;
  platform: NodeJS.Platform;
  arch: string;
  logger: Logger;
  fetch?: typeof fetch;
  /** Told why a release was refused (electron-updater itself then reports "not available"). */
  onRefused?: (message: string) => void;
}

type GuardedUpdater = Pick<AppUpdater, 'channel' | 'isUpdateSupported'>;

/**
 * Makes electron-updater treat any release whose manifest we cannot verify as "not available":
 * `isUpdateSupported` runs after it read the manifest and before it downloads anything, and
 * its download only ever uses the UpdateInfo that passed here.
 */
export function guardUpdatesWithSignature(updater: GuardedUpdater, options: SignatureGuardOptions): void {
  const builtInCheck = updater.isUpdateSupported;
  updater.isUpdateSupported = async (offered: UpdateInfo) => {
    const manifestName = manifestFileName(updater.channel ?? options.configChannel ?? 'latest', options.platform, options.arch);
    const feedUrl = typeof options.feedUrl === 'string' ? options.feedUrl : options.feedUrl();
    const feed = new SignedUpdateFeed({ feedUrl, publicKeyPem: options.publicKeyPem, manifestName, fetch: options.fetch });
    try {
      const { manifest, manifestUrl } = await feed.check();
      if (!isSameRelease(manifest, offered)) {
        options.logger.warn('update refused: the release offered differs from the signed manifest', {
          offered: offered.version,
          signed: manifest.version,
          manifestUrl,
        });
        options.onRefused?.(`Update ${offered.version} refused: the feed offered other files than the signed manifest names.`);
        return false;
      }
      options.logger.info('update manifest signature verified', { version: manifest.version, manifestUrl });
    } catch (error) {
      const reason = error instanceof UpdateRefusedError ? error.reason : 'error';
      options.logger.warn('update refused', { version: offered.version, reason, error: (error as Error).message });
      options.onRefused?.((error as Error).message);
      return false;
    }
    return builtInCheck(offered);
  };
}

type ElectronAppUpdater = Pick<
  AppUpdater,
  'channel' | 'allowPrerelease' | 'allowDowngrade' | 'autoDownload' | 'isUpdateSupported' | 'setFeedURL' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'on'
>;

export interface ElectronUpdaterOptions {
  /** electron-updater's autoUpdater (loaded lazily: importing it touches Electron's app). */
  load(): Promise<ElectronAppUpdater>;
  /** app-update.yml's feed; null when the build has none. */
  builtInFeedUrl: string | null;
  configChannel?: string;
  publicKeyPem: string;
  platform: NodeJS.Platform;
  arch: string;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}

/** electron-updater's release notes: text, or one entry per version (newest first). */
export function releaseNotesText(notes: UpdateInfo['releaseNotes']): string | null {
  if (notes === null || notes === undefined) return null;
  if (typeof notes === 'string') return notes.trim() || null;
  const text = notes
    .map((entry) => (entry.note ? `${entry.version}\n${entry.note.trim()}` : ''))
    .filter(Boolean)
    .join('\n\n');
  return text || null;
}

/**
 * The Updater port over electron-updater. Staged rollouts stay electron-updater's: its
 * `isUserWithinRollout` compares the manifest's stagingPercentage with a random id kept per
 * install (`.updaterId` in the user data folder), after our guard made sure that percentage is
 * the signed one.
 */
export function createElectronUpdater(options: ElectronUpdaterOptions): Updater {
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: UpdateState) => void>();
  let state: UpdateState = { status: 'idle' };
  let config: UpdaterConfig = { channel: 'stable', feedUrl: options.builtInFeedUrl, autoDownload: true };
  let refusal: string | null = null;
  let offeredVersion = '';
  const set = (next: UpdateState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };

  const apply = (updater: ElectronAppUpdater) => {
    const beta = config.channel === 'beta';
    updater.channel = beta ? 'beta' : 'latest';
    updater.allowPrerelease = beta;
    // After the channel (its setter turns downgrades on): an older version would refuse the
    // database a newer one migrated, so leaving beta waits for a newer stable release.
    updater.allowDowngrade = false;
    updater.autoDownload = config.autoDownload;
    if (config.feedUrl) updater.setFeedURL({ provider: 'generic', url: config.feedUrl, channel: updater.channel ?? undefined });
  };

  let loading: Promise<ElectronAppUpdater> | null = null;
  const updater = () =>
    (loading ??= options.load().then((loaded) => {
      guardUpdatesWithSignature(loaded, {
        feedUrl: () => config.feedUrl ?? '',
        configChannel: options.configChannel,
        publicKeyPem: options.publicKeyPem,
        platform: options.platform,
        arch: options.arch,
        logger: options.logger,
        fetch: options.fetch,
        onRefused: (message) => (refusal = message),
      });
      loaded.on('checking-for-update', () => {
        refusal = null;
        set({ status: 'checking' });
      });
      loaded.on('update-available', (info: UpdateInfo) => {
        offeredVersion = info.version;
        set({ status: 'available', version: info.version, notes: releaseNotesText(info.releaseNotes) });
      });
      // A release our guard refused reaches electron-updater as "not available": say why instead.
      loaded.on('update-not-available', () => set(refusal ? { status: 'error', message: refusal } : { status: 'not-available', checkedAt: now() }));
      loaded.on('download-progress', (progress: ProgressInfo) =>
        set({
          status: 'downloading',
          version: offeredVersion,
          percent: progress.percent,
          bytesPerSecond: progress.bytesPerSecond,
          transferred: progress.transferred,
          total: progress.total,
        }),
      );
      loaded.on('update-downloaded', (info: UpdateInfo) => set({ status: 'ready', version: info.version, notes: releaseNotesText(info.releaseNotes) }));
      loaded.on('error', (error: Error) => {
        options.logger.error('updater error', { error: error.message });
        set({ status: 'error', message: error.message });
      });
      apply(loaded);
      return loaded;
    }));

  const failed = (error: unknown) => {
    if (state.status !== 'error') set({ status: 'error', message: error instanceof Error ? error.message : String(error) });
  };

  return {
    builtInFeedUrl: options.builtInFeedUrl,
    state: () => state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    configure(next) {
      config = next;
      if (loading) void loading.then(apply).catch(failed);
    },
    async check() {
      if (!config.feedUrl) {
        set({ status: 'error', message: 'This build has no update feed: enter one in the update settings.' });
        return;
      }
      // Downloading, or downloaded and waiting for the restart: nothing to check.
      if (state.status === 'downloading' || state.status === 'ready') return;
      try {
        await (await updater()).checkForUpdates();
      } catch (error) {
        failed(error);
      }
    },
    async download() {
      try {
        await (await updater()).downloadUpdate();
      } catch (error) {
        failed(error);
      }
    },
    quitAndInstall() {
      // Restart into the new version (not silent: the installer may need to show itself).
      void updater().then((loaded) => setImmediate(() => loaded.quitAndInstall(false, true)));
    },
  };
}

export interface DesktopUpdaterOptions {
  logger: Logger;
  resourcesPath: string;
  /** Electron's net.fetch: Chromium's network stack (proxy, certificates), as electron-updater uses. */
  fetch: typeof fetch;
}

/**
 * The packaged app's updater: the feed of app-update.yml (when it was built with one,
 * SHIFTDESK_UPDATE_URL), or the one the agent sets. Never throws: a problem becomes the error state.
 */
export function createDesktopUpdater({ logger, resourcesPath, fetch }: DesktopUpdaterOptions): Updater {
  const configFile = join(resourcesPath, 'app-update.yml');
  let builtIn: ReturnType<typeof parseAppUpdateConfig> | null = null;
  if (existsSync(configFile)) {
    try {
      builtIn = parseAppUpdateConfig(readFileSync(configFile, 'utf8'));
    } catch (error) {
      logger.error('app-update.yml unreadable: only a feed set in the settings is used', { error: (error as Error).message });
    }
  } else {
    logger.info('this build has no update feed (app-update.yml): only a feed set in the settings is used');
  }
  return createElectronUpdater({
    load: async () => {
      const { autoUpdater } = await import('electron-updater');
      autoUpdater.logger = logger;
      return autoUpdater;
    },
    builtInFeedUrl: builtIn?.url ?? null,
    configChannel: builtIn?.channel,
    publicKeyPem: readPublicKey(join(resourcesPath, 'resources', 'update-public-key.pem'), logger),
    platform: process.platform,
    arch: process.arch,
    logger,
    fetch,
  });
}

/** Without the release key every update is refused (the guard cannot verify a thing). */
function readPublicKey(file: string, logger: Logger): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    logger.error('update public key unreadable: every update will be refused', { error: (error as Error).message });
    return '';
  }
}
