#!/usr/bin/env node
// Electronegativity over the app's code (`node scripts/test.mjs security`, part of `npm test`).
// The tool always exits 0, so its CSV report is read here: the run fails on any HIGH finding, on
// any finding .electronegativity-suppressions.json does not list with a reason, on a suppression
// that covers nothing any more, and on any file the tool could not parse or check.
//
// What it scans: src/ without the tests (tests spell out unsafe settings on purpose), copied to a
// temporary folder; TypeScript is parsed directly. The Electron version is passed with -e, read
// from package.json (a bare major such as "45" makes every check fail silently, so x.y.z).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { judgeFindings, readFindings, readSuppressions } from './electronegativity-report.mjs';

const root = resolve(import.meta.dirname, '..');
// --src and --suppressions let test/unit/electronegativityReport.test.ts run this on a fixture.
const { values: options } = parseArgs({
  options: { src: { type: 'string', default: join(root, 'src') }, suppressions: { type: 'string', default: join(root, '.electronegativity-suppressions.json') } },
});
const sourceDir = resolve(options.src);
const SUPPRESSIONS = relative(root, resolve(options.suppressions)) || options.suppressions;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /(\d+)\.(\d+)\.(\d+)/.exec(declared ?? '');
  if (!version) throw new Error(`package.json names no Electron version (found ${JSON.stringify(declared)})`);
  return version[0];
}

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

const started = Date.now();
let suppressionFile;
try {
  suppressionFile = readSuppressions(JSON.parse(readFileSync(resolve(options.suppressions), 'utf8')));
} catch (error) {
  fail(`${SUPPRESSIONS}: ${error.message}`);
}
const version = electronVersion();
const work = mkdtempSync(join(tmpdir(), 'shiftdesk-electronegativity-'));
try {
  const input = join(work, 'src');
  cpSync(sourceDir, input, { recursive: true, filter: (path) => !TEST_FILE.test(path) });
  const report = join(work, 'report.csv');
  const failuresFile = join(work, 'failures.json');
  const tool = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  if (!existsSync(tool)) fail('@doyensec/electronegativity is not installed (npm ci)');
  const args = ['-i', input, '-e', version, '-o', report, '-r'];
  const excluded = suppressionFile.excludedChecks.map((entry) => entry.check);
  if (excluded.length) args.push('-x', excluded.join(','));
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'scripts', 'electronegativity-harness.mjs')).href, tool, ...args], {
    cwd: root,
    encoding: 'utf8',
    // One libuv thread: the tool writes its CSV header and rows with two unawaited writeFile
    // calls, which more threads can interleave (rows lost under the header).
    env: { ...process.env, UV_THREADPOOL_SIZE: '1', ELECTRONEGATIVITY_FAILURES: failuresFile, FORCE_COLOR: '0' },
    timeout: 300_000,
  });
  if (run.status !== 0 || !existsSync(report) || !existsSync(failuresFile)) {
    fail(`the tool did not finish (exit ${run.status}, ${run.signal ?? 'no signal'}):\n${run.stdout}\n${run.stderr}`);
  }
  const { files, failures } = JSON.parse(readFileSync(failuresFile, 'utf8'));
  let findings;
  try {
    findings = readFindings(readFileSync(report, 'utf8'), `${relative(root, sourceDir).split('\\').join('/')}/`);
  } catch (error) {
    fail(`could not read the report: ${error.message}`);
  }
  const verdict = judgeFindings(findings, suppressionFile.suppressions);
  const at = (f) => `${f.check} ${f.severity} ${f.file ?? '(whole app)'}:${f.location} ${f.description}`;
  for (const f of verdict.high) console.error(`  HIGH (cannot be suppressed): ${at(f)}`);
  for (const f of verdict.unreviewed) console.error(`  not in ${SUPPRESSIONS}: ${at(f)}`);
  for (const s of verdict.stale) console.error(`  stale suppression (nothing found any more): ${s.check} ${s.file ?? '(whole app)'}`);
  for (const f of failures) console.error(`  could not ${f.stage} ${f.file.replace(`${work}/`, '')}: ${f.message}`);
  const severities = Object.entries(verdict.bySeverity).map(([s, n]) => `${s} ${n}`).join(', ');
  console.log(
    `electronegativity ${JSON.parse(readFileSync(join(tool, '..', '..', 'package.json'), 'utf8')).version}, Electron ${version}: ` +
      `${files} files, ${failures.length} not parsed or checked; ${verdict.total} findings (${severities}); ` +
      `${verdict.suppressed} suppressed with a reason, ${verdict.unreviewed.length} not reviewed, ${verdict.stale.length} stale suppressions; ` +
      `${excluded.length} checks excluded; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!verdict.ok || failures.length > 0 || files === 0) process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
