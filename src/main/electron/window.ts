// The main window: sandboxed and context-isolated, showing app://shiftdesk/index.html (or the dev
// server), shown when painted, its size and position remembered across runs and restored onto
// the displays that exist now.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import type { Logger } from '../core/ports';
import type { AppLocation } from './appLocation';
import type { Translate } from '../core/i18n/translator';
import { installContextMenu } from './contextMenu';
import { guardAppWebContents } from './hardening';
import { loadWindowState, placeWindow, saveWindowState, type Rect } from './windowState';

export interface MainWindowOptions {
  location: AppLocation;
  /** Absolute path of the built preload (out/preload/index.js). */
  preloadPath: string;
  /** The window-state JSON file in the user data folder. */
  stateFile: string;
  /** Window icon (Linux taskbars; macOS and Windows use the app bundle's icon). */
  icon?: string;
  logger: Logger;
  /** Native strings (the context menu) in the agent's language. */
  t: Translate;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };
const SAVE_DELAY_MS = 500;

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

export function createMainWindow({ location, preloadPath, stateFile, icon, logger, t }: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(loadWindowState(stateFile), workAreas(), { defaultSize: DEFAULT_SIZE, minSize: MIN_SIZE });
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Shiftdesk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#242424' : '#ffffff',
    ...(icon ? { icon } : {}),
    // Spelled out here, not spread from a constant: Electronegativity reads only the literal passed
    // to the constructor. webPreferencesAudit.test.ts audits what this passes.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // No auxclick events: a middle click cannot act as a second, unguarded way to open a link.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  const contents = window.webContents;
  guardAppWebContents(contents, location, logger);
  installContextMenu(contents, t);
  rememberState(window, stateFile, logger);

  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    logger.error('the app page did not load', { code, description, url: url.slice(0, 200) });
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  contents.on('render-process-gone', (_event, details) => {
    logger.error('the window renderer is gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => logger.warn('the window is not responding'));
  window.on('responsive', () => logger.info('the window is responding again'));

  // The bundle is served by the app:// protocol (appProtocol.ts), never loaded as a file.
  const loading = window.loadURL(location.url.href);
  loading.catch((error: unknown) => logger.error('could not load the app page', { error: String(error) }));
  return window;
}

/** Brings the window to the front, restoring it when minimized. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

function rememberState(window: BrowserWindow, stateFile: string, logger: Logger): void {
  let normal: Rect = window.getNormalBounds();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const track = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    normal = window.getNormalBounds();
  };
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      saveWindowState(stateFile, { bounds: normal, maximized: !window.isDestroyed() && window.isMaximized() });
    } catch (error) {
      logger.warn('could not save the window state', { error: String(error) });
    }
  };
  const saveSoon = () => {
    track();
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };

  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    track();
    save();
  });
  window.on('closed', () => {
    if (timer) clearTimeout(timer);
  });
}
