// Asks the open reply box to insert a canned response at its caret (from the command palette).
// A tiny channel instead of prop drilling: there is at most one reply box, the open
// conversation's, and it alone listens.

type Listener = (responseId: string) => void;
const listeners = new Set<Listener>();

export function requestInsert(responseId: string): boolean {
  for (const listener of listeners) listener(responseId);
  return listeners.size > 0;
}

export function onInsertRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
