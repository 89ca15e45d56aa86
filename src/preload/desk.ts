// window.desk, built from the contract's method and event names over an injected transport
// (ipcRenderer in index.ts), so it is unit-tested without Electron.
//
// Errors: a failed call rejects with the core's plain {name, message} (a WireError), not an
// Error: contextBridge re-creates rejected Errors in the page from their message only and would
// lose the name, while plain objects cross intact. The renderer turns it back into a DeskError.
import { EVENT_NAMES, isEventName, METHOD_NAMES, type Desk, type DeskApi, type DeskEvents, type EventName, type MethodName } from '@shared/contract';
import type { WireError } from '@shared/errors';
import type { CallReply } from '@shared/ipcChannels';

export interface DeskTransport {
  /** Sends one call; resolves with the main process's CallReply. */
  invoke(method: MethodName, input: unknown): Promise<unknown>;
  /** Registers the one listener of pushed events (name, payload). */
  subscribe(listener: (name: unknown, payload: unknown) => void): void;
}

export function deskError(name: string, message: string): WireError {
  return { name, message };
}

function isCallReply(value: unknown): value is CallReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (reply.ok === true) return 'value' in reply;
  if (reply.ok !== false || typeof reply.error !== 'object' || reply.error === null) return false;
  const error = reply.error as Record<string, unknown>;
  return typeof error.name === 'string' && typeof error.message === 'string';
}

/** The value of a reply, or the core's error thrown as an Error with its name and message. */
export function unwrapReply(reply: unknown): unknown {
  if (!isCallReply(reply)) throw deskError('ProtocolError', 'Shiftdesk sent a reply this window cannot read.');
  if (reply.ok) return reply.value;
  throw deskError(reply.error.name, reply.error.message);
}

type Listener = (payload: unknown) => void;

export function createDesk(transport: DeskTransport, reportListenerError: (error: unknown) => void = console.error): Desk {
  // One entry per registration: the same function registered twice is called twice and each
  // unsubscribe removes only its own registration.
  const listeners = new Map<EventName, Set<{ listener: Listener }>>(EVENT_NAMES.map((name) => [name, new Set()]));

  transport.subscribe((name, payload) => {
    if (!isEventName(name)) return;
    for (const entry of [...listeners.get(name)!]) {
      try {
        entry.listener(payload);
      } catch (error) {
        reportListenerError(error);
      }
    }
  });

  const call = async (method: MethodName, input: unknown): Promise<unknown> => {
    let reply: unknown;
    try {
      reply = await transport.invoke(method, input ?? {});
    } catch (error) {
      // No handler (the app is starting or quitting), or an input that cannot be cloned.
      const detail = error instanceof Error ? error.message : String(error);
      throw deskError('Unavailable', `Shiftdesk could not take this request (${detail}).`);
    }
    return unwrapReply(reply);
  };

  const api = Object.fromEntries(METHOD_NAMES.map((method) => [method, (input: unknown) => call(method, input)])) as unknown as DeskApi;

  const on: DeskEvents['on'] = (event, listener) => {
    if (!isEventName(event)) throw new TypeError(`There is no event called ${String(event).slice(0, 100)}`);
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function');
    const entry = { listener: listener as Listener };
    const set = listeners.get(event)!;
    set.add(entry);
    return () => void set.delete(entry);
  };

  return Object.freeze({ ...api, on });
}
