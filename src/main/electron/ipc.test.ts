import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { DeskHandlers } from '@shared/contract';
import { notFound } from '@shared/errors';
import { silentLogger } from '../core/adapters/logger';
import { EventBus } from '../core/events';
import { bindContract, FORBIDDEN, isTrustedSender } from './ipc';
import { CALL_CHANNEL, EVENT_CHANNEL, type CallReply } from '@shared/ipcChannels';

const APP = 'app://shiftdesk/index.html';
const isAppUrl = (url: string) => url.split('#')[0] === APP;

interface FakeFrame {
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  url: string;
}

function fakeContents(url = APP, ids = { processId: 4, routingId: 1 }) {
  const mainFrame: FakeFrame = { parent: null, ...ids, url };
  const contents = { mainFrame, destroyed: false, isDestroyed: () => contents.destroyed, send: vi.fn() };
  return contents;
}
type FakeContents = ReturnType<typeof fakeContents>;
const asContents = (c: FakeContents) => c as unknown as WebContents;

const eventFrom = (contents: FakeContents, frame: FakeFrame | null = contents.mainFrame) =>
  ({ sender: asContents(contents), senderFrame: frame }) as unknown as IpcMainInvokeEvent;

function setUp(handlers: Partial<DeskHandlers> = {}) {
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<CallReply>) | null = null;
  const ipcMain = {
    handle: vi.fn((channel: string, h: typeof handler) => {
      expect(channel).toBe(CALL_CHANNEL);
      handler = h;
    }),
    removeHandler: vi.fn(),
  };
  const window = fakeContents();
  const events = new EventBus();
  const error = vi.fn();
  const warn = vi.fn();
  const windows = [window];
  const dispose = bindContract({
    ipcMain: ipcMain as never,
    handlers: handlers as DeskHandlers,
    events,
    appContents: () => windows.map(asContents),
    isAppUrl,
    logger: { ...silentLogger, error, warn },
  });
  const call = (method: unknown, input: unknown, event = eventFrom(window)) => handler!(event, method, input);
  return { ipcMain, window, windows, events, call, dispose, error, warn };
}

describe('isTrustedSender', () => {
  const contents = fakeContents();
  const all = [asContents(contents)];

  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(eventFrom(contents), all, isAppUrl)).toBe(true);
  });

  it('refuses a sub-frame, a missing frame, another web contents, a foreign page and a destroyed window', () => {
    const child: FakeFrame = { parent: contents.mainFrame, processId: 4, routingId: 9, url: APP };
    expect(isTrustedSender(eventFrom(contents, child), all, isAppUrl)).toBe(false);
    expect(isTrustedSender(eventFrom(contents, null), all, isAppUrl)).toBe(false);
    const stranger = fakeContents();
    expect(isTrustedSender(eventFrom(stranger), all, isAppUrl)).toBe(false);
    const elsewhere = fakeContents('https://evil.example/');
    expect(isTrustedSender(eventFrom(elsewhere), [asContents(elsewhere)], isAppUrl)).toBe(false);
    // A top-level frame that is not the contents' main frame (e.g. a fenced frame).
    const orphan: FakeFrame = { parent: null, processId: 4, routingId: 2, url: APP };
    expect(isTrustedSender(eventFrom(contents, orphan), all, isAppUrl)).toBe(false);
    const gone = fakeContents();
    gone.destroyed = true;
    expect(isTrustedSender(eventFrom(gone), [asContents(gone)], isAppUrl)).toBe(false);
  });
});

describe('bindContract', () => {
  const workspace = { self: { id: 'me', name: 'Me', timeZone: 'UTC', isSelf: true, role: 'agent' as const, workingCalendarId: null, quietUntil: null, uiLanguage: null }, agents: [], accounts: [], demo: true };

  it('dispatches a valid call and returns its value', async () => {
    const getWorkspace = vi.fn(() => workspace);
    const { call } = setUp({ getWorkspace });
    await expect(call('getWorkspace', {})).resolves.toEqual({ ok: true, value: workspace });
    expect(getWorkspace).toHaveBeenCalledWith({});
  });

  it('passes validated, defaulted input to async handlers', async () => {
    const listConversations = vi.fn(async () => []);
    const { call } = setUp({ listConversations });
    await expect(call('listConversations', { queue: 'all' })).resolves.toEqual({ ok: true, value: [] });
    expect(listConversations).toHaveBeenCalledWith({ queue: 'all', limit: 200 });
  });

  it('returns errors as {name, message}: unknown methods, invalid input, core errors', async () => {
    const { call, error } = setUp({ getConversation: () => { throw notFound('Conversation 9'); } });
    expect(await call('dropTables', {})).toMatchObject({ ok: false, error: { name: 'UnknownMethod' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { name: 'UnknownMethod' } });
    expect(await call('getConversation', { id: -1 })).toMatchObject({ ok: false, error: { name: 'InvalidInput' } });
    expect(await call('getConversation', { id: 9 })).toEqual({ ok: false, error: { name: 'NotFound', message: 'Conversation 9 was not found' } });
    expect(error).not.toHaveBeenCalled();
  });

  it('logs unexpected errors (bugs) and still answers', async () => {
    const { call, error } = setUp({ getSyncStatus: () => { throw new TypeError('boom'); } });
    expect(await call('getSyncStatus', {})).toEqual({ ok: false, error: { name: 'TypeError', message: 'boom' } });
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('refuses calls from frames that are not ours without running the handler', async () => {
    const getWorkspace = vi.fn(() => workspace);
    const { call, warn } = setUp({ getWorkspace });
    const stranger = fakeContents('https://evil.example/');
    expect(await call('getWorkspace', {}, eventFrom(stranger))).toEqual({ ok: false, error: FORBIDDEN });
    expect(getWorkspace).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
  });

  it("forwards every core event to the app's windows showing the app, and stops on dispose", () => {
    const { events, window, windows, dispose, ipcMain } = setUp();
    const navigatedAway = fakeContents('https://evil.example/');
    const closed = fakeContents();
    closed.destroyed = true;
    windows.push(navigatedAway, closed);
    events.emit('changes', { tables: ['messages'], conversationIds: [3] });
    expect(window.send).toHaveBeenCalledWith(EVENT_CHANNEL, 'changes', { tables: ['messages'], conversationIds: [3] });
    expect(navigatedAway.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(CALL_CHANNEL);
    events.emit('syncStatus', { accounts: [], queuedReplies: 0, failedReplies: 0 });
    expect(window.send).toHaveBeenCalledTimes(1);
  });

  it('survives a window whose send throws', () => {
    const { events, window, warn } = setUp();
    window.send.mockImplementation(() => { throw new Error('Render frame was disposed'); });
    expect(() => events.emit('openConversation', { conversationId: 1 })).not.toThrow();
    expect(warn).toHaveBeenCalled();
  });
});
