import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { mediaUrl } from '@shared/mediaProxy';
import { startImageServer, TINY_PNG, type ImageServer } from '../../../test/support/imageServer';
import { silentLogger } from '../core/adapters/logger';
import { createImageProxy } from '../core/media';
import { handleMediaProtocol, MEDIA_SCHEME_PRIVILEGES } from './mediaProtocol';

type Handler = Parameters<Protocol['handle']>[1];

let images: ImageServer;
beforeAll(async () => {
  images = await startImageServer();
});
afterAll(() => images.close());

function handlerWith(policy?: ImageServer['policy']): Handler {
  let handler: Handler | undefined;
  const protocol: Pick<Protocol, 'handle'> = {
    handle: (scheme, h) => {
      expect(scheme).toBe('shiftdesk-media');
      handler = h;
    },
  };
  handleMediaProtocol(protocol, createImageProxy({ policy }), silentLogger);
  return handler!;
}

const ask = async (handler: Handler, url: string, method = 'GET') => handler(new Request(url, { method }) as Parameters<Handler>[0]);

describe('the shiftdesk-media scheme', () => {
  it('is privileged as a standard, secure scheme and nothing more', () => {
    expect(MEDIA_SCHEME_PRIVILEGES).toEqual({ scheme: 'shiftdesk-media', privileges: { standard: true, secure: true } });
  });

  it('answers with the image fetched by the proxy', async () => {
    const res = await ask(handlerWith(images.policy), mediaUrl({ kind: 'scheme' }, `${images.base}/a.png`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it('refuses loopback by default, SVG, other hosts of the scheme and other methods', async () => {
    const strict = handlerWith();
    expect((await ask(strict, mediaUrl({ kind: 'scheme' }, `${images.base}/a.png`))).status).toBe(403);
    const handler = handlerWith(images.policy);
    expect((await ask(handler, mediaUrl({ kind: 'scheme' }, `${images.base}/logo.svg`))).status).toBe(502);
    expect((await ask(handler, `shiftdesk-media://other/?url=${encodeURIComponent(`${images.base}/a.png`)}`)).status).toBe(404);
    expect((await ask(handler, mediaUrl({ kind: 'scheme' }, `${images.base}/a.png`), 'POST')).status).toBe(404);
  });
});
