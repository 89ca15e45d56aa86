// Picks the transport at startup: the preload's window.desk in Electron, else the WebSocket
// client of browser mode (which needs the token from the address the host printed).
import type { Desk } from '@shared/contract';
import { configureProxiedImages } from '../media/proxiedImage';
import { browserDesk, readBrowserToken } from './browserDesk';
import { ALWAYS_CONNECTED, type ConnectionStore } from './connection';
import { electronDesk } from './electronDesk';

export type BridgeMode = 'electron' | 'browser';

export type Bridge =
  | { kind: 'ready'; mode: BridgeMode; desk: Desk; connection: ConnectionStore }
  | { kind: 'missing-token' };

export function startBridge(): Bridge {
  const desk = electronDesk();
  if (desk) {
    configureProxiedImages({ kind: 'scheme' });
    return { kind: 'ready', mode: 'electron', desk, connection: ALWAYS_CONNECTED };
  }
  const token = readBrowserToken();
  if (!token) return { kind: 'missing-token' };
  configureProxiedImages({ kind: 'path', token });
  const browser = browserDesk(token);
  return { kind: 'ready', mode: 'browser', desk: browser.desk, connection: browser.client };
}
