// The app:// protocol: the packaged renderer is served as app://shiftdesk/ from the built renderer
// folder instead of file://, so the page has an origin of its own (file:// pages share one with
// every file on the disk) and nothing outside that folder can be read through it. Electron's
// objects are passed in (type-only import), so everything here runs under vitest.
import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import type { Logger } from '../core/ports';
import { resolveRendererFile, type RendererFile } from '../core/rendererFiles';
import { APP_HOST, APP_SCHEME } from './appLocation';

const APP_ORIGIN_SLASH = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * standard: real origin and relative URLs; secure: a secure context, like https; supportFetchAPI:
 * the page's fetch() and module imports. No bypassCSP, and no corsEnabled: other origins may not
 * read the app's files.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * Must run before the app is ready, and only once: Electron keeps the last list, so every other
 * custom scheme comes along in `others`.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>, others: CustomScheme[] = []): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES, ...others]);
}

/**
 * The file an app:// URL names under `rootDir`, or the refusal (400/403/404). The path is read as
 * written (before any URL parser could resolve `..` away) and decoded once.
 */
export async function resolveAppRequest(url: string, rootDir: string): Promise<RendererFile> {
  if (!url.startsWith(APP_ORIGIN_SLASH)) return { ok: false, status: 403, reason: 'not app://shiftdesk/' };
  const end = url.search(/[?#]/);
  const path = url.slice(APP_ORIGIN_SLASH.length - 1, end === -1 ? undefined : end);
  return resolveRendererFile(rootDir, path);
}

export interface AppResponseOptions {
  rootDir: string;
  /** The app's Content-Security-Policy (policy.ts), sent with every response. */
  contentSecurityPolicy: string;
  /** Told about every refused request. */
  onRefused?(url: string, status: number, reason: string): void;
}

export async function respondToAppRequest(request: Request, { rootDir, contentSecurityPolicy, onRefused }: AppResponseOptions): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    onRefused?.(request.url, 405, `method ${request.method}`);
    return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
  }
  const file = await resolveAppRequest(request.url, rootDir);
  if (!file.ok) {
    onRefused?.(request.url, file.status, file.reason);
    return new Response(null, { status: file.status, headers });
  }
  let body: Buffer;
  try {
    body = await readFile(file.filePath);
  } catch {
    onRefused?.(request.url, 404, 'unreadable');
    return new Response(null, { status: 404, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'Content-Type': file.contentType, 'Content-Length': String(body.length) },
  });
}

/** Serves app:// on a session (its `protocol`), refusals logged. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string, contentSecurityPolicy: string, logger: Logger): void {
  const onRefused = (url: string, status: number, reason: string) =>
    logger.warn('refused an app:// request', { url: url.slice(0, 200), status, reason });
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, { rootDir, contentSecurityPolicy, onRefused }));
}
