import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '@shared/contract';
import { DeskError } from '@shared/errors';
import { electronDesk } from './electronDesk';

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('electronDesk', () => {
  it('is absent in browser mode', () => {
    (globalThis as { window?: unknown }).window = {};
    expect(electronDesk()).toBeNull();
  });

  it("turns the preload's plain {name, message} rejections back into DeskErrors", async () => {
    const exposed = {
      getConversation: () => Promise.reject({ name: 'NotFound', message: 'Conversation 4 was not found' }),
      getSyncStatus: () => Promise.resolve({ accounts: [], queuedReplies: 0, failedReplies: 0 }),
      on: () => () => {},
    } as unknown as Desk;
    (globalThis as { window?: unknown }).window = { desk: exposed };
    const desk = electronDesk()!;
    const error = await desk.getConversation({ id: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ name: 'NotFound', message: 'Conversation 4 was not found' });
    await expect(desk.getSyncStatus({})).resolves.toMatchObject({ queuedReplies: 0 });
    expect(desk.on).toBe(exposed.on);
  });
});
