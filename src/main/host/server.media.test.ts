// The browser-mode host's image route: the run token required, images through the core's proxy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type DeskHandlers } from '@shared/contract';
import { mediaUrl } from '@shared/mediaProxy';
import { tempDir } from '../../../test/support/coreFixtures';
import { startImageServer, TINY_PNG, type ImageServer } from '../../../test/support/imageServer';
import { silentLogger } from '../core/adapters/logger';
import { EventBus } from '../core/events';
import { createImageProxy } from '../core/media';
import { startHost, type RunningHost } from './server';

let images: ImageServer;
let host: RunningHost;
let strictHost: RunningHost;

beforeAll(async () => {
  images = await startImageServer();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Shiftdesk</title>');
  const core = { handlers: Object.fromEntries(METHOD_NAMES.map((m) => [m, () => null])) as unknown as DeskHandlers, events: new EventBus() };
  host = await startHost({ core, rendererDir, port: 0, logger: silentLogger, imageProxy: createImageProxy({ policy: images.policy }) });
  // The default proxy: public addresses only.
  strictHost = await startHost({ core, rendererDir, port: 0, logger: silentLogger });
});

afterAll(async () => {
  await Promise.all([host.close(), strictHost.close(), images.close()]);
});

function get(port: number, path: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode image route', () => {
  it('serves a remote image through the proxy, with the run token', async () => {
    const res = await get(host.port, mediaUrl({ kind: 'path', token: host.token }, `${images.base}/a.png`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(TINY_PNG)).toBe(true);
  });

  it('refuses without the token or with another, before fetching anything', async () => {
    const before = images.requests.length;
    for (const token of ['', 'nope', `${host.token}x`]) {
      expect((await get(host.port, mediaUrl({ kind: 'path', token }, `${images.base}/a.png?${token}`))).status).toBe(403);
    }
    expect((await get(host.port, `/media?url=${encodeURIComponent(`${images.base}/a.png`)}`)).status).toBe(403);
    expect(images.requests.length).toBe(before);
  });

  it('answers refusals with a status and the reason, never the content', async () => {
    const svg = await get(host.port, mediaUrl({ kind: 'path', token: host.token }, `${images.base}/logo.svg`));
    expect(svg.status).toBe(502);
    expect(svg.body.toString()).toMatch(/^content-type:/);
    expect(svg.body.toString()).not.toContain('<script>');
    expect((await get(host.port, mediaUrl({ kind: 'path', token: host.token }, 'file:///etc/passwd'))).status).toBe(400);
  });

  it('refuses loopback with the default policy', async () => {
    const before = images.requests.length;
    const res = await get(strictHost.port, mediaUrl({ kind: 'path', token: strictHost.token }, `${images.base}/a.png`));
    expect(res.status).toBe(403);
    expect(images.requests.length).toBe(before);
  });
});
