// Characters as a reader counts them (grapheme clusters: an emoji with modifiers is one).

let segmenter: Intl.Segmenter | null = null;

export function countCharacters(text: string): number {
  if (typeof Intl.Segmenter !== 'function') return [...text].length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
