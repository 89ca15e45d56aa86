// The runtime settings audit, and the main window's real preferences through it: createMainWindow
// runs against a fake BrowserWindow (the binary cannot run here) that keeps what it was given.
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/adapters/logger';
import { auditWebPreferences, type AuditedPreferences, type WebPreferencesViolation } from './webPreferencesAudit';

const constructed = vi.hoisted(() => [] as BrowserWindowConstructorOptions[]);
vi.mock('electron', () => {
  const emitter = () => ({ on: () => undefined, once: () => undefined });
  class BrowserWindow {
    webContents = { ...emitter(), setWindowOpenHandler: () => undefined };
    constructor(options: BrowserWindowConstructorOptions) {
      constructed.push(options);
    }
    on = () => this;
    once = () => this;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1440, height: 900 });
    loadURL = async () => undefined;
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  return { BrowserWindow, nativeTheme: { shouldUseDarkColors: false }, screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] } };
});
const { createMainWindow } = await import('./window');
const { resolveAppLocation } = await import('./appLocation');

const PRELOAD = '/opt/Shiftdesk/resources/app.asar/out/preload/index.js';

/** What createMainWindow passes to `new BrowserWindow` as webPreferences. */
function mainWindowPreferences(): AuditedPreferences {
  constructed.length = 0;
  createMainWindow({
    location: resolveAppLocation({ devServerUrl: undefined, isPackaged: true, rendererDir: '/opt/Shiftdesk/out/renderer' }),
    preloadPath: PRELOAD,
    stateFile: join('/nonexistent', 'window-state.json'),
    logger: silentLogger,
    t: ((key: string) => key) as never,
  });
  expect(constructed).toHaveLength(1);
  return constructed[0]!.webPreferences!;
}
const MAIN_WINDOW_WEB_PREFERENCES = mainWindowPreferences();
const audit = (prefs: AuditedPreferences) => auditWebPreferences(prefs, { ourPreloads: [PRELOAD] });

/** Each unsafe setting alone, and the violation it must raise. */
const UNSAFE: readonly (readonly [WebPreferencesViolation, AuditedPreferences])[] = [
  ['context-isolation-off', { contextIsolation: false }],
  ['sandbox-off', { sandbox: false }],
  ['node-integration', { nodeIntegration: true }],
  ['node-integration-in-worker', { nodeIntegrationInWorker: true }],
  ['node-integration-in-sub-frames', { nodeIntegrationInSubFrames: true }],
  ['web-security-off', { webSecurity: false }],
  ['insecure-content-allowed', { allowRunningInsecureContent: true }],
  ['webview-tag', { webviewTag: true }],
  ['experimental-features', { experimentalFeatures: true }],
  ['blink-features', { enableBlinkFeatures: 'CSSPseudoHas' }],
  ['foreign-preload', { preload: '/tmp/evil-preload.js' }],
];

describe('auditWebPreferences', () => {
  it("passes our main window's own settings, with our preload", () => {
    expect(MAIN_WINDOW_WEB_PREFERENCES).toMatchObject({ preload: PRELOAD, contextIsolation: true, sandbox: true });
    expect(audit(MAIN_WINDOW_WEB_PREFERENCES)).toEqual([]);
  });

  it("passes Electron's defaults (nothing set) and explicit safe values", () => {
    expect(audit({})).toEqual([]);
    expect(audit({ enableBlinkFeatures: '', preload: '' })).toEqual([]);
  });

  it.each(UNSAFE)('finds %s', (violation, prefs) => {
    expect(audit({ ...MAIN_WINDOW_WEB_PREFERENCES, preload: PRELOAD, ...prefs })).toEqual([violation]);
  });

  it(`finds every one of the ${2 ** UNSAFE.length - 1} combinations of unsafe settings, exactly`, () => {
    let checked = 0;
    for (let mask = 1; mask < 2 ** UNSAFE.length; mask++) {
      const picked = UNSAFE.filter((_, i) => mask & (1 << i));
      const prefs = Object.assign({ ...MAIN_WINDOW_WEB_PREFERENCES, preload: PRELOAD }, ...picked.map(([, p]) => p)) as AuditedPreferences;
      expect(audit(prefs).sort()).toEqual(picked.map(([v]) => v).sort());
      checked++;
    }
    expect(checked).toBe(2047);
  });

  it('counts the sandbox as off when node integration is on and the sandbox is not set (Electron turns it off then)', () => {
    expect(audit({ nodeIntegration: true })).toEqual(['sandbox-off', 'node-integration']);
  });

  it('accepts our preload however its path is spelled, and no other', () => {
    expect(audit({ preload: '/opt/Shiftdesk/resources/app.asar/out/main/../preload/index.js' })).toEqual([]);
    expect(audit({ preload: '/opt/Shiftdesk/resources/app.asar/out/preload/index.js.bak' })).toEqual(['foreign-preload']);
    expect(auditWebPreferences({ preload: PRELOAD }, { ourPreloads: [] })).toEqual(['foreign-preload']);
  });
});
