import { describe, expect, it, vi } from 'vitest';
import type { Message } from '@shared/domain';
import { DeskError } from '@shared/errors';
import { CONNECTION_LOST, DISCONNECTED } from '../../bridge/rpcClient';
import { isConnectionError, ReplySender, type ReplyOutcome } from './replySender';
import { createUnsavedDrafts, type KeyValueStorage } from './unsavedDrafts';

function memory(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const message = (conversationId: number, body: string): Message => ({
  id: 1,
  conversationId,
  direction: 'out',
  body,
  createdAt: 0,
  status: 'queued',
  error: null,
  authorName: 'Agent',
  language: null,
  urgent: false,
  sentiment: null,
  urgency: null,
});

type SendInput = { conversationId: number; body: string; clientId: string };

function setUp(storage: KeyValueStorage | null = memory()) {
  let next = 0;
  const send = vi.fn(async (input: SendInput) => message(input.conversationId, input.body));
  const unsavedDrafts = createUnsavedDrafts(storage);
  const make = () => new ReplySender({ send, newClientId: () => `id-${++next}`, storage, unsavedDrafts });
  return { send, unsavedDrafts, storage, make, sender: make() };
}

const lost = () => new DeskError(CONNECTION_LOST, 'The connection was lost');
const idsSent = (send: ReturnType<typeof setUp>['send']) => send.mock.calls.map(([input]) => input.clientId);

describe('ReplySender', () => {
  it('sends each reply with a new client id', async () => {
    const { sender, send } = setUp();
    expect(await sender.send(1, 'First')).toMatchObject({ kind: 'sent', body: 'First' });
    expect(await sender.send(1, 'Second')).toMatchObject({ kind: 'sent' });
    await sender.send(2, 'First');
    expect(idsSent(send)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(sender.pending(1)).toBeNull();
  });

  it('sends the same text again with the same id after a lost answer, a new id once it changed', async () => {
    const { sender, send } = setUp();
    send.mockRejectedValueOnce(lost()).mockRejectedValueOnce(new DeskError(DISCONNECTED, 'unreachable'));
    expect(await sender.send(1, 'Refund is on its way')).toMatchObject({ kind: 'failed', uncertain: true });
    expect(await sender.send(1, 'Refund is on its way')).toMatchObject({ kind: 'failed', uncertain: true });
    expect(await sender.send(1, 'Refund is on its way')).toMatchObject({ kind: 'sent' });
    expect(idsSent(send)).toEqual(['id-1', 'id-1', 'id-1']);

    send.mockRejectedValueOnce(lost());
    await sender.send(1, 'Another reply');
    await sender.send(1, 'Another reply, edited');
    expect(idsSent(send).slice(3)).toEqual(['id-2', 'id-3']);
  });

  it('keeps the id after a refusal too, but the text is known not to be recorded', async () => {
    const { sender, send } = setUp();
    send.mockRejectedValueOnce(new DeskError('InvalidInput', 'too long'));
    expect(await sender.send(1, 'Text')).toMatchObject({ kind: 'failed', uncertain: false });
    expect(sender.isHeld(1, 'Text')).toBe(false);
    await sender.send(1, 'Text');
    expect(idsSent(send)).toEqual(['id-1', 'id-1']);
  });

  it('allows one send per conversation at a time (double click, double Ctrl+Enter)', async () => {
    const { sender, send } = setUp();
    let answer: (m: Message) => void = () => {};
    send.mockImplementationOnce((input) => new Promise<Message>((resolve) => (answer = () => resolve(message(input.conversationId, input.body)))));
    const changes = vi.fn();
    sender.subscribe(changes);
    const first = sender.send(1, 'Once');
    expect(sender.isSending(1)).toBe(true);
    expect(await sender.send(1, 'Once')).toBeNull();
    expect(await sender.send(1, 'Something else')).toBeNull();
    // Other conversations are not held up.
    expect(await sender.send(2, 'Elsewhere')).toMatchObject({ kind: 'sent' });
    answer(message(1, 'Once'));
    expect(await first).toMatchObject({ kind: 'sent' });
    expect(sender.isSending(1)).toBe(false);
    expect(send.mock.calls.filter(([input]) => input.conversationId === 1)).toHaveLength(1);
    expect(changes).toHaveBeenCalled();
  });

  it('holds the text while it is in flight and after a lost answer, so it is not saved as a draft', async () => {
    const { sender, send } = setUp();
    let fail: (e: Error) => void = () => {};
    send.mockImplementationOnce(() => new Promise<Message>((_, reject) => (fail = reject)));
    const result = sender.send(1, 'Maybe sent');
    expect(sender.isHeld(1, 'Maybe sent')).toBe(true);
    fail(lost());
    await result;
    expect(sender.isHeld(1, 'Maybe sent')).toBe(true);
    expect(sender.isHeld(1, 'Something else')).toBe(false);
    await sender.send(1, 'Maybe sent');
    expect(sender.isHeld(1, 'Maybe sent')).toBe(false);
  });

  it('remembers an attempt whose outcome is unknown across a reload', async () => {
    const { make, send, storage } = setUp();
    send.mockImplementationOnce(() => new Promise<Message>(() => {}));
    void make().send(7, 'Sent while the page closed');
    const reloaded = make();
    expect(reloaded.isHeld(7, 'Sent while the page closed')).toBe(true);
    await reloaded.send(7, 'Sent while the page closed');
    expect(idsSent(send)).toEqual(['id-1', 'id-1']);
    expect(make().pending(7)).toBeNull();
    expect(storage!.getItem('shiftdesk.pendingReply.7')).toBeNull();
  });

  it('drops the local copy of a sent text, not a newer one', async () => {
    const { sender, unsavedDrafts } = setUp();
    unsavedDrafts.remember(1, 'Sent text');
    await sender.send(1, 'Sent text');
    expect(unsavedDrafts.get(1)).toBeNull();
    unsavedDrafts.remember(2, 'Newer text');
    await sender.send(2, 'Older text');
    expect(unsavedDrafts.get(2)).toBe('Newer text');
  });

  it('keeps the local copy when the answer was lost', async () => {
    const { sender, send, unsavedDrafts } = setUp();
    unsavedDrafts.remember(1, 'Keep me');
    send.mockRejectedValueOnce(lost());
    await sender.send(1, 'Keep me');
    expect(unsavedDrafts.get(1)).toBe('Keep me');
  });

  it('tells every listener how a send ended', async () => {
    const { sender, send } = setUp();
    const outcomes: [number, ReplyOutcome['kind']][] = [];
    const off = sender.onSettled((id, outcome) => outcomes.push([id, outcome.kind]));
    await sender.send(3, 'One');
    send.mockRejectedValueOnce(lost());
    await sender.send(3, 'Two');
    off();
    await sender.send(3, 'Three');
    expect(outcomes).toEqual([
      [3, 'sent'],
      [3, 'failed'],
    ]);
  });

  it('works without storage, and ignores empty text', async () => {
    const { sender, send } = setUp(null);
    expect(await sender.send(1, '   ')).toBeNull();
    send.mockRejectedValueOnce(lost());
    await sender.send(1, 'Text');
    await sender.send(1, 'Text');
    expect(idsSent(send)).toEqual(['id-1', 'id-1']);
  });

  it('forgets an attempt when asked, but not one in flight', async () => {
    const { sender, send } = setUp();
    send.mockRejectedValueOnce(lost());
    await sender.send(1, 'Text');
    sender.forget(1);
    expect(sender.pending(1)).toBeNull();
    send.mockImplementationOnce(() => new Promise<Message>(() => {}));
    void sender.send(1, 'Text');
    sender.forget(1);
    expect(sender.pending(1)).not.toBeNull();
  });
});

describe('isConnectionError', () => {
  it('treats transport failures as connection errors and refusals by the core as not', () => {
    expect(isConnectionError(new DeskError(CONNECTION_LOST, ''))).toBe(true);
    expect(isConnectionError(new DeskError(DISCONNECTED, ''))).toBe(true);
    expect(isConnectionError(new Error('IPC channel closed'))).toBe(true);
    expect(isConnectionError(new DeskError('InvalidInput', ''))).toBe(false);
    expect(isConnectionError(new DeskError('NotFound', ''))).toBe(false);
  });
});
