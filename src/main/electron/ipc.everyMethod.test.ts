// Every method of the contract, called over IPC from every kind of frame that is not the main
// frame of our window showing our page, is refused before its handler runs. The methods come
// from METHOD_NAMES, so a method added to the contract is covered without touching this file.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type DeskHandlers, type MethodName } from '@shared/contract';
import { CALL_CHANNEL, type CallReply } from '@shared/ipcChannels';
import { silentLogger } from '../core/adapters/logger';
import { EventBus } from '../core/events';
import { isAppUrl, resolveAppLocation } from './appLocation';
import { bindContract, FORBIDDEN } from './ipc';

const location = resolveAppLocation({ devServerUrl: undefined, isPackaged: true, rendererDir: '/opt/Shiftdesk/out/renderer' });
const APP = location.url.href;

/** The parts of Electron's WebFrameMain that the sender check reads. */
type FakeFrame = Pick<WebFrameMain, 'processId' | 'routingId' | 'url'> & { parent: FakeFrame | null };
/** The parts of Electron's WebContents that the binding reads. */
type FakeContents = Pick<WebContents, 'isDestroyed' | 'send'> & { mainFrame: FakeFrame };
type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

function fakeContents(url: string, processId: number, destroyed = false): FakeContents {
  return { mainFrame: { parent: null, processId, routingId: 1, url }, isDestroyed: () => destroyed, send: vi.fn() };
}
const asContents = (c: FakeContents) => c as unknown as WebContents;
const eventFrom = (contents: FakeContents, frame: FakeFrame | null): IpcMainInvokeEvent => {
  const event: SenderEvent = { sender: asContents(contents), senderFrame: frame as WebFrameMain | null };
  return event as IpcMainInvokeEvent;
};

const ourWindow = fakeContents(APP, 7);
/** Still listed among our windows, already destroyed. */
const closedWindow = fakeContents(APP, 11, true);
const subFrame = (url: string): FakeFrame => ({ parent: ourWindow.mainFrame, processId: 7, routingId: 12, url });

/** Senders that must be refused, each as the event Electron would hand to the handler. */
const UNTRUSTED: Record<string, () => IpcMainInvokeEvent> = {
  'foreign https origin in our window': () => {
    const navigated = fakeContents('https://evil.example/', 7);
    return eventFrom(navigated, navigated.mainFrame);
  },
  'another page of the app: origin': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'app://shiftdesk/other.html' }),
  'another app: host': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'app://evil/index.html' }),
  'the built page as a file: URL': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'file:///opt/Shiftdesk/out/renderer/index.html' }),
  'file:///etc/passwd': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'file:///etc/passwd' }),
  'a localhost page (no dev server in a packaged app)': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'http://localhost:5173/' }),
  'about:blank': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'about:blank' }),
  'a data: page': () => eventFrom(ourWindow, { ...ourWindow.mainFrame, url: 'data:text/html,<script>desk.call()</script>' }),
  'sub-frame with a foreign origin': () => eventFrom(ourWindow, subFrame('https://evil.example/frame')),
  'sub-frame showing our own page': () => eventFrom(ourWindow, subFrame(APP)),
  'top-level frame that is not the main frame': () => eventFrom(ourWindow, { parent: null, processId: 7, routingId: 2, url: APP }),
  'frame already gone (null senderFrame)': () => eventFrom(ourWindow, null),
  'a window of ours that was closed': () => eventFrom(closedWindow, closedWindow.mainFrame),
  'another web contents showing our page': () => {
    const other = fakeContents(APP, 9);
    return eventFrom(other, other.mainFrame);
  },
};

function bind(handlers: DeskHandlers) {
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<CallReply>) | null = null;
  const ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'> = {
    handle: (channel, listener) => {
      expect(channel).toBe(CALL_CHANNEL);
      handler = listener as typeof handler;
    },
    removeHandler: () => undefined,
  };
  bindContract({
    ipcMain,
    handlers,
    events: new EventBus(),
    appContents: () => [ourWindow, closedWindow].map(asContents),
    isAppUrl: (url) => isAppUrl(location, url),
    logger: silentLogger,
  });
  return (method: MethodName, event: IpcMainInvokeEvent) => handler!(event, method, {});
}

function spyHandlers() {
  const spies = Object.fromEntries(METHOD_NAMES.map((name) => [name, vi.fn(() => undefined)]));
  return { spies, handlers: spies as unknown as DeskHandlers };
}

let refusals = 0;
afterAll(() => {
  console.log(`IPC: ${METHOD_NAMES.length} contract methods × ${Object.keys(UNTRUSTED).length} untrusted senders = ${refusals} calls refused, 0 handlers run`);
});

describe('every contract method over IPC', () => {
  it('covers the whole contract', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(50);
  });

  it.each(Object.keys(UNTRUSTED))('refuses %s for every method, without running a handler', async (sender) => {
    const { spies, handlers } = spyHandlers();
    const call = bind(handlers);
    for (const method of METHOD_NAMES) {
      expect(await call(method, UNTRUSTED[sender]!()), method).toEqual({ ok: false, error: FORBIDDEN });
      refusals += 1;
    }
    for (const [method, spy] of Object.entries(spies)) expect(spy, method).not.toHaveBeenCalled();
  });

  it('serves the same methods from our main frame (so the refusals above are the sender check)', async () => {
    const { spies, handlers } = spyHandlers();
    const call = bind(handlers);
    let served = 0;
    for (const method of METHOD_NAMES) {
      const reply = await call(method, eventFrom(ourWindow, ourWindow.mainFrame));
      // {} is not a valid input for every method: then validation answers, never the sender check.
      if (reply.ok) served += 1;
      else expect(reply.error.name, method).toBe('InvalidInput');
      expect(spies[method]).toHaveBeenCalledTimes(reply.ok ? 1 : 0);
    }
    expect(served).toBeGreaterThan(0);
  });
});
