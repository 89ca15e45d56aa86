import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { METHOD_NAMES, type DeskHandlers } from '@shared/contract';
import { tempDir } from '../../../test/support/coreFixtures';
import { silentLogger } from '../core/adapters/logger';
import { EventBus } from '../core/events';
import { startHost, type RunningHost } from './server';

const hosts: RunningHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function host() {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Shiftdesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  const events = new EventBus();
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => ({ method: m, input })])) as unknown as DeskHandlers;
  const running = await startHost({ core: { handlers, events }, rendererDir, port: 0, logger: silentLogger });
  hosts.push(running);
  return { running, events };
}

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(url: string, headers: Record<string, string> = {}) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, frame: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

describe('browser-mode host', () => {
  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const { running } = await host();
    const index = await get(running.port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Shiftdesk</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(running.port, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/nope.js']) {
      const res = await get(running.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const { running } = await host();
    expect((await get(running.port, '/', { Host: 'evil.example:80' })).status).toBe(421);
  });

  it('accepts the WebSocket only with the run token and from its own origin', async () => {
    const { running } = await host();
    const base = `ws://127.0.0.1:${running.port}/rpc`;
    await expect(connect(`${base}?token=wrong`)).rejects.toThrow(/403/);
    await expect(connect(base)).rejects.toThrow(/403/);
    await expect(connect(`${base}?token=${running.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const ws = await connect(`${base}?token=${running.token}`, { Origin: `http://127.0.0.1:${running.port}` });
    ws.close();
  });

  it('speaks JSON-RPC 2.0: results, validation errors, unknown methods, parse errors, batches', async () => {
    const { running } = await host();
    const ws = await connect(`ws://127.0.0.1:${running.port}/rpc?token=${running.token}`);
    expect(await call(ws, { jsonrpc: '2.0', id: 1, method: 'getConversation', params: { id: 5 } })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { method: 'getConversation', input: { id: 5 } },
    });
    expect(await call(ws, { jsonrpc: '2.0', id: 2, method: 'getConversation', params: { id: 'x' } })).toMatchObject({
      id: 2,
      error: { code: -32602, data: { name: 'InvalidInput' } },
    });
    expect(await call(ws, { jsonrpc: '2.0', id: 3, method: 'dropDatabase' })).toMatchObject({ id: 3, error: { code: -32601, data: { name: 'UnknownMethod' } } });
    expect(await call(ws, '{not json')).toMatchObject({ id: null, error: { code: -32700 } });
    expect(await call(ws, { id: 4, method: 'getWorkspace' })).toMatchObject({ error: { code: -32600 } });
    const batch = (await call(ws, [
      { jsonrpc: '2.0', id: 'a', method: 'listQueues', params: {} },
      { jsonrpc: '2.0', id: 'b', method: 'getSyncStatus', params: {} },
    ])) as { id: string }[];
    expect(batch.map((r) => r.id)).toEqual(['a', 'b']);
    ws.close();
  });

  it('pushes core events to every connected client', async () => {
    const { running, events } = await host();
    const ws = await connect(`ws://127.0.0.1:${running.port}/rpc?token=${running.token}`);
    const received = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    events.emit('changes', { tables: ['drafts'], conversationIds: [3] });
    expect(await received).toEqual({ jsonrpc: '2.0', method: 'event', params: { name: 'changes', payload: { tables: ['drafts'], conversationIds: [3] } } });
    ws.close();
  });
});
