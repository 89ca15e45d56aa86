#!/usr/bin/env node
// The project's one test command (`npm test`): type check, lint, Electronegativity (`security`),
// unit tests (vitest), build, end-to-end tests (Playwright in Chromium against browser mode).
// Ends with one line that sums every runner: "N passed, N failed, N skipped".
//
// On Linux without a session bus it re-runs itself inside dbus-run-session with a throwaway,
// unlocked gnome-keyring, so the keychain tests use a real Secret Service.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
process.chdir(root);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.SHIFTDESK_NO_KEYRING) {
  if (has('dbus-run-session') && has('gnome-keyring-daemon')) {
    const env = { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'shiftdesk-keyring-')) };
    const inner = `echo test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${process.execPath}" scripts/test.mjs ${process.argv.slice(2).join(' ')}`;
    const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], { stdio: 'inherit', env });
    process.exit(run.status ?? 1);
  }
  console.warn('test: no session bus and no gnome-keyring: keychain tests will be skipped');
}

mkdirSync('test-results', { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const failures = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd.replace(root + '/', '')} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) failures.push(name);
  return run.status === 0;
}

const only = process.argv[2];
const want = (name) => !only || only === name;
if (want('typecheck')) {
  step('typecheck (node)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
  step('typecheck (web)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
}
if (want('lint')) step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
// Electronegativity over src/ (offline, about 10 s): no HIGH, every finding reviewed.
if (want('security')) step('security (electronegativity)', process.execPath, ['scripts/electronegativity.mjs']);
if (want('unit')) {
  step('unit (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
}
if (want('e2e')) {
  const built = step('build', bin('electron-vite'), ['build']);
  if (built) {
    step('e2e (playwright)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = want('unit') ? read('test-results/vitest.json') : null;
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = want('e2e') ? read('test-results/playwright.json') : null;
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
}
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
// A failed step that is not a test runner (type check, lint, build) still fails the run.
if (failures.length && totals.failed === 0) totals.failed = failures.length;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
