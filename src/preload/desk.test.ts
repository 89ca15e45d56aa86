import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '@shared/contract';
import { createDesk, unwrapReply, type DeskTransport } from './desk';

function fakeTransport(reply: (method: string, input: unknown) => unknown = () => ({ ok: true, value: null })) {
  let push: ((name: unknown, payload: unknown) => void) | null = null;
  const invoke = vi.fn(async (method: string, input: unknown) => reply(method, input));
  const transport: DeskTransport = { invoke, subscribe: (listener) => void (push = listener) };
  return { transport, invoke, push: (name: unknown, payload: unknown) => push!(name, payload) };
}

describe('createDesk', () => {
  it('has exactly the contract methods plus on, and is frozen', () => {
    const desk = createDesk(fakeTransport().transport);
    expect(Object.keys(desk).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    expect(Object.isFrozen(desk)).toBe(true);
    for (const name of METHOD_NAMES) expect(typeof desk[name]).toBe('function');
  });

  it('sends the method and input, and resolves with the value', async () => {
    const { transport, invoke } = fakeTransport(() => ({ ok: true, value: [{ id: 1 }] }));
    const desk = createDesk(transport);
    await expect(desk.listConversations({ queue: 'all' })).resolves.toEqual([{ id: 1 }]);
    expect(invoke).toHaveBeenCalledWith('listConversations', { queue: 'all' });
    await desk.getWorkspace(undefined as never);
    expect(invoke).toHaveBeenLastCalledWith('getWorkspace', {});
  });

  it("rejects with the core's plain {name, message}, which crosses contextBridge intact", async () => {
    const { transport } = fakeTransport(() => ({ ok: false, error: { name: 'NotFound', message: 'Conversation 4 was not found' } }));
    const error = await createDesk(transport).getConversation({ id: 4 }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toEqual({ name: 'NotFound', message: 'Conversation 4 was not found' });
  });

  it('turns a failed invoke (no handler yet, uncloneable input) into an Unavailable error', async () => {
    const { transport } = fakeTransport(() => {
      throw new Error("No handler registered for 'desk:call'");
    });
    await expect(createDesk(transport).getSyncStatus({})).rejects.toMatchObject({ name: 'Unavailable' });
  });

  it('delivers pushed events to their listeners until they unsubscribe', () => {
    const { transport, push } = fakeTransport();
    const desk = createDesk(transport);
    const a = vi.fn();
    const b = vi.fn();
    const offA = desk.on('changes', a);
    desk.on('syncStatus', b);
    push('changes', { tables: ['drafts'], conversationIds: [] });
    push('syncStatus', { accounts: [], queuedReplies: 0, failedReplies: 0 });
    push('notAnEvent', {});
    push(42, {});
    expect(a).toHaveBeenCalledExactlyOnceWith({ tables: ['drafts'], conversationIds: [] });
    expect(b).toHaveBeenCalledOnce();
    offA();
    offA();
    push('changes', { tables: [], conversationIds: [] });
    expect(a).toHaveBeenCalledOnce();
  });

  it('counts each registration separately and isolates a throwing listener', () => {
    const { transport, push } = fakeTransport();
    const report = vi.fn();
    const desk = createDesk(transport, report);
    const listener = vi.fn();
    const off1 = desk.on('notification', listener);
    desk.on('notification', () => {
      throw new Error('listener bug');
    });
    desk.on('notification', listener);
    push('notification', { id: 'n' });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(report).toHaveBeenCalledOnce();
    off1();
    push('notification', { id: 'n' });
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('refuses unknown events and non-function listeners', () => {
    const desk = createDesk(fakeTransport().transport);
    expect(() => desk.on('toString' as never, () => {})).toThrow(TypeError);
    expect(() => desk.on('changes', 'x' as never)).toThrow(TypeError);
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
  });
});

describe('unwrapReply', () => {
  it('rejects replies that are not a CallReply', () => {
    for (const reply of [undefined, null, 'x', {}, { ok: true }, { ok: false }, { ok: false, error: { name: 1, message: 'x' } }]) {
      expect(() => unwrapReply(reply)).toThrow(expect.objectContaining({ name: 'ProtocolError' }));
    }
  });
});
