// The library on a real SQLite replica: full-text search ranked by use, validation, import/export.
import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '@shared/cannedResponses';
import { makeRepos, T0 } from '../../../../test/support/coreFixtures';
import { EventBus } from '../events';
import { CannedLibrary } from './cannedLibrary';

const response = (id: string, shortcut: string, title: string, bodies: { language: string | null; platform?: 'x' | null; body: string }[], tags: string[] = []): CannedResponse => ({
  id,
  title,
  folder: 'Billing',
  tags,
  shortcut,
  variants: bodies.map((b) => ({ language: b.language, platform: b.platform ?? null, body: b.body })),
  createdAt: 0,
  updatedAt: 0,
});

function library() {
  let now = T0;
  const repos = makeRepos();
  const lib = new CannedLibrary({ repos, clock: { now: () => now++ }, events: new EventBus() });
  lib.save(response('r1', 'refund', 'Refund policy', [{ language: 'en', body: 'Refunds reach your card within 7 days, {{customer.first_name}}.' }, { language: 'lv', body: 'Atmaksa 7 dienu laikā.' }], ['money']));
  lib.save(response('r3', 'sign', 'Sign-off', [{ language: null, body: '— Aurora Air Support' }]));
  lib.save(response('r2', 'bag', 'Delayed bag', [{ language: 'en', body: 'We are tracing your bag. {{> sign}}' }], ['baggage']));
  return { repos, lib };
}

describe('canned-response library', () => {
  it('finds responses by title, tag or any variant as the agent types, and ranks the ones this agent uses first', () => {
    const { lib } = library();
    expect(lib.search('refu', 10).map((r) => r.response.id)).toEqual(['r1']);
    expect(lib.search('baggage', 10).map((r) => r.response.id)).toEqual(['r2']);
    expect(lib.search('dienu', 10).map((r) => r.response.id)).toEqual(['r1']);
    expect(lib.search('/bag', 10)[0]!.response.id).toBe('r2');
    // No query: the library, most used first.
    lib.recordUse('r3');
    lib.recordUse('r3');
    lib.recordUse('r2');
    expect(lib.search('', 10).map((r) => r.response.id)).toEqual(['r3', 'r2', 'r1']);
    // Each hit says how often this agent used it (the library screen shows it).
    expect(lib.search('', 10).map((r) => [r.response.id, r.usage.count])).toEqual([['r3', 2], ['r2', 1], ['r1', 0]]);
    expect(lib.search('', 10)[2]!.usage.lastUsedAt).toBeNull();
  });

  it('finds a Japanese word inside a sentence (written without spaces)', () => {
    const { lib } = library();
    lib.save(response('r-ja', 'henkin', '返金について', [{ language: 'ja', body: 'ご返金は7日以内にお客様のカードに戻ります。' }]));
    expect(lib.search('カード', 10).map((r) => r.response.id)).toEqual(['r-ja']);
    expect(lib.search('返金', 10).map((r) => r.response.id)).toEqual(['r-ja']);
    expect(lib.search('7日以内 カード', 10).map((r) => r.response.id)).toEqual(['r-ja']);
    expect(lib.search('航空券', 10)).toEqual([]);
  });

  it('keeps shortcuts unique and includes resolvable, saying what is wrong', () => {
    const { lib } = library();
    expect(() => lib.save(response('r4', 'REFUND', 'Another refund', [{ language: 'en', body: 'x' }]))).toThrow(
      'The shortcut /REFUND is used by both “Refund policy” and “Another refund”',
    );
    expect(() => lib.save(response('r5', 'loop', 'Loop', [{ language: 'en', body: '{{> loop}}' }]))).toThrow(/^“Loop”: Include cycle/);
    expect(() => lib.save(response('r6', 'gone', 'Gone', [{ language: 'en', body: '{{> nowhere}}' }]))).toThrow(/nowhere/);
    expect(lib.list().map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);
    // Changing a response keeps its creation time and indexes its new words.
    const before = lib.list().find((r) => r.id === 'r1')!;
    const changed = lib.save({ ...before, title: 'Refunds and credits' });
    expect(changed.createdAt).toBe(before.createdAt);
    expect(changed.updatedAt).toBeGreaterThan(before.updatedAt);
    expect(lib.search('credits', 10).map((r) => r.response.id)).toEqual(['r1']);
    expect(lib.search('policy', 10)).toEqual([]);
  });

  it('exports and imports JSON and CSV without loss; a bad row is named and nothing is imported', () => {
    const { lib } = library();
    const json = lib.export('json').text;
    const csv = lib.export('csv').text;
    const original = lib.list();
    for (const r of original) lib.remove(r.id);
    expect(lib.search('refund', 10)).toEqual([]);
    expect(lib.import('json', json)).toEqual({ imported: 3 });
    expect(lib.list()).toEqual(original);
    expect(lib.import('csv', csv)).toEqual({ imported: 3 });
    expect(lib.list().map((r) => [r.id, r.shortcut, r.variants])).toEqual(original.map((r) => [r.id, r.shortcut, r.variants]));

    const bad = csv.split('\n');
    bad[2] = bad[2]!.replace(',refund,', ',refund!,');
    expect(() => lib.import('csv', bad.join('\n'))).toThrow(/^Row 3: shortcut 'refund!' may only contain letters, digits, - and _/);
    expect(lib.list().map((r) => r.shortcut).sort()).toEqual(['bag', 'refund', 'sign']);
  });
});
