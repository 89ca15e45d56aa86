// fetchImage against a real HTTP server on 127.0.0.1. The default policy refuses loopback, so
// these tests inject one that allows this server's port only: any other loopback port (a second
// server standing for a service on the agent's machine) stays refused, as do private addresses.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPublicAddress, type AddressPolicy } from './addressPolicy';
import { fetchImage, type ImageFetchOptions } from './fetchImage';
import { createImageProxy, answerMediaRequest } from './imageProxy';
import { ImageRefusedError, type ImageRefusal } from './imageRefused';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.alloc(14)]);
const AVIF = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif'), Buffer.from([0, 0, 0, 0]), Buffer.from('avifmif1miaf'), Buffer.alloc(8)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const MAX_BYTES = 4096;
/** A real PNG signature followed by padding: a PNG by its first bytes, over the test's size cap. */
const BIG_PNG = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES * 2)]);

interface TestServer {
  server: Server;
  port: number;
  base: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
}

async function listen(routes: (path: string, res: ServerResponse, base: string) => void): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  let base = '';
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    routes(req.url ?? '', res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return { server, port, base, requests };
}

const send = (res: ServerResponse, type: string, body: Buffer, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length), ...headers }).end(body);

let images: TestServer;
/** Stands for a service on the agent's machine that a redirect must not reach. */
let internal: TestServer;

beforeAll(async () => {
  internal = await listen((_path, res) => send(res, 'image/png', PNG));
  images = await listen((path, res, base) => {
    switch (path) {
      case '/a.png':
        return send(res, 'image/png', PNG, { 'Set-Cookie': 'session=1' });
      case '/a.jpg':
        return send(res, 'image/jpeg; charset=binary', JPEG);
      case '/a.gif':
        return send(res, 'image/gif', GIF);
      case '/a.webp':
        return send(res, 'image/webp', WEBP);
      case '/a.avif':
        return send(res, 'image/avif', AVIF);
      case '/page.html':
        return send(res, 'text/html; charset=utf-8', Buffer.from('<!doctype html><script>alert(1)</script>'));
      case '/logo.svg':
        return send(res, 'image/svg+xml', SVG);
      case '/no-type':
        return res.writeHead(200).end(PNG);
      case '/html-as.png':
        return send(res, 'image/png', Buffer.from('<html><body>not a picture</body></html>'));
      case '/svg-as.png':
        return send(res, 'image/png', SVG);
      case '/jpeg-as.png':
        return send(res, 'image/png', JPEG);
      case '/empty.png':
        return send(res, 'image/png', Buffer.alloc(0));
      case '/big-declared.png':
        return send(res, 'image/png', BIG_PNG);
      case '/big-streamed.png': {
        // Chunked, no Content-Length: only counting the bytes can stop it.
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.write(PNG);
        const timer = setInterval(() => res.write(Buffer.alloc(1024)), 1);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/missing.png':
        return res.writeHead(404, { 'Content-Type': 'image/png' }).end(PNG);
      case '/redirect':
        return res.writeHead(302, { Location: '/a.png' }).end();
      case '/redirect-absolute':
        return res.writeHead(301, { Location: `${base}/a.gif` }).end();
      case '/redirect-internal':
        return res.writeHead(302, { Location: `http://127.0.0.1:${internal.port}/a.png` }).end();
      case '/redirect-localhost':
        return res.writeHead(307, { Location: `http://localhost:${internal.port}/a.png` }).end();
      case '/redirect-private':
        return res.writeHead(302, { Location: 'http://10.0.0.1/a.png' }).end();
      case '/redirect-metadata':
        return res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
      case '/redirect-decimal':
        return res.writeHead(302, { Location: 'http://2130706433/a.png' }).end();
      case '/redirect-file':
        return res.writeHead(302, { Location: 'file:///etc/passwd' }).end();
      case '/redirect-nowhere':
        return res.writeHead(302).end();
      case '/loop':
        return res.writeHead(302, { Location: '/loop' }).end();
      case '/slow-headers':
        return; // never answers
      case '/slow-body':
        res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(PNG.length) });
        res.write(PNG.subarray(0, 8)); // and never the rest
        return;
      default:
        return res.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  for (const s of [images, internal]) {
    s.server.closeAllConnections();
    await new Promise<void>((resolve) => s.server.close(() => resolve()));
  }
});

beforeEach(() => {
  images.requests.length = 0;
  internal.requests.length = 0;
});

/** Public addresses, plus this test's image server on loopback: nothing else on this machine. */
const testServerOnly: AddressPolicy = ({ address, port }) =>
  isPublicAddress(address) || ((address === '127.0.0.1' || address === '::ffff:127.0.0.1') && port === images.port);

const options = (extra: ImageFetchOptions = {}): ImageFetchOptions => ({ policy: testServerOnly, maxBytes: MAX_BYTES, timeoutMs: 2_000, ...extra });

async function refusal(path: string, extra?: ImageFetchOptions): Promise<ImageRefusal> {
  const error = await fetchImage(`${images.base}${path}`, options(extra)).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImageRefusedError);
  return (error as ImageRefusedError).reason;
}

describe('fetchImage against a local server', () => {
  it.each([
    ['/a.png', 'image/png', PNG],
    ['/a.jpg', 'image/jpeg', JPEG],
    ['/a.gif', 'image/gif', GIF],
    ['/a.webp', 'image/webp', WEBP],
    ['/a.avif', 'image/avif', AVIF],
  ])('returns %s as %s with its bytes', async (path, type, bytes) => {
    const image = await fetchImage(`${images.base}${path}`, options());
    expect(image.contentType).toBe(type);
    expect(image.bytes.equals(bytes)).toBe(true);
  });

  it('sends no cookie, no referrer, no credentials', async () => {
    await fetchImage(`${images.base}/a.png`, options());
    await fetchImage(`${images.base}/a.png`, options());
    expect(images.requests).toHaveLength(2);
    for (const { headers } of images.requests) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(headers.origin).toBeUndefined();
    }
  });

  it('refuses the same server under the default policy (loopback), before sending anything', async () => {
    for (const host of [`127.0.0.1:${images.port}`, `localhost:${images.port}`, `[::ffff:127.0.0.1]:${images.port}`, `2130706433:${images.port}`]) {
      const error = await fetchImage(`http://${host}/a.png`, { timeoutMs: 2_000 }).catch((e: unknown) => e);
      expect((error as ImageRefusedError).reason).toBe('address');
    }
    expect(images.requests).toEqual([]);
  });

  it.each([
    ['/page.html', 'content-type'],
    ['/logo.svg', 'content-type'],
    ['/no-type', 'content-type'],
    ['/html-as.png', 'not-an-image'],
    ['/svg-as.png', 'not-an-image'],
    ['/jpeg-as.png', 'not-an-image'],
    ['/empty.png', 'not-an-image'],
    ['/big-declared.png', 'too-large'],
    ['/big-streamed.png', 'too-large'],
    ['/missing.png', 'status'],
    ['/redirect-internal', 'address'],
    ['/redirect-localhost', 'address'],
    ['/redirect-private', 'address'],
    ['/redirect-metadata', 'address'],
    ['/redirect-decimal', 'address'],
    ['/redirect-file', 'scheme'],
    ['/redirect-nowhere', 'redirects'],
    ['/loop', 'redirects'],
  ] as const)('refuses %s (%s)', async (path, reason) => {
    expect(await refusal(path)).toBe(reason);
    // A refused redirect never reached the other server.
    expect(internal.requests).toEqual([]);
  });

  it('follows a few redirects, checking each', async () => {
    expect((await fetchImage(`${images.base}/redirect`, options())).contentType).toBe('image/png');
    expect((await fetchImage(`${images.base}/redirect-absolute`, options())).contentType).toBe('image/gif');
    expect(await refusal('/redirect', { maxRedirects: 0 })).toBe('redirects');
  });

  it('reaches the "internal" server only when the policy allows its port', async () => {
    const both: AddressPolicy = ({ address, port }) => address === '127.0.0.1' && (port === images.port || port === internal.port);
    const image = await fetchImage(`${images.base}/redirect-internal`, { ...options(), policy: both });
    expect(image.bytes.equals(PNG)).toBe(true);
    expect(internal.requests).toHaveLength(1);
  });

  it('checks the address actually connected, not only what the name resolved to (DNS rebinding)', async () => {
    // The first check (at lookup) passes, the one on the connected socket does not.
    let checks = 0;
    const rebinding: AddressPolicy = () => ++checks === 1;
    const error = await fetchImage(`http://localhost:${images.port}/a.png`, { ...options(), policy: rebinding }).catch((e: unknown) => e);
    expect((error as ImageRefusedError).reason).toBe('address');
    expect(checks).toBe(2);
  });

  it('times out on a server that never answers, or stops sending', async () => {
    for (const path of ['/slow-headers', '/slow-body']) {
      const started = Date.now();
      expect(await refusal(path, { timeoutMs: 300 })).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });
});

describe('the image proxy', () => {
  it('keeps fetched images in memory and shares a fetch in progress', async () => {
    const proxy = createImageProxy(options());
    const [a, b] = await Promise.all([proxy.fetch(`${images.base}/a.png`), proxy.fetch(`${images.base}/a.png`)]);
    await proxy.fetch(`${images.base}/a.png`);
    expect(a).toBe(b);
    expect(images.requests).toHaveLength(1);
  });

  it('answers the renderer with the image, or a status and a reason', async () => {
    const proxy = createImageProxy(options());
    const ok = await answerMediaRequest(proxy, `${images.base}/a.png`);
    expect(ok.status).toBe(200);
    expect(ok.headers['Content-Type']).toBe('image/png');
    expect(ok.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(ok.body).equals(PNG)).toBe(true);
    expect((await answerMediaRequest(proxy, `${images.base}/logo.svg`)).status).toBe(502);
    expect((await answerMediaRequest(proxy, 'http://192.168.0.1/a.png')).status).toBe(403);
    expect((await answerMediaRequest(proxy, 'javascript:alert(1)')).status).toBe(400);
    expect((await answerMediaRequest(proxy, null)).status).toBe(400);
  });
});
