// Electron: the preload exposes the contract as window.desk (same Desk shape, over IPC).
// Its calls reject with a plain {name, message}, which crosses contextBridge intact; here it
// becomes a DeskError again, as in browser mode.
import { METHOD_NAMES, type Desk, type DeskApi } from '@shared/contract';
import { fromWireError, type WireError } from '@shared/errors';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in browser mode. */
    readonly desk?: Desk;
  }
}

const isWireError = (value: unknown): value is WireError =>
  typeof value === 'object' && value !== null && typeof (value as WireError).name === 'string' && typeof (value as WireError).message === 'string';

export function electronDesk(): Desk | null {
  if (typeof window === 'undefined' || !window.desk) return null;
  const exposed = window.desk;
  const api = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (input: unknown) =>
        (exposed[method] as (input: unknown) => Promise<unknown>)(input).catch((error: unknown) => {
          throw error instanceof Error || !isWireError(error) ? error : fromWireError(error);
        }),
    ]),
  ) as unknown as DeskApi;
  return { ...api, on: exposed.on };
}
