// Binds the contract to Electron IPC: one invoke channel for every method, sender-checked, and
// every core event pushed to the app's windows. Electron objects are injected (type-only import),
// so the checks are unit-tested with fakes.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch, type DeskHandlers, type EventName } from '@shared/contract';
import { DeskError, toWireError, type WireError } from '@shared/errors';
import type { Logger } from '../core/ports';
import { CALL_CHANNEL, EVENT_CHANNEL, type CallReply } from '@shared/ipcChannels';

export interface ContractBindingOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: DeskHandlers;
  events: { onAny(listener: (name: EventName, payload: unknown) => void): () => void };
  /** The web contents of the app's own windows, right now. */
  appContents(): readonly WebContents[];
  /** The app's origin check (appLocation.isAppUrl). */
  isAppUrl(url: string): boolean;
  logger: Logger;
}

export const FORBIDDEN: WireError = { name: 'Forbidden', message: 'This page is not allowed to use Shiftdesk.' };

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** The main frame of one of our windows, showing our page: nothing else may call the core. */
export function isTrustedSender(event: SenderEvent, appContents: readonly WebContents[], isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const contents = event.sender;
  if (!appContents.includes(contents) || contents.isDestroyed()) return false;
  const main = contents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}

/** Registers the handler and the event forwarding; returns the function that removes both. */
export function bindContract(options: ContractBindingOptions): () => void {
  const { ipcMain, handlers, events, appContents, isAppUrl, logger } = options;

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<CallReply> => {
    if (!isTrustedSender(event, appContents(), isAppUrl)) {
      logger.warn('refused a contract call from an untrusted frame', {
        method: String(method).slice(0, 100),
        url: safeFrameUrl(event),
      });
      return { ok: false, error: FORBIDDEN };
    }
    try {
      return { ok: true, value: await dispatch(handlers, method, input) };
    } catch (error) {
      // DeskErrors are expected outcomes (not found, invalid input...); anything else is a bug.
      if (!(error instanceof DeskError)) {
        logger.error('contract call failed', { method: String(method), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      return { ok: false, error: toWireError(error) };
    }
  });

  const unsubscribe = events.onAny((name, payload) => {
    for (const contents of appContents()) {
      if (contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) continue;
      try {
        contents.send(EVENT_CHANNEL, name, payload);
      } catch (error) {
        logger.warn('could not forward an event to a window', { event: name, error: String(error) });
      }
    }
  });

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}

function safeFrameUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url.slice(0, 200) ?? null;
  } catch {
    return null;
  }
}
