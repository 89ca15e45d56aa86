// j/k through the list like a cursor. The anchor is where the agent last put the selection
// (its place and its neighbours then). When the open conversation moves (answered, so its
// deadline changed), new rows arrive, or it leaves the list (resolved, reassigned), "next" is
// still the row that was next, not a jump to wherever the conversation went.

export interface ListAnchor {
  index: number;
  prevId: number | null;
  nextId: number | null;
}

/** The anchor of a selection made now; null when the conversation is not in the list. */
export function anchorAt(ids: readonly number[], id: number): ListAnchor | null {
  const index = ids.indexOf(id);
  return index < 0 ? null : { index, prevId: ids[index - 1] ?? null, nextId: ids[index + 1] ?? null };
}

export function neighbourId(
  ids: readonly number[],
  selectedId: number | null,
  anchor: ListAnchor | null,
  delta: 1 | -1,
): number | null {
  if (ids.length === 0) return null;
  const wanted = delta === 1 ? anchor?.nextId : anchor?.prevId;
  if (wanted !== null && wanted !== undefined && ids.includes(wanted)) return wanted;
  const index = selectedId === null ? -1 : ids.indexOf(selectedId);
  if (index >= 0 && (!anchor || index === anchor.index)) return ids[index + delta] ?? null;
  if (!anchor) return ids[0]!;
  // The neighbour is gone too: take the row now in the selection's old place (or above it).
  if (delta === -1) return anchor.index > 0 ? ids[Math.min(anchor.index - 1, ids.length - 1)]! : null;
  const inPlace = ids[Math.min(anchor.index, ids.length - 1)]!;
  return inPlace === selectedId ? (ids[anchor.index + 1] ?? null) : inPlace;
}
