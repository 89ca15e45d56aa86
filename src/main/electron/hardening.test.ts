// The handlers hardening.ts installs, called the way Electron calls them (fakes typed against
// electron's own signatures; the binary cannot run here, so `shell` is mocked).
import type { Event, HandlerDetails, OnHeadersReceivedListenerDetails, Session, WebContents, WebPreferences } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/adapters/logger';
import { resolveAppLocation } from './appLocation';

const openExternal = vi.hoisted(() => vi.fn(async (_url: string) => undefined));
vi.mock('electron', () => ({ shell: { openExternal }, BrowserWindow: { fromWebContents: () => null } }));
const { applySessionPolicy, guardAppWebContents, hardenAnyWebContents } = await import('./hardening');
const { contentSecurityPolicy } = await import('./policy');

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type HeadersListener = (details: OnHeadersReceivedListenerDetails, callback: (response: object) => void) => void;
type Permission = Parameters<RequestHandler>[1];

/** Every permission Electron's types name: the compiler refuses this object if one is missing. */
const EVERY_PERMISSION: Record<Permission, true> = {
  ar: true, 'automatic-fullscreen': true, 'background-fetch': true, 'background-sync': true, 'captured-surface-control': true,
  'clipboard-read': true, 'clipboard-sanitized-write': true, 'deprecated-sync-clipboard-read': true, 'display-capture': true,
  fileSystem: true, fullscreen: true, geolocation: true, 'geolocation-approximate': true, 'hand-tracking': true, hid: true,
  'idle-detection': true, keyboardLock: true, 'local-fonts': true, 'local-network': true, 'local-network-access': true,
  'loopback-network': true, media: true, mediaKeySystem: true, midi: true, midiSysex: true, nfc: true, notifications: true,
  openExternal: true, 'payment-handler': true, 'periodic-background-sync': true, 'persistent-storage': true, pointerLock: true,
  'screen-wake-lock': true, sensors: true, serial: true, 'smart-card': true, 'speaker-selection': true, 'storage-access': true,
  'system-wake-lock': true, 'top-level-storage-access': true, usb: true, vr: true, 'web-app-installation': true,
  'web-printing': true, 'window-management': true, unknown: true,
};
const PERMISSIONS = Object.keys(EVERY_PERMISSION) as Permission[];

const location = resolveAppLocation({ devServerUrl: undefined, isPackaged: true, rendererDir: '/opt/Shiftdesk/out/renderer' });
const APP = location.url.href;
const PRELOAD = '/opt/Shiftdesk/out/preload/index.js';
/** Settings that pass the audit (the main window's own are checked in webPreferencesAudit.test.ts). */
const SAFE: WebPreferences = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false };

function fakeContents(prefs: WebPreferences | null = { ...SAFE, preload: PRELOAD }) {
  const listeners = new Map<string, (event: Partial<Event> & Record<string, unknown>, ...args: unknown[]) => void>();
  let onWindowOpen: ((details: HandlerDetails) => unknown) | null = null;
  const contents = {
    on: vi.fn((name: string, listener: (event: Partial<Event>) => void) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: typeof onWindowOpen) => (onWindowOpen = handler)),
    getLastWebPreferences: vi.fn(() => prefs),
    getURL: () => APP,
    setPrefs: (next: WebPreferences | null) => void (prefs = next),
  };
  const emit = (name: string, fields: Record<string, unknown>, ...args: unknown[]) => {
    const preventDefault = vi.fn();
    listeners.get(name)!({ preventDefault, ...fields }, ...args);
    return preventDefault.mock.calls.length > 0;
  };
  const windowOpen = (url: string) => onWindowOpen!({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: APP, policy: 'default' } } as HandlerDetails);
  return { contents: contents as unknown as WebContents, emit, windowOpen, setPrefs: contents.setPrefs };
}

beforeEach(() => openExternal.mockClear());

describe('hardenAnyWebContents', () => {
  const harden = (contents: WebContents, logger = silentLogger) => {
    const refuse = vi.fn();
    hardenAnyWebContents(contents, { logger, ourPreloads: [PRELOAD], refuse });
    return refuse;
  };

  it('keeps a web contents with our window\'s settings, and one whose settings are not readable yet', () => {
    expect(harden(fakeContents().contents)).not.toHaveBeenCalled();
    expect(harden(fakeContents(null).contents)).not.toHaveBeenCalled();
  });

  it('refuses a web contents that fails the audit when created, and logs the violations', () => {
    const { contents } = fakeContents({ ...SAFE, preload: PRELOAD, nodeIntegration: true });
    const error = vi.fn();
    const refuse = harden(contents, { ...silentLogger, error });
    expect(refuse).toHaveBeenCalledWith(contents);
    expect(error).toHaveBeenCalledWith('refused a web contents with unsafe settings', {
      moment: 'created',
      violations: ['node-integration'],
      url: APP,
    });
  });

  it('audits again when the main frame navigates, and refuses once', () => {
    const { contents, emit, setPrefs } = fakeContents(null);
    const refuse = harden(contents);
    setPrefs({ sandbox: false, preload: '/tmp/evil.js' });
    emit('did-start-navigation', { isMainFrame: false });
    expect(refuse).not.toHaveBeenCalled();
    emit('did-start-navigation', { isMainFrame: true });
    emit('did-start-navigation', { isMainFrame: true });
    expect(refuse).toHaveBeenCalledTimes(1);
  });

  it('refuses every webview, logging what was wrong with it', () => {
    const { contents, emit } = fakeContents();
    const warn = vi.fn();
    harden(contents, { ...silentLogger, warn });
    expect(emit('will-attach-webview', {}, { ...SAFE })).toBe(true);
    expect(emit('will-attach-webview', {}, { nodeIntegration: true, preload: '/tmp/evil.js' })).toBe(true);
    expect(warn.mock.calls).toEqual([
      ['refused to attach a webview', { violations: [] }],
      ['refused to attach a webview', { violations: ['sandbox-off', 'node-integration', 'foreign-preload'] }],
    ]);
  });

  it('refuses every new window, opening nothing', () => {
    const { contents, windowOpen } = fakeContents();
    harden(contents);
    for (const url of ['https://example.com/', APP, 'javascript:alert(1)', 'about:blank']) {
      expect(windowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('guardAppWebContents', () => {
  it('denies every window.open; links the policy allows go to the system browser or mail client instead', () => {
    const { contents, windowOpen } = fakeContents();
    guardAppWebContents(contents, location, silentLogger);
    expect(windowOpen('https://example.com/help')).toEqual({ action: 'deny' });
    expect(windowOpen('mailto:help@example.com')).toEqual({ action: 'deny' });
    expect(windowOpen('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(windowOpen('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(windowOpen(APP)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/help', 'mailto:help@example.com']);
  });

  it.each([
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['file:///opt/Shiftdesk/out/renderer/index.html', true],
    ['app://shiftdesk/other.html', true],
    ['app://evil/index.html', true],
    ['about:blank', true],
    ['data:text/html,x', false],
    [APP, false],
    [`${APP}#/inbox`, false],
  ] as const)('navigating a frame to %s: cancelled unless it is the app (main frame %s)', (url, isMainFrame) => {
    const { contents, emit } = fakeContents();
    guardAppWebContents(contents, location, silentLogger);
    const cancelled = emit('will-frame-navigate', { url, isMainFrame, isSameDocument: false });
    expect(cancelled).toBe(!url.startsWith(APP));
  });

  it('lets in-page navigation through and cancels redirects away from the app', () => {
    const { contents, emit } = fakeContents();
    guardAppWebContents(contents, location, silentLogger);
    expect(emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true, isSameDocument: true })).toBe(false);
    expect(emit('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(emit('will-redirect', { url: APP })).toBe(false);
  });
});

describe('applySessionPolicy', () => {
  function fakeSession() {
    const installed: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler; headers?: HeadersListener } = {};
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (installed.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (installed.check = h),
      setDevicePermissionHandler: (h: DeviceHandler) => (installed.device = h),
      webRequest: { onHeadersReceived: (h: HeadersListener) => (installed.headers = h) },
    };
    return { session: session as unknown as Session, installed };
  }
  const ours = {} as WebContents;
  const stranger = {} as WebContents;

  function setUp() {
    const { session, installed } = fakeSession();
    applySessionPolicy(session, { location, isAppContents: (c) => c === ours, logger: silentLogger });
    const request = (contents: WebContents, permission: Permission) => {
      let granted: boolean | undefined;
      installed.request!(contents, permission, (g) => (granted = g), { requestingUrl: APP, isMainFrame: true } as never);
      return granted;
    };
    return { installed, request };
  }

  it(`grants notifications to our window only and refuses the other ${PERMISSIONS.length - 1} permissions Electron names`, () => {
    const { installed, request } = setUp();
    for (const permission of PERMISSIONS) {
      const expected = permission === 'notifications';
      expect(request(ours, permission), permission).toBe(expected);
      expect(request(stranger, permission), permission).toBe(false);
      expect(installed.check!(ours, permission, APP, { isMainFrame: true } as never), permission).toBe(expected);
      expect(installed.check!(null, permission, APP, { isMainFrame: true } as never), permission).toBe(false);
    }
  });

  it('refuses every device (HID, serial, USB)', () => {
    const { installed } = setUp();
    for (const deviceType of ['hid', 'serial', 'usb'] as const) {
      expect(installed.device!({ deviceType, origin: 'app://shiftdesk', device: {} } as never)).toBe(false);
    }
  });

  it("puts the app's CSP on the app's documents only", () => {
    const { installed } = setUp();
    const headersFor = (url: string, resourceType: string) => {
      let response: object | undefined;
      installed.headers!({ url, resourceType, responseHeaders: { 'content-security-policy': ['default-src *'] } } as never, (r) => (response = r));
      return response;
    };
    expect(headersFor(APP, 'mainFrame')).toEqual({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy()] } });
    expect(headersFor('https://example.com/', 'mainFrame')).toEqual({});
    expect(headersFor(APP, 'script')).toEqual({});
  });
});
