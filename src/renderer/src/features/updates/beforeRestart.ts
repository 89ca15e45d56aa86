// What must reach the core before "Restart to update" stops it: the open composer registers its
// draft here, and the restart waits for every one to be saved (and does not happen if one fails).

type Save = () => Promise<void>;
const saves = new Set<Save>();

/** Registers a save to run before a restart; returns the way to take it back. */
export function saveBeforeRestart(save: Save): () => void {
  saves.add(save);
  return () => saves.delete(save);
}

/** Runs every registered save; rejects when one could not save. */
export async function saveAllBeforeRestart(): Promise<void> {
  await Promise.all([...saves].map((save) => save()));
}

export class DraftNotSavedError extends Error {
  override name = 'DraftNotSaved';
}
