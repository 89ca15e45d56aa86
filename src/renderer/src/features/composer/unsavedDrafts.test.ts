import { describe, expect, it } from 'vitest';
import { createUnsavedDrafts } from './unsavedDrafts';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('unsaved drafts', () => {
  it('keeps text until the core confirms that same text', () => {
    const drafts = createUnsavedDrafts(memory());
    drafts.remember(1, 'Hel');
    drafts.remember(1, 'Hello');
    drafts.forget(1, 'Hel');
    expect(drafts.get(1)).toBe('Hello');
    drafts.forget(1, 'Hello');
    expect(drafts.get(1)).toBeNull();
    drafts.remember(2, 'x');
    drafts.forget(2);
    expect(drafts.get(2)).toBeNull();
  });

  it('works without storage', () => {
    const drafts = createUnsavedDrafts(null);
    drafts.remember(1, 'x');
    expect(drafts.get(1)).toBeNull();
    const broken = createUnsavedDrafts({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    });
    broken.remember(1, 'x');
    expect(broken.get(1)).toBeNull();
  });
});
