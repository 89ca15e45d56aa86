import { describe, expect, it } from 'vitest';
import { dispatch, EVENT_NAMES, METHOD_NAMES, parseInput, type DeskHandlers } from './contract';

describe('contract', () => {
  it('fills defaults and accepts valid inputs', () => {
    expect(parseInput('listConversations', { queue: 'account:demo-x' })).toEqual({ queue: 'account:demo-x', limit: 200 });
    expect(parseInput('getWorkspace', undefined)).toEqual({});
    expect(parseInput('listConversations', { queue: 'language:lv' })).toEqual({ queue: 'language:lv', limit: 200 });
    expect(parseInput('listConversations', { queue: 'language:pt-BR' })).toMatchObject({ queue: 'language:pt-BR' });
    expect(parseInput('listConversations', { queue: 'language:und' })).toMatchObject({ queue: 'language:und' });
  });

  it.each([
    ['listConversations', { queue: 'everything' }, /queue/],
    ['listConversations', { queue: 'language:' }, /queue/],
    ['listConversations', { queue: "language:lv' OR 1=1" }, /queue/],
    ['listConversations', { queue: 'all', limit: 100000 }, /limit/],
    ['sendReply', { conversationId: 1, body: '   ' }, /cannot be empty/],
    ['sendReply', { conversationId: -3, body: 'hi' }, /conversationId/],
    ['sendReply', { conversationId: 1, body: 'x'.repeat(20_001) }, /body/],
    ['saveDraft', { conversationId: 1, body: 'ok', extra: true }, /extra|Unrecognized/],
    ['getConversation', { id: '1' }, /id/],
    ['searchMessages', { query: '' }, /query/],
  ] as const)('rejects invalid input to %s', (method, input, message) => {
    expect(() => parseInput(method, input)).toThrowError(expect.objectContaining({ name: 'InvalidInput', message: expect.stringMatching(message) }));
  });

  it('dispatches only contract methods, with validated input', async () => {
    const calls: unknown[] = [];
    const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => (calls.push([m, input]), 'ok')])) as unknown as DeskHandlers;
    await expect(dispatch(handlers, 'getConversation', { id: 7 })).resolves.toBe('ok');
    expect(calls).toEqual([['getConversation', { id: 7 }]]);
    await expect(dispatch(handlers, 'constructor', {})).rejects.toMatchObject({ name: 'UnknownMethod' });
    await expect(dispatch(handlers, '__proto__', {})).rejects.toMatchObject({ name: 'UnknownMethod' });
    await expect(dispatch(handlers, 'getConversation', { id: 'x' })).rejects.toMatchObject({ name: 'InvalidInput' });
    expect(calls).toHaveLength(1);
  });

  it('names every method and event', () => {
    expect(METHOD_NAMES).toContain('sendReply');
    expect(EVENT_NAMES).toEqual(['changes', 'notification', 'syncStatus', 'openConversation', 'updateState']);
  });
});
