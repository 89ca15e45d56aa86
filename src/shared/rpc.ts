// JSON-RPC 2.0 framing of the contract over the browser-mode WebSocket.
// Calls: {jsonrpc, id, method, params} → {jsonrpc, id, result} | {jsonrpc, id, error}.
// Events: server-to-client notifications {jsonrpc, method: 'event', params: {name, payload}}.
import type { WireError } from './errors';

export const RPC_PATH = '/rpc';
export const EVENT_METHOD = 'event';

export interface RpcRequest {
  jsonrpc: '2.0';
  id: number | string;
  method: string;
  params?: unknown;
}

export interface RpcErrorObject {
  code: number;
  message: string;
  data: WireError;
}

export type RpcResponse =
  | { jsonrpc: '2.0'; id: number | string | null; result: unknown }
  | { jsonrpc: '2.0'; id: number | string | null; error: RpcErrorObject };

export interface RpcEvent {
  jsonrpc: '2.0';
  method: typeof EVENT_METHOD;
  params: { name: string; payload: unknown };
}

export const RPC_ERRORS = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** Application errors (NotFound, Conflict ...) travel with their name in data. */
  application: -32000,
} as const;

export function rpcErrorCode(name: string): number {
  if (name === 'UnknownMethod') return RPC_ERRORS.methodNotFound;
  if (name === 'InvalidInput') return RPC_ERRORS.invalidParams;
  return RPC_ERRORS.application;
}
