import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONNECTION_LOST, DISCONNECTED, RpcClient, type SocketHandlers } from './rpcClient';

class FakeSocket {
  sent: unknown[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  reply(id: number, result: unknown) {
    this.handlers.message(JSON.stringify({ jsonrpc: '2.0', id, result }));
  }
}

function setUp(options: { waitForConnectionMs?: number } = {}) {
  const sockets: FakeSocket[] = [];
  const client = new RpcClient({
    url: 'ws://127.0.0.1:1/rpc?token=t',
    createSocket: (url, handlers) => {
      const socket = new FakeSocket(url, handlers);
      sockets.push(socket);
      return socket;
    },
    random: () => 1,
    ...options,
  });
  const last = () => sockets[sockets.length - 1]!;
  return { client, sockets, last };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RpcClient', () => {
  it('sends JSON-RPC requests and resolves with the result', async () => {
    const { client, last } = setUp();
    last().handlers.open();
    const answer = client.call('getConversation', { id: 3 });
    expect(last().sent).toEqual([{ jsonrpc: '2.0', id: 1, method: 'getConversation', params: { id: 3 } }]);
    last().reply(1, { ok: true });
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('rejects with the error the host sent, by name', async () => {
    const { client, last } = setUp();
    last().handlers.open();
    const answer = client.call('getConversation', { id: 3 });
    last().handlers.message(
      JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'x', data: { name: 'NotFound', message: 'Conversation 3 was not found' } } }),
    );
    await expect(answer).rejects.toMatchObject({ name: 'NotFound', message: 'Conversation 3 was not found' });
  });

  it('dispatches pushed events to their listeners only', () => {
    const { client, last } = setUp();
    last().handlers.open();
    const changes = vi.fn();
    const status = vi.fn();
    const off = client.on('changes', changes);
    client.on('syncStatus', status);
    const push = (name: string, payload: unknown) =>
      last().handlers.message(JSON.stringify({ jsonrpc: '2.0', method: 'event', params: { name, payload } }));
    push('changes', { tables: ['messages'], conversationIds: [1] });
    push('nonsense', {});
    off();
    push('changes', { tables: [], conversationIds: [] });
    expect(changes).toHaveBeenCalledTimes(1);
    expect(changes).toHaveBeenCalledWith({ tables: ['messages'], conversationIds: [1] });
    expect(status).not.toHaveBeenCalled();
  });

  it('holds calls made while connecting and sends them once connected', async () => {
    const { client, last } = setUp();
    const answer = client.call('listQueues', {});
    expect(last().sent).toEqual([]);
    last().handlers.open();
    expect(last().sent).toHaveLength(1);
    last().reply(1, []);
    await expect(answer).resolves.toEqual([]);
  });

  it('fails a waiting call after the timeout', async () => {
    const { client } = setUp({ waitForConnectionMs: 30_000 });
    const answer = client.call('listQueues', {});
    const settled = expect(answer).rejects.toMatchObject({ name: DISCONNECTED });
    await vi.advanceTimersByTimeAsync(30_000);
    await settled;
  });

  it('reconnects with backoff, reports its state and fails calls lost in flight', async () => {
    const { client, sockets, last } = setUp();
    const states: string[] = [];
    client.subscribe(() => states.push(client.get().status));
    last().handlers.open();
    const lost = client.call('sendReply', { conversationId: 1, body: 'hi' });
    last().handlers.close();
    await expect(lost).rejects.toMatchObject({ name: CONNECTION_LOST });
    expect(client.get()).toMatchObject({ status: 'reconnecting', everConnected: true, failedAttempts: 0 });

    // A call made now waits for the next connection.
    const later = client.call('listQueues', {});
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    last().handlers.close(); // that attempt failed too
    expect(client.get().failedAttempts).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    last().handlers.open();
    expect(last().sent).toEqual([{ jsonrpc: '2.0', id: 2, method: 'listQueues', params: {} }]);
    last().reply(2, ['q']);
    await expect(later).resolves.toEqual(['q']);
    expect(states).toEqual(['connected', 'reconnecting', 'reconnecting', 'connected']);
  });

  it('ignores a stale socket after a new one took over', () => {
    const { client, sockets, last } = setUp();
    const first = last();
    first.handlers.open();
    first.handlers.close();
    client.reconnectNow();
    expect(sockets).toHaveLength(2);
    first.handlers.open();
    expect(client.get().status).toBe('reconnecting');
  });

  it('stops for good when closed', async () => {
    const { client, sockets, last } = setUp();
    const waiting = client.call('listQueues', {});
    client.close();
    await expect(waiting).rejects.toMatchObject({ name: DISCONNECTED });
    expect(last().closed).toBe(true);
    last().handlers.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });
});
