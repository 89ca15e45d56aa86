// JSON-RPC 2.0 client of the browser-mode host (src/shared/rpc.ts) over a reconnecting socket.
// DOM-free: the socket is made by an injected factory, so the logic is unit-tested in Node.
import { EVENT_NAMES, type EventName } from '@shared/contract';
import { DeskError, fromWireError, type WireError } from '@shared/errors';
import { EVENT_METHOD, type RpcRequest } from '@shared/rpc';
import { fullJitterDelay, RECONNECT_BACKOFF, type BackoffOptions } from './backoff';
import type { ConnectionSnapshot, ConnectionStore } from './connection';

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  /** The socket closed or could not connect. Called once per socket. */
  close(): void;
}

export interface SocketHandle {
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

export interface RpcClientOptions {
  url: string;
  createSocket: SocketFactory;
  backoff?: BackoffOptions;
  /** How long a call made while disconnected waits for the connection before it fails. */
  waitForConnectionMs?: number;
  random?: () => number;
  onListenerError?: (error: unknown) => void;
}

/** A call that could not be made because the host stayed unreachable. */
export const DISCONNECTED = 'Disconnected';
/** A call that was sent, but the connection dropped before its answer came. */
export const CONNECTION_LOST = 'ConnectionLost';

interface PendingCall {
  frame: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout> | null;
}

type Listener = (payload: unknown) => void;

export class RpcClient implements ConnectionStore {
  private socket: SocketHandle | null = null;
  /** Identity of the current connection attempt: callbacks of older sockets are ignored. */
  private attempt: object | null = null;
  private snapshot: ConnectionSnapshot = { status: 'connecting', failedAttempts: 0, everConnected: false };
  private readonly stateListeners = new Set<() => void>();
  private readonly eventListeners = new Map<EventName, Set<Listener>>();
  /** Calls waiting for a connection, in call order. */
  private readonly waiting = new Map<number, PendingCall>();
  /** Calls sent on the current socket, waiting for their answer. */
  private readonly inFlight = new Map<number, PendingCall>();
  private nextId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly backoff: BackoffOptions;
  private readonly waitMs: number;
  private readonly random: () => number;

  constructor(private readonly options: RpcClientOptions) {
    this.backoff = options.backoff ?? RECONNECT_BACKOFF;
    this.waitMs = options.waitForConnectionMs ?? 30_000;
    this.random = options.random ?? Math.random;
    this.connect();
  }

  // ── calls ────────────────────────────────────────────────────────────────────────────────

  call(method: string, params: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new DeskError(DISCONNECTED, 'The connection to Shiftdesk was closed'));
    const id = this.nextId++;
    const request: RpcRequest = { jsonrpc: '2.0', id, method, params };
    return new Promise((resolve, reject) => {
      const call: PendingCall = { frame: JSON.stringify(request), resolve, reject, timer: null };
      if (this.socket && this.snapshot.status === 'connected') {
        this.inFlight.set(id, call);
        this.socket.send(call.frame);
        return;
      }
      call.timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new DeskError(DISCONNECTED, `Shiftdesk could not be reached within ${Math.round(this.waitMs / 1000)} seconds`));
      }, this.waitMs);
      this.waiting.set(id, call);
    });
  }

  on(event: EventName, listener: Listener): () => void {
    let listeners = this.eventListeners.get(event);
    if (!listeners) this.eventListeners.set(event, (listeners = new Set()));
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  // ── connection state (ConnectionStore) ────────────────────────────────────────────────────

  get = (): ConnectionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  };

  reconnectNow = (): void => {
    if (this.closed || this.socket || this.reconnectTimer === null) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connect();
  };

  /** Closes for good: pending calls fail, no reconnection. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.failAll(this.inFlight, CONNECTION_LOST, 'The connection to Shiftdesk was closed');
    this.failAll(this.waiting, DISCONNECTED, 'The connection to Shiftdesk was closed');
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────

  private setSnapshot(next: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of [...this.stateListeners]) listener();
  }

  private connect(): void {
    const attempt = {};
    this.attempt = attempt;
    let opened = false;
    let ended = false;
    const isCurrent = () => !ended && this.attempt === attempt;
    // Factories call the handlers asynchronously (as WebSocket does), after this returns.
    const socket: SocketHandle = this.options.createSocket(this.options.url, {
      open: () => {
        if (!isCurrent()) return;
        opened = true;
        this.socket = socket;
        this.setSnapshot({ status: 'connected', failedAttempts: 0, everConnected: true });
        this.flushWaiting();
      },
      message: (data) => {
        if (isCurrent()) this.receive(data);
      },
      close: () => {
        if (!isCurrent()) {
          ended = true;
          return;
        }
        ended = true;
        this.attempt = null;
        this.socket = null;
        this.failAll(
          this.inFlight,
          CONNECTION_LOST,
          'The connection to Shiftdesk was lost before it answered; check the result before trying again',
        );
        if (this.closed) return;
        const failedAttempts = opened ? 0 : this.snapshot.failedAttempts + 1;
        this.setSnapshot({ status: this.snapshot.everConnected ? 'reconnecting' : 'connecting', failedAttempts });
        const delay = fullJitterDelay(failedAttempts, this.backoff, this.random);
        this.reconnectTimer = setTimeout(() => {
          this.reconnectTimer = null;
          this.connect();
        }, delay);
      },
    });
    if (this.attempt === attempt) this.socket = socket;
  }

  private flushWaiting(): void {
    const socket = this.socket;
    if (!socket) return;
    for (const [id, call] of this.waiting) {
      if (call.timer !== null) clearTimeout(call.timer);
      call.timer = null;
      this.waiting.delete(id);
      this.inFlight.set(id, call);
      socket.send(call.frame);
    }
  }

  private failAll(calls: Map<number, PendingCall>, name: string, message: string): void {
    for (const call of calls.values()) {
      if (call.timer !== null) clearTimeout(call.timer);
      call.reject(new DeskError(name, message));
    }
    calls.clear();
  }

  private receive(data: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    for (const frame of Array.isArray(parsed) ? parsed : [parsed]) this.receiveFrame(frame);
  }

  private receiveFrame(frame: unknown): void {
    if (typeof frame !== 'object' || frame === null) return;
    const message = frame as { id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown };
    if (message.method === EVENT_METHOD) {
      const params = message.params as { name?: unknown; payload?: unknown } | undefined;
      if (params && (EVENT_NAMES as readonly unknown[]).includes(params.name)) this.emit(params.name as EventName, params.payload);
      return;
    }
    if (typeof message.id !== 'number') return;
    const call = this.inFlight.get(message.id);
    if (!call) return;
    this.inFlight.delete(message.id);
    if ('error' in message && message.error) call.reject(toDeskError(message.error));
    else call.resolve(message.result);
  }

  private emit(event: EventName, payload: unknown): void {
    for (const listener of [...(this.eventListeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        (this.options.onListenerError ?? console.error)(error);
      }
    }
  }
}

function toDeskError(error: unknown): DeskError {
  const { message, data } = error as { message?: unknown; data?: Partial<WireError> };
  if (data && typeof data.name === 'string' && typeof data.message === 'string') return fromWireError(data as WireError);
  return new DeskError('Error', typeof message === 'string' ? message : 'Shiftdesk reported an error');
}
