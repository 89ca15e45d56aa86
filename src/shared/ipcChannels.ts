// The Electron IPC channels of the contract, shared by the main process and the preload.
import type { WireError } from './errors';

/** renderer → main: ipcRenderer.invoke(CALL_CHANNEL, method, input) → CallReply. */
export const CALL_CHANNEL = 'desk:call';
/** main → renderer: webContents.send(EVENT_CHANNEL, name, payload). */
export const EVENT_CHANNEL = 'desk:event';

export type CallReply = { ok: true; value: unknown } | { ok: false; error: WireError };
