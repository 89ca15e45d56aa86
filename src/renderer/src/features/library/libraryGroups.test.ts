import { describe, expect, it } from 'vitest';
import type { CannedResponse, LibraryHit } from '@shared/cannedResponses';
import { groupByFolder, variantCoverage } from './libraryGroups';

const hit = (id: string, folder: string, variants: CannedResponse['variants'] = [{ language: 'en', platform: null, body: 'x' }]): LibraryHit => ({
  response: { id, title: id, folder, tags: [], shortcut: id, variants, createdAt: 0, updatedAt: 0 },
  tier: 0,
  score: 0,
  matched: [],
  usage: { count: 0, lastUsedAt: null },
});

describe('library list', () => {
  it('groups hits by folder, folders in the order of their best hit, hits in rank order', () => {
    const groups = groupByFolder([hit('a', 'Billing'), hit('b', ''), hit('c', 'Billing'), hit('d', 'Baggage')]);
    expect(groups.map((g) => [g.folder, g.hits.map((h) => h.response.id)])).toEqual([
      ['Billing', ['a', 'c']],
      ['', ['b']],
      ['Baggage', ['d']],
    ]);
  });

  it('lists the languages and platforms the variants cover, each once', () => {
    const coverage = variantCoverage(
      hit('a', '', [
        { language: 'en', platform: null, body: 'x' },
        { language: 'en', platform: 'x', body: 'y' },
        { language: null, platform: 'x', body: 'z' },
      ]),
    );
    expect(coverage).toEqual({ languages: ['en', null], platforms: [null, 'x'] });
  });
});
