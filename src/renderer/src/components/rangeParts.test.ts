import { describe, expect, it } from 'vitest';
import { rangeParts } from './rangeParts';

describe('rangeParts', () => {
  it('cuts the text at the ranges, in order, skipping overlaps and ranges outside the text', () => {
    const text = 'Hi {{a}}, see {{b}}';
    const a = { start: 3, end: 8 };
    const b = { start: 14, end: 19 };
    expect(rangeParts(text, [b, a, { start: 4, end: 6 }, { start: 15, end: 40 }])).toEqual([
      { text: 'Hi ', range: null },
      { text: '{{a}}', range: a },
      { text: ', see ', range: null },
      { text: '{{b}}', range: b },
    ]);
    expect(rangeParts('', [])).toEqual([{ text: '', range: null }]);
  });
});
