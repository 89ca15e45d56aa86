// Browser mode: serves the built renderer and the contract over a WebSocket on loopback,
// guarded by a random per-run token, a Host check (no DNS rebinding) and an Origin check.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MEDIA_PATH, MEDIA_URL_PARAM } from '@shared/mediaProxy';
import { EVENT_METHOD, RPC_PATH, type RpcEvent } from '@shared/rpc';
import type { Core } from '../core';
import { answerMediaRequest, createImageProxy, type ImageProxy } from '../core/media';
import type { Logger } from '../core/ports';
import { handleRpcFrame } from './rpcServer';
import { readStaticFile } from './staticFiles';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface HostOptions {
  core: Pick<Core, 'handlers' | 'events'>;
  rendererDir: string;
  port: number;
  logger: Logger;
  token?: string;
  /** Remote images for the renderer, served at MEDIA_PATH (default: public addresses only). */
  imageProxy?: ImageProxy;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_FRAME_BYTES = 1 << 20;

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const { logger } = options;
  let port = options.port;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const imageProxy = options.imageProxy ?? createImageProxy();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => void serveFile(req, res));
  async function serveFile(req: IncomingMessage, res: ServerResponse) {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    };
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, headers).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const path = url.pathname;
    if (path === MEDIA_PATH) {
      // An <img> cannot send headers: the run token comes in the query, as for the WebSocket.
      if (!sameToken(url.searchParams.get('token'), token)) {
        res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden');
        return;
      }
      const answer = await answerMediaRequest(imageProxy, url.searchParams.get(MEDIA_URL_PARAM));
      if (answer.refusal) logger.warn('refused a remote image', { reason: answer.refusal.reason, message: answer.refusal.message });
      res.writeHead(answer.status, { ...headers, ...answer.headers });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const cache = path === '/' || path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
    res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Cache-Control': cache });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const origin = req.headers.origin;
    const hostOk = allowedHosts().has(req.headers.host ?? '');
    const originOk = origin === undefined || allowedHosts().has(origin.replace(/^http:\/\//, ''));
    if (url.pathname !== RPC_PATH || !hostOk || !originOk || !sameToken(url.searchParams.get('token'), token)) {
      logger.warn('refused a WebSocket connection', { path: url.pathname, hostOk, originOk });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        void handleRpcFrame(options.core.handlers, data.toString()).then((reply) => {
          if (reply !== null && ws.readyState === ws.OPEN) ws.send(reply);
        });
      });
    });
  });

  const unsubscribe = options.core.events.onAny((name, payload) => {
    const frame = JSON.stringify({ jsonrpc: '2.0', method: EVENT_METHOD, params: { name, payload } } satisfies RpcEvent);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
