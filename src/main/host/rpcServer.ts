// The contract over JSON-RPC 2.0 on a WebSocket: one function from a text frame to a reply.
import { dispatch, type DeskHandlers } from '@shared/contract';
import { toWireError } from '@shared/errors';
import { RPC_ERRORS, rpcErrorCode, type RpcResponse } from '@shared/rpc';

function errorResponse(id: RpcResponse['id'], code: number, name: string, message: string): RpcResponse {
  return { jsonrpc: '2.0', id, error: { code, message, data: { name, message } } };
}

async function handleOne(handlers: DeskHandlers, request: unknown): Promise<RpcResponse | null> {
  if (typeof request !== 'object' || request === null || (request as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
    return errorResponse(null, RPC_ERRORS.invalidRequest, 'InvalidRequest', 'Not a JSON-RPC 2.0 request');
  }
  const { id, method, params } = request as { id?: unknown; method?: unknown; params?: unknown };
  const validId = typeof id === 'number' || typeof id === 'string' ? id : null;
  if (typeof method !== 'string') return errorResponse(validId, RPC_ERRORS.invalidRequest, 'InvalidRequest', 'method must be a string');
  try {
    const result = await dispatch(handlers, method, params);
    // A request without an id is a notification: no reply.
    return id === undefined ? null : { jsonrpc: '2.0', id: validId, result: result ?? null };
  } catch (error) {
    const wire = toWireError(error);
    return id === undefined ? null : errorResponse(validId, rpcErrorCode(wire.name), wire.name, wire.message);
  }
}

/** Handles one frame (a request or a batch); returns the text to send back, or null. */
export async function handleRpcFrame(handlers: DeskHandlers, frame: string): Promise<string | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return JSON.stringify(errorResponse(null, RPC_ERRORS.parse, 'ParseError', 'The message is not valid JSON'));
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return JSON.stringify(errorResponse(null, RPC_ERRORS.invalidRequest, 'InvalidRequest', 'Empty batch'));
    const replies = (await Promise.all(parsed.map((r) => handleOne(handlers, r)))).filter((r) => r !== null);
    return replies.length ? JSON.stringify(replies) : null;
  }
  const reply = await handleOne(handlers, parsed);
  return reply ? JSON.stringify(reply) : null;
}
