// Which file of the built renderer a URL path names: the one place that decides, for the desktop
// app's app:// protocol and the browser-mode host alike. Only regular files inside the root are
// served; anything that could name another place is refused rather than repaired.
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export interface RendererRefusal {
  readonly ok: false;
  readonly status: 400 | 403 | 404;
  readonly reason: string;
}
export type RendererFile = { readonly ok: true; readonly filePath: string; readonly contentType: string } | RendererRefusal;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const refuse = (status: RendererRefusal['status'], reason: string): RendererRefusal => ({ ok: false, status, reason });

// Controls (NUL included), backslashes and percent signs: none appear in a built file's name, and
// each one is a way to smuggle a separator or a second decoding past a check.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_DECODED = /[\u0000-\u001f\u007f\\%]/;

/**
 * The path segments a URL path (as a URL's `pathname`, percent-encoded) names under the root, or
 * the refusal. Decoded exactly once; `/` is index.html.
 */
export function rendererPathSegments(urlPath: string): { readonly ok: true; readonly segments: readonly string[] } | RendererRefusal {
  if (!urlPath.startsWith('/')) return refuse(400, 'not an absolute URL path');
  if (/%(2f|5c|00)/i.test(urlPath)) return refuse(403, 'encoded separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (FORBIDDEN_DECODED.test(decoded)) return refuse(403, 'control character, backslash or double encoding');
  if (decoded === '/') return { ok: true, segments: ['index.html'] };
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return refuse(403, 'empty or dot segment');
    // A drive letter or an alternate data stream on Windows.
    if (segment.includes(':')) return refuse(403, 'colon in a segment');
  }
  return { ok: true, segments };
}

/** Resolves a URL path to a regular file inside `rootDir` (symbolic links followed, and checked again). */
export async function resolveRendererFile(rootDir: string, urlPath: string): Promise<RendererFile> {
  const path = rendererPathSegments(urlPath);
  if (!path.ok) return path;
  let realRoot: string;
  try {
    realRoot = await realpath(rootDir);
  } catch {
    return refuse(404, 'the renderer folder does not exist');
  }
  let realFile: string;
  try {
    realFile = await realpath(join(realRoot, ...path.segments));
  } catch {
    return refuse(404, 'no such file');
  }
  const inside = relative(realRoot, realFile);
  if (inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside)) return refuse(403, 'outside the renderer folder');
  try {
    if (!(await stat(realFile)).isFile()) return refuse(403, 'not a file');
  } catch {
    return refuse(404, 'no such file');
  }
  return { ok: true, filePath: realFile, contentType: contentTypeOf(realFile) };
}
