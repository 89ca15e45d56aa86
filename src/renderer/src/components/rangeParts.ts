// A text cut at the ranges to mark (unfilled variables, brand-voice phrases): the plain pieces
// and the marked ones in order, for rendering as text (never as HTML). Overlapping or empty
// ranges are skipped, so a range is marked at most once.

export type RangePart<R> = { text: string; range: null } | { text: string; range: R };

export function rangeParts<R extends { start: number; end: number }>(text: string, ranges: readonly R[]): RangePart<R>[] {
  const parts: RangePart<R>[] = [];
  let cursor = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < cursor || range.end <= range.start || range.end > text.length) continue;
    if (range.start > cursor) parts.push({ text: text.slice(cursor, range.start), range: null });
    parts.push({ text: text.slice(range.start, range.end), range });
    cursor = range.end;
  }
  if (cursor < text.length || parts.length === 0) parts.push({ text: text.slice(cursor), range: null });
  return parts;
}
