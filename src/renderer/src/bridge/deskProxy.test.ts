import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '@shared/contract';
import { createDeskProxy } from './deskProxy';

describe('createDeskProxy', () => {
  it('has one function per contract method, each forwarding its name and input', async () => {
    const calls: [string, unknown][] = [];
    const desk = createDeskProxy(
      async (method, input) => {
        calls.push([method, input]);
        return method;
      },
      () => () => {},
    );
    for (const method of METHOD_NAMES) expect(typeof desk[method]).toBe('function');
    await expect(desk.getConversation({ id: 7 })).resolves.toBe('getConversation');
    await desk.listQueues({});
    expect(calls).toEqual([
      ['getConversation', { id: 7 }],
      ['listQueues', {}],
    ]);
  });

  it('passes event subscriptions through', () => {
    const seen: string[] = [];
    const desk = createDeskProxy(
      async () => null,
      (event) => {
        seen.push(event);
        return () => {};
      },
    );
    desk.on('changes', () => {});
    expect(seen).toEqual(['changes']);
  });
});
