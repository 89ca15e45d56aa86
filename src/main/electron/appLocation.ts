// Where the renderer comes from, and which URLs belong to it: the built index.html on disk, or
// (only in an unpackaged development run) the electron-vite dev server. Pure: no electron import.
import { pathToFileURL } from 'node:url';

export type AppLocation =
  | { readonly kind: 'dev-server'; readonly url: URL }
  | { readonly kind: 'file'; readonly url: URL; readonly indexPath: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppLocationInput {
  /** process.env.ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
  /** app.isPackaged: a packaged app never loads its UI from an environment variable. */
  isPackaged: boolean;
  /** Absolute path of the built renderer (out/renderer/index.html). */
  indexPath: string;
}

export function resolveAppLocation({ devServerUrl, isPackaged, indexPath }: AppLocationInput): AppLocation {
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
  return { kind: 'file', url: pathToFileURL(indexPath), indexPath };
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * True when `raw` is the app's own page: any page of the dev server's origin, or exactly the
 * built index.html (any query or hash). Used for the IPC sender check, navigation and CSP.
 */
export function isAppUrl(location: AppLocation, raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === location.url.origin;
  return url.protocol === 'file:' && url.host === location.url.host && decodedPath(url.pathname) === decodedPath(location.url.pathname);
}
