// The desktop app's lifecycle: one instance per user data folder, the core started once the app
// is ready (a clear dialog when it cannot start), the contract bound to IPC, the main window, and
// a clean core.stop() before quitting.
import { join, resolve } from 'node:path';
import { app, autoUpdater as nativeUpdater, dialog, ipcMain, net, Notification, protocol, safeStorage, session, type BrowserWindow, type WebContents } from 'electron';
import type { Core } from '../core';
import { createImageProxy } from '../core/media';
import type { Badge, Logger, Notifier, SecretStore, Updater } from '../core/ports';
import { createNoUpdater } from '../core/adapters/noUpdater';
import { createFallbackSecretStore } from './fallbackSecretStore';
import { isAppUrl, resolveAppLocation, type AppLocation } from './appLocation';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { pickLanguage } from '@shared/pickLanguage';
import { createTranslator, LOCALE_LANGUAGES, type Translate } from '../core/i18n/translator';
import { createBadge } from './badge';
import { watchDoNotDisturb } from './doNotDisturb';
import { createDeskTray } from './tray';
import { applySessionPolicy, hardenAnyWebContents } from './hardening';
import { bindContract } from './ipc';
import { contentSecurityPolicy } from './policy';
import { createElectronNotifier } from './notifier';
import { describeStartupError } from './startupError';
import { handleMediaProtocol, MEDIA_SCHEME_PRIVILEGES } from './mediaProtocol';
import { createMainWindow, revealWindow } from './window';
import { WINDOW_STATE_FILE } from './windowState';
import { createDesktopUpdater } from './updater';

/** Must equal electron-builder.yml's appId: Windows shows toasts only for a known AppUserModelID. */
export const APP_ID = 'app.shiftdesk.desktop';
/** How long quitting waits for the core to finish its in-flight work. */
const STOP_TIMEOUT_MS = 5_000;
/** How often the packaged app looks for an update while it runs (and once at start). */
const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60_000;

export interface DesktopPorts {
  /** app.getPath('userData'), or SHIFTDESK_DATA_DIR when set. */
  dataDir: string;
  notifier: Notifier;
  badge: Badge;
  secrets: SecretStore;
  /** The OS's Do Not Disturb where it can be read (null: unknown). */
  doNotDisturb: () => boolean | null;
  /** The OS's preferred languages (app.getPreferredSystemLanguages), for an agent who follows the system. */
  systemLanguages: () => readonly string[];
  /** electron-updater in the packaged app; none in a development build. */
  updater: Updater;
}

export type DesktopCore = Pick<Core, 'handlers' | 'events' | 'translator' | 'start' | 'stop'>;

export interface DesktopAppOptions {
  logger: Logger;
  /** Builds the core from the desktop's ports; may throw (DatabaseTooNew, DataDirInUse...). */
  createCore(ports: DesktopPorts): DesktopCore;
  /** The OS keychain (keytar); the desktop app falls back to safeStorage with consent. */
  keychain: SecretStore;
}

/** Files shipped next to the app (electron-builder extraResources) or in the repo in development. */
function resourcePath(name: string): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources', name) : resolve(__dirname, '../../resources', name);
}

/** Asks before credentials go anywhere but the OS keychain. */
async function askSecretsConsent(weak: boolean, t: Translate): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    buttons: [t('secretsConsent.store'), t('secretsConsent.dontStore')],
    defaultId: 1,
    cancelId: 1,
    title: t('secretsConsent.title'),
    message: t('secretsConsent.message'),
    detail: weak ? t('secretsConsent.detailWeak') : t('secretsConsent.detail'),
  });
  return response === 0;
}

export function runDesktopApp({ logger, createCore, keychain: keychainStore }: DesktopAppOptions): void {
  // A separate data folder (tests, a second workspace) also gets its own instance lock.
  const dataDirOverride = process.env.SHIFTDESK_DATA_DIR;
  if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride));

  if (!app.requestSingleInstanceLock()) {
    logger.info('Shiftdesk is already running: handing over to it');
    app.quit();
    return;
  }
  // Windows shows toasts only for an AppUserModelID with a Start-menu shortcut: the installer's
  // (appId) when packaged, electron.exe's own in development.
  if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_ID : process.execPath);

  registerAppScheme(protocol, [MEDIA_SCHEME_PRIVILEGES]);

  let location: AppLocation;
  try {
    location = resolveAppLocation({
      devServerUrl: process.env.ELECTRON_RENDERER_URL,
      isPackaged: app.isPackaged,
      rendererDir: join(__dirname, '../renderer'),
    });
  } catch (error) {
    void app.whenReady().then(() => failStartup(error, logger));
    return;
  }
  const preloadPath = join(__dirname, '../preload/index.js');
  const icon = process.platform === 'linux' ? resourcePath('icon.png') : undefined;

  let mainWindow: BrowserWindow | null = null;
  let core: DesktopCore | null = null;
  const appContents = (): WebContents[] => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []);

  /** Native strings in the agent's language once the core knows it, English before. */
  const english = createTranslator();
  const t: Translate = ((...args: Parameters<Translate>) => (core?.translator.t ?? english)(...args)) as Translate;

  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({ location, preloadPath, stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE), icon, logger, t });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };
  /** Focus the window; on macOS (app alive without windows) create it again. */
  const showMainWindow = () => {
    if (mainWindow && !mainWindow.isDestroyed()) revealWindow(mainWindow);
    else if (core && app.isReady()) openMainWindow();
  };

  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenAnyWebContents(contents, { logger, ourPreloads: [preloadPath] }));
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows: the core keeps syncing and notifying.
    if (process.platform !== 'darwin') app.quit();
  });

  let shutdown: 'running' | 'stopping' | 'stopped' = 'running';
  let unbind: (() => void) | null = null;
  app.on('before-quit', (event) => {
    if (shutdown === 'stopped' || !core) return;
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    const timeout = new Promise<void>((done) => {
      const timer = setTimeout(() => {
        logger.warn('the core did not stop in time; quitting anyway', { timeoutMs: STOP_TIMEOUT_MS });
        done();
      }, STOP_TIMEOUT_MS);
      timer.unref();
    });
    Promise.race([core.stop(), timeout])
      .catch((error: unknown) => logger.error('the core did not stop cleanly', { error: String(error) }))
      .finally(() => {
        unbind?.();
        shutdown = 'stopped';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  // Restart to update: the core already stopped (restartToUpdate ran prepareForRestart), and
  // holding this quit back would cancel the install (Squirrel.Mac gives up on a prevented quit).
  nativeUpdater.on('before-quit-for-update', () => {
    shutdown = 'stopped';
  });

  const start = () => {
    if (location.kind === 'bundle') {
      serveAppProtocol(session.defaultSession.protocol, location.rendererDir, contentSecurityPolicy(), logger);
    }
    applySessionPolicy(session.defaultSession, {
      location,
      isAppContents: (contents) => contents !== null && appContents().includes(contents),
      logger,
    });
    handleMediaProtocol(session.defaultSession.protocol, createImageProxy(), logger);
    const notifier = createElectronNotifier({ Notification, showMainWindow, logger, icon });
    const osBadge = createBadge({ platform: process.platform, setBadgeCount: (count) => app.setBadgeCount(count), logger });
    const tray = createDeskTray({
      iconPath: resourcePath(process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
      t,
      onShow: showMainWindow,
      onQuit: () => app.quit(),
    });
    const badge: Badge = {
      set(count, nextBreachAt = null) {
        osBadge.set(count);
        tray.update({ attention: count, nextBreachAt });
      },
    };
    const doNotDisturb = watchDoNotDisturb(process.platform);
    const updater = app.isPackaged
      ? createDesktopUpdater({
          logger,
          resourcesPath: process.resourcesPath,
          fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
        })
      : createNoUpdater('development');
    try {
      const secrets = createFallbackSecretStore({
        keychain: keychainStore,
        safeStorage,
        dir: app.getPath('userData'),
        askConsent: (weak) => askSecretsConsent(weak, t),
      });
      core = createCore({
        dataDir: app.getPath('userData'),
        notifier,
        badge,
        secrets,
        doNotDisturb: doNotDisturb.current,
        systemLanguages: () => app.getPreferredSystemLanguages(),
        updater,
      });
    } catch (error) {
      failStartup(error, logger);
      return;
    }
    core.translator.onChange(() => tray.refresh());
    tray.refresh();
    core.start();
    unbind = bindContract({
      ipcMain,
      handlers: core.handlers,
      events: core.events,
      appContents,
      isAppUrl: (url) => isAppUrl(location, url),
      logger,
    });
    openMainWindow();
    logger.info('Shiftdesk started', { version: app.getVersion(), dataDir: app.getPath('userData'), renderer: location.kind });
    if (app.isPackaged) {
      void updater.check();
      setInterval(() => void updater.check(), UPDATE_CHECK_INTERVAL_MS).unref();
    }
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Failed after the core was created (binding, window): release its data folder first.
      const started = core;
      core = null;
      void Promise.resolve(started?.stop())
        .catch(() => {})
        .finally(() => failStartup(error, logger));
    });
}

function failStartup(error: unknown, logger: Logger): void {
  const report = describeStartupError(error, createTranslator(pickLanguage(app.getPreferredSystemLanguages(), LOCALE_LANGUAGES)));
  logger.error('Shiftdesk cannot start', {
    error: error instanceof Error ? (report.unexpected ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error),
  });
  dialog.showErrorBox(report.title, report.message);
  app.exit(1);
}
