// A copy, kept on this computer, of draft text the core has not confirmed yet: a reload or a
// crash while Shiftdesk is unreachable does not lose what the agent typed.

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const key = (conversationId: number) => `shiftdesk.unsavedDraft.${conversationId}`;

export interface UnsavedDrafts {
  get(conversationId: number): string | null;
  remember(conversationId: number, body: string): void;
  /** The core has this text now; a newer unsaved text is kept. */
  forget(conversationId: number, body?: string): void;
}

export function createUnsavedDrafts(storage: KeyValueStorage | null): UnsavedDrafts {
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return storage ? fn() : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    get: (id) => attempt(() => storage!.getItem(key(id)), null),
    remember: (id, body) => attempt(() => storage!.setItem(key(id), body), undefined),
    forget: (id, body) =>
      attempt(() => {
        if (body === undefined || storage!.getItem(key(id)) === body) storage!.removeItem(key(id));
      }, undefined),
  };
}
