// Fuzz test of the app:// resolver against a real folder with links pointing out of it: thousands
// of generated traversal attempts, and not one names a file outside the renderer folder. Prints
// the figures.
import { existsSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRendererFolder, SECRET } from '../../../test/support/rendererFolder';
import { resolveAppRequest } from './appProtocol';

const RUNS = 5_000;

const ORIGINS = [
  'app://shiftdesk/', 'app://shiftdesk//', 'app://shiftdesk.', 'app://shiftdesk:443/', 'app://evil/', 'app://shiftdesk@evil/',
  'app://evil@shiftdesk/', 'APP://shiftdesk/', 'app:/shiftdesk/', 'app:shiftdesk/', 'file:///', 'file://shiftdesk/', 'app://%73hiftdesk/',
];
const TRAVERSAL = [
  '..', '.', '%2e%2e', '%2E%2E', '%2e.', '.%2e', '%2e', '%252e%252e', '%25252e%25252e', '..%2f', '%2f', '%2F', '%5c', '%5C', '\\', '..\\',
  '%255c', '%252f', '%00', '\u0000', '%c0%ae%c0%ae', '%c0%af', '%e0%80%ae', '..;', '...', '....', '%u002e%u002e', '\uff0e\uff0e', '.\u0000.',
  '/', '//', 'C:', 'c:\\windows', '~', '..%00', '%2e%2e%5c', '%0a', '\t',
];
const NAMES = [
  'index.html', 'assets', 'index-abc.js', 'alias.js', 'escape', 'escape.txt', 'relative-escape.txt', 'secret', 'secret.txt', 'passwd',
  'sibling.html', 'renderer', 'renderer-evil', 'empty', 'etc', 'tmp', '',
];
const TRAVERSAL_SET = new Set(TRAVERSAL);
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TRAVERSAL) },
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.webSegment() },
);
const SEPARATORS = ['/', '/', '/', '\\', '%2f', '%5c'];
/** A URL, and whether it tries to leave the folder (a traversal segment or separator, or another origin). */
const attempt = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constant('app://shiftdesk/') }, { weight: 1, arbitrary: fc.constantFrom(...ORIGINS) }),
    fc.array(segment, { minLength: 1, maxLength: 8 }),
    fc.constantFrom(...SEPARATORS),
    fc.constantFrom('', '?x=1', '#/queue', '?../../secret.txt', '#..%2f..'),
  )
  .map(([origin, segments, separator, tail]) => ({
    url: origin + segments.join(separator) + tail,
    hostile: origin !== 'app://shiftdesk/' || separator !== '/' || segments.some((s) => TRAVERSAL_SET.has(s) || /escape|secret|passwd|sibling|evil/.test(s)),
  }));

/** What a resolver without the checks would read: the proof that the attempts are dangerous. */
function naiveRead(url: string, root: string): string | null {
  try {
    const path = join(root, decodeURIComponent(decodeURIComponent(url.replace(/^[a-z]+:\/+[^/]*/i, '').replace(/[?#].*$/, ''))));
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

let folder: ReturnType<typeof makeRendererFolder>;
beforeAll(() => {
  folder = makeRendererFolder();
});
afterAll(() => rmSync(folder.base, { recursive: true, force: true }));

describe('app:// path traversal fuzz', () => {
  it(`${RUNS} generated attempts: none names a file outside the renderer folder`, async () => {
    const inside = (path: string) => {
      const rel = relative(folder.realRoot, realpathSync(path));
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    };
    const attempts = fc.sample(attempt, { numRuns: RUNS, seed: 7 });
    const tally = { served: 0, refused: 0, escaped: 0, hostile: 0, naiveEscapes: 0, byStatus: {} as Record<number, number> };
    const escapes: string[] = [];
    for (const { url, hostile } of attempts) {
      if (hostile) tally.hostile++;
      if (naiveRead(url, folder.root) === SECRET) tally.naiveEscapes++;
      const file = await resolveAppRequest(url, folder.root);
      if (!file.ok) {
        tally.refused++;
        tally.byStatus[file.status] = (tally.byStatus[file.status] ?? 0) + 1;
        continue;
      }
      tally.served++;
      if (!inside(file.filePath) || readFileSync(file.filePath, 'utf8') === SECRET) {
        tally.escaped++;
        escapes.push(url);
      }
    }
    expect(await resolveAppRequest('app://shiftdesk/index.html', folder.root)).toMatchObject({ ok: true, filePath: join(folder.realRoot, 'index.html') });
    console.log(
      `app:// fuzz: ${attempts.length} attempts (${tally.hostile} hostile), ${tally.served} served from inside the folder, ` +
        `${tally.refused} refused (${Object.entries(tally.byStatus).map(([s, n]) => `${s}: ${n}`).join(', ')}), ${tally.escaped} escaped (a resolver without the checks: ${tally.naiveEscapes})`,
    );
    expect(escapes).toEqual([]);
    expect(tally.hostile).toBeGreaterThanOrEqual(1_000);
    expect(tally.served).toBeGreaterThan(0);
    expect(tally.naiveEscapes).toBeGreaterThan(0);
  });
});
