// The renderer's remote images in the desktop app: shiftdesk-media://image/?url=… answered by the
// core's image proxy. Thin: the checks are in src/main/core/media.
import type { CustomScheme, Protocol } from 'electron';
import { MEDIA_HOST, MEDIA_SCHEME, MEDIA_URL_PARAM } from '@shared/mediaProxy';
import { answerMediaRequest, type ImageProxy } from '../core/media';
import type { Logger } from '../core/ports';

/**
 * Registered before the app is ready (protocol.registerSchemesAsPrivileged). Standard so it parses
 * like http (a host, a query); secure so a secure page may load it. Nothing more: no fetch, no
 * CORS, no CSP bypass, no service workers.
 */
export const MEDIA_SCHEME_PRIVILEGES: CustomScheme = { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } };

export function handleMediaProtocol(protocol: Pick<Protocol, 'handle'>, proxy: ImageProxy, logger: Logger): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.host !== MEDIA_HOST) return new Response('Not found', { status: 404 });
    const answer = await answerMediaRequest(proxy, url.searchParams.get(MEDIA_URL_PARAM));
    if (answer.refusal) logger.warn('refused a remote image', { reason: answer.refusal.reason, message: answer.refusal.message });
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
