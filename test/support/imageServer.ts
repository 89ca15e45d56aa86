// A real HTTP server on 127.0.0.1 serving a few images, and the address policy that lets the
// image proxy reach it (the default policy refuses loopback).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicAnd, type AddressPolicy } from '../../src/main/core/media';

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface ImageServer {
  base: string;
  port: number;
  requests: string[];
  /** Public addresses, and this server: nothing else on the machine. */
  policy: AddressPolicy;
  close(): Promise<void>;
}

export async function startImageServer(): Promise<ImageServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/a.png') res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': TINY_PNG.length }).end(TINY_PNG);
    else if (path === '/logo.svg') res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    policy: publicAnd([{ address: '127.0.0.1', port }]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
