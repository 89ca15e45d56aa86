import { describe, expect, it } from 'vitest';
import { DraftNotSavedError, saveAllBeforeRestart, saveBeforeRestart } from './beforeRestart';

describe('saves before a restart', () => {
  it('runs every registered save, and only those still registered', async () => {
    const saved: string[] = [];
    const offA = saveBeforeRestart(async () => void saved.push('a'));
    const offB = saveBeforeRestart(async () => void saved.push('b'));
    offA();
    await saveAllBeforeRestart();
    expect(saved).toEqual(['b']);
    offB();
  });

  it('fails when a draft could not be saved, so the restart does not happen', async () => {
    const off = saveBeforeRestart(async () => {
      throw new DraftNotSavedError('The draft of conversation 3 could not be saved');
    });
    await expect(saveAllBeforeRestart()).rejects.toBeInstanceOf(DraftNotSavedError);
    off();
    await expect(saveAllBeforeRestart()).resolves.toBeUndefined();
  });
});
