// The one way the renderer shows a remote image: through the main process's image proxy, never
// the remote URL (the CSP's img-src allows only the app, data: and the proxy).
import { mediaUrl, type MediaRoute } from '@shared/mediaProxy';

let route: MediaRoute | null = null;

/** Set once by the bridge: the privileged scheme in Electron, the host's path and token in a browser. */
export function configureProxiedImages(next: MediaRoute | null): void {
  route = next;
}

/** The src for a remote image, or undefined when there is none to show (no URL, not http(s), no proxy). */
export function proxiedImage(url: string | null | undefined): string | undefined {
  if (!url || !route || !/^https?:\/\//i.test(url)) return undefined;
  return mediaUrl(route, url);
}
