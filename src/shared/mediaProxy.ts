// Where the renderer asks for a remote image: never the remote URL itself, always the proxy of
// the main process, at a path of the browser-mode host or on a privileged scheme in Electron.

/** Browser mode: GET /media?url=…&token=… on the host's own origin. */
export const MEDIA_PATH = '/media';
/** Electron: shiftdesk-media://image/?url=… (a privileged scheme handled in the main process). */
export const MEDIA_SCHEME = 'shiftdesk-media';
export const MEDIA_HOST = 'image';
export const MEDIA_URL_PARAM = 'url';

export type MediaRoute = { kind: 'scheme' } | { kind: 'path'; token: string };

/** The address the renderer loads for the remote image `url`. */
export function mediaUrl(route: MediaRoute, url: string): string {
  const query = new URLSearchParams({ [MEDIA_URL_PARAM]: url });
  if (route.kind === 'path') query.set('token', route.token);
  return route.kind === 'scheme' ? `${MEDIA_SCHEME}://${MEDIA_HOST}/?${query}` : `${MEDIA_PATH}?${query}`;
}
