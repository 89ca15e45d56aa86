// Security policy of the desktop shell as data: the Content-Security-Policy of the app's pages
// and the permissions web content may have. Pure, so it is unit-tested.
import { MEDIA_SCHEME } from '@shared/mediaProxy';

/** Same policy as the renderer's <meta> CSP (src/renderer/index.html). */
const BASE_DIRECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // Remote images only through the main process's proxy (src/main/core/media).
  ['img-src', ["'self'", 'data:', `${MEDIA_SCHEME}:`]],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/**
 * The policy sent as a response header for the app's pages. With a dev server, its WebSocket
 * (Vite's HMR channel) is allowed too when the wildcards above do not already cover it.
 */
export function contentSecurityPolicy(devServer?: URL): string {
  return BASE_DIRECTIVES.map(([name, sources]) => {
    const all = [...sources];
    if (devServer && name === 'connect-src') {
      const ws = `${devServer.protocol === 'https:' ? 'wss:' : 'ws:'}//${devServer.host}`;
      const covered = all.some((s) => s === ws || (s.endsWith(':*') && ws.startsWith(s.slice(0, -1))));
      if (!covered) all.push(ws);
    }
    return `${name} ${all.join(' ')}`;
  }).join('; ');
}

const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Every permission request or check is refused except notifications. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Response headers with any CSP the server sent replaced by ours (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
