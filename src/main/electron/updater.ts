// electron-updater behind our own check: an update is offered only when the feed's manifest
// carries a valid Ed25519 signature from the release key shipped in the app and electron-updater
// is about to fetch exactly that release. electron-updater alone checks only the sha512 the
// manifest names (and on Linux deb/rpm, or Windows without publisherName, nothing more).
// Only the check for updates is wired here; download progress and "restart to update" come later.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { Logger } from '../core/ports';
import { SignedUpdateFeed, UpdateRefusedError, isSameRelease, manifestFileName, parseAppUpdateConfig } from '../core/update';

export interface SignatureGuardOptions {
  /** The feed in app-update.yml (the one electron-updater reads). */
  feedUrl: string;
  /** The channel in app-update.yml; electron-updater's own `channel` wins when set. */
  configChannel?: string;
  publicKeyPem: string;
  platform: NodeJS.Platform;
  arch: string;
  logger: Logger;
  fetch?: typeof fetch;
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
    const feed = new SignedUpdateFeed({ feedUrl: options.feedUrl, publicKeyPem: options.publicKeyPem, manifestName, fetch: options.fetch });
    try {
      const { manifest, manifestUrl } = await feed.check();
      if (!isSameRelease(manifest, offered)) {
        options.logger.warn('update refused: the release offered differs from the signed manifest', {
          offered: offered.version,
          signed: manifest.version,
          manifestUrl,
        });
        return false;
      }
      options.logger.info('update manifest signature verified', { version: manifest.version, manifestUrl });
    } catch (error) {
      const reason = error instanceof UpdateRefusedError ? error.reason : 'error';
      options.logger.warn('update refused', { version: offered.version, reason, error: (error as Error).message });
      return false;
    }
    return builtInCheck(offered);
  };
}

export interface SignedUpdatesOptions {
  logger: Logger;
  resourcesPath: string;
  /** Electron's net.fetch: Chromium's network stack (proxy, certificates), as electron-updater uses. */
  fetch: typeof fetch;
}

/**
 * Checks the feed once, in the packaged app, when it was built with a feed
 * (SHIFTDESK_UPDATE_URL). Never throws: an update problem is logged and the app goes on.
 */
export async function checkForSignedUpdates({ logger, resourcesPath, fetch }: SignedUpdatesOptions): Promise<void> {
  const configFile = join(resourcesPath, 'app-update.yml');
  if (!existsSync(configFile)) {
    logger.info('updates off: this build has no update feed (app-update.yml)');
    return;
  }
  try {
    const config = parseAppUpdateConfig(readFileSync(configFile, 'utf8'));
    const publicKeyPem = readFileSync(join(resourcesPath, 'resources', 'update-public-key.pem'), 'utf8');
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.logger = logger;
    guardUpdatesWithSignature(autoUpdater, {
      feedUrl: config.url,
      configChannel: config.channel,
      publicKeyPem,
      platform: process.platform,
      arch: process.arch,
      logger,
      fetch,
    });
    await autoUpdater.checkForUpdates();
  } catch (error) {
    logger.error('update check failed', { error: (error as Error).message });
  }
}
