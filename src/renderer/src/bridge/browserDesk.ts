// Browser mode: the contract over JSON-RPC on a WebSocket to the local host, authorised by the
// per-run token the host printed in the page address.
import type { Desk } from '@shared/contract';
import { RPC_PATH } from '@shared/rpc';
import { createDeskProxy } from './deskProxy';
import { RpcClient, type SocketFactory } from './rpcClient';
import { takeToken } from './token';

const createWebSocket: SocketFactory = (url, handlers) => {
  let socket: WebSocket;
  try {
    socket = new WebSocket(url);
  } catch {
    queueMicrotask(() => handlers.close());
    return { send: () => {}, close: () => {} };
  }
  socket.onopen = () => handlers.open();
  socket.onmessage = (event) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  socket.onclose = () => handlers.close();
  socket.onerror = () => {
    // A close event always follows.
  };
  return {
    send: (data) => socket.send(data),
    close: () => socket.close(),
  };
};

/** The token of this tab, read once at startup (see token.ts). */
export function readBrowserToken(): string | null {
  return takeToken(window.location.href, window.sessionStorage, (cleanUrl) =>
    window.history.replaceState(window.history.state, '', cleanUrl),
  );
}

export function browserDesk(token: string): { desk: Desk; client: RpcClient } {
  const client = new RpcClient({
    url: `ws://${window.location.host}${RPC_PATH}?token=${encodeURIComponent(token)}`,
    createSocket: createWebSocket,
  });
  // Back online, or back in a tab that slept: try at once instead of waiting for the backoff.
  window.addEventListener('online', client.reconnectNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') client.reconnectNow();
  });
  const desk = createDeskProxy(
    (method, input) => client.call(method, input),
    (event, listener) => client.on(event, listener as (payload: unknown) => void),
  );
  return { desk, client };
}
