// A built-renderer folder on disk for the app:// protocol's tests, with what must never be served
// around it.
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './coreFixtures';

export const SECRET = 'TOP SECRET: outside the renderer folder';

/**
 * base/renderer (the root): index.html, assets/, an empty folder, a link to a file inside; links
 * that point out of it (to a folder, a file, an absolute path); base/secret and base/renderer-evil
 * (a sibling whose name starts with the root's) hold what must never be served.
 */
export function makeRendererFolder(): { base: string; root: string; realRoot: string } {
  const base = tempDir('shiftdesk-app-protocol-');
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets', 'empty'), { recursive: true });
  mkdirSync(join(base, 'secret'));
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Shiftdesk</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'inter.woff2'), 'font');
  writeFileSync(join(root, 'assets', 'data.bin'), 'bytes');
  writeFileSync(join(base, 'secret', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'renderer-evil', 'index.html'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'assets', 'alias.js'));
  symlinkSync(join(base, 'secret'), join(root, 'assets', 'escape'));
  symlinkSync(join(base, 'secret', 'secret.txt'), join(root, 'escape.txt'));
  symlinkSync('../../secret.txt', join(root, 'assets', 'relative-escape.txt'));
  symlinkSync('/etc/passwd', join(root, 'passwd'));
  symlinkSync(join(base, 'renderer-evil', 'index.html'), join(root, 'assets', 'sibling.html'));
  return { base, root, realRoot: realpathSync(root) };
}

