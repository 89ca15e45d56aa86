// Where the renderer comes from, and which URLs belong to it: the built renderer folder served
// as app://shiftdesk/ (appProtocol.ts), or (only in an unpackaged development run) the
// electron-vite dev server. file:// is never the app. Pure: no electron import.

export const APP_SCHEME = 'app';
export const APP_HOST = 'shiftdesk';
/** The app's page: what the window loads and the one URL trusted for IPC and navigation. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppLocation =
  | { readonly kind: 'dev-server'; readonly url: URL }
  | { readonly kind: 'bundle'; readonly url: URL; readonly rendererDir: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppLocationInput {
  /** process.env.ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** app.isPackaged: a packaged app never loads its UI from an environment variable. */
  isPackaged: boolean;
  /** Absolute path of the built renderer folder (out/renderer), served as app://shiftdesk/. */
  rendererDir: string;
}

export function resolveAppLocation({ devServerUrl, isPackaged, rendererDir }: AppLocationInput): AppLocation {
  if (!isPackaged && devServerUrl) {
    let url: URL;
    try {
      url = new URL(devServerUrl);
    } catch {
      throw new Error(`ELECTRON_RENDERER_URL is not a URL: ${devServerUrl}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) address on this machine (localhost), not ${url.origin}`);
    }
    return { kind: 'dev-server', url };
  }
  return { kind: 'bundle', url: new URL(APP_INDEX_URL), rendererDir };
}

/**
 * True when `raw` is the app's own page: any page of the dev server's origin, or exactly
 * app://shiftdesk/index.html (any query or hash; compared as written, so no spelling of it that
 * a parser would rewrite passes). Used for the IPC sender check, navigation and CSP.
 */
export function isAppUrl(location: AppLocation, raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === location.url.origin;
  return raw === APP_INDEX_URL || raw.startsWith(`${APP_INDEX_URL}#`) || raw.startsWith(`${APP_INDEX_URL}?`);
}
