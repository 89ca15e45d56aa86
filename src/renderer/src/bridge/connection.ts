// How the renderer is connected to the core. Electron's IPC is always connected; browser mode's
// WebSocket can drop and come back.

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** Connection attempts that failed since the last successful one. */
  failedAttempts: number;
  /** True once a connection was made in this page's life. */
  everConnected: boolean;
}

export interface ConnectionStore {
  get(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
  /** Skip the wait before the next reconnect attempt (no-op when connected). */
  reconnectNow(): void;
}

export const ALWAYS_CONNECTED: ConnectionStore = {
  get: () => CONNECTED,
  subscribe: () => () => {},
  reconnectNow: () => {},
};

const CONNECTED: ConnectionSnapshot = Object.freeze({ status: 'connected', failedAttempts: 0, everConnected: true });

/** After this many failed attempts the host has probably restarted with a new address. */
export const UNREACHABLE_AFTER_ATTEMPTS = 4;
