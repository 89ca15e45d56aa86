import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftAutosaver } from './draftAutosaver';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function setUp(initial = '', save = vi.fn(async (_body: string) => {})) {
  const states: string[] = [];
  const saver = new DraftAutosaver(initial, { save, delayMs: 400, retryMs: 5000, onStateChange: (s) => states.push(s) });
  return { saver, save, states };
}

describe('DraftAutosaver', () => {
  it('saves once, 400 ms after the last keystroke', async () => {
    const { saver, save } = setUp();
    saver.update('H');
    await vi.advanceTimersByTimeAsync(300);
    saver.update('He');
    await vi.advanceTimersByTimeAsync(300);
    saver.update('Hello');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledExactlyOnceWith('Hello');
    expect(saver.state).toBe('saved');
  });

  it('flushes at once, and not when nothing changed', async () => {
    const { saver, save } = setUp('Draft');
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
    saver.update('Draft 2');
    await saver.flush();
    expect(save).toHaveBeenCalledExactlyOnceWith('Draft 2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('does not save text back to the same value', async () => {
    const { saver, save } = setUp('Same');
    saver.update('Same!');
    saver.update('Same');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
  });

  it('retries a failed save later', async () => {
    const save = vi.fn(async (_body: string) => {});
    save.mockRejectedValueOnce(new Error('offline'));
    const { saver, states } = setUp('', save);
    saver.update('Keep me');
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.state).toBe('failed');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.state).toBe('saved');
    expect(states).toEqual(['pending', 'saving', 'failed', 'saving', 'saved']);
  });

  it('forgets pending saves once the text was sent', async () => {
    const { saver, save } = setUp();
    saver.update('Reply');
    saver.markSent();
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.state).toBe('saved');
  });

  it('saves what is left when disposed, then stops', async () => {
    const { saver, save } = setUp();
    saver.update('Half a thought');
    await saver.dispose();
    expect(save).toHaveBeenCalledExactlyOnceWith('Half a thought');
    saver.update('more');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('never saves text held for a send: not on the timer, flush, retry or dispose', async () => {
    const save = vi.fn(async (_body: string) => {});
    save.mockRejectedValueOnce(new Error('offline'));
    const { saver, states } = setUp('', save);
    saver.update('Reply');
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.state).toBe('failed');
    saver.hold('Reply');
    expect(saver.state).toBe('held');
    await vi.advanceTimersByTimeAsync(10_000);
    await saver.flush();
    await saver.dispose();
    expect(save).toHaveBeenCalledOnce();
    expect(states.at(-1)).toBe('held');
  });

  it('a held text becomes a draft again when the agent edits it', async () => {
    const { saver, save } = setUp();
    saver.update('Reply');
    saver.hold('Reply');
    saver.update('Reply, edited');
    expect(saver.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledExactlyOnceWith('Reply, edited');
  });

  it('a held text becomes a draft again when released (the send was refused)', async () => {
    const { saver, save } = setUp();
    saver.update('Reply');
    saver.hold('Reply');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    saver.release();
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledExactlyOnceWith('Reply');
    expect(saver.state).toBe('saved');
  });

  it('a save that was already under way when the send started does not bring the text back', async () => {
    let finish: () => void = () => {};
    const save = vi.fn((_body: string) => new Promise<void>((resolve) => (finish = resolve)));
    const { saver } = setUp('', save);
    saver.update('Reply');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledOnce();
    saver.hold('Reply');
    saver.markSent();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    await saver.dispose();
    expect(save).toHaveBeenCalledOnce();
    expect(saver.state).toBe('saved');
  });
});
