// Preloaded into Electronegativity's process by scripts/electronegativity.mjs (node --import):
// - offline: its only network uses (a translation download at start, Electron release notes) get
//   an immediate failure instead of waiting on a network CI does not have;
// - nothing hidden: with -o the tool drops the files it could not parse or check without a word,
//   so each failure is written to $ELECTRONEGATIVITY_FAILURES (JSON) at exit, with the number of
//   files it read.
import { writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';

const loadCommonJs = createRequire(import.meta.url);

const loadModule = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: Electronegativity runs without network here'));
    return Object.assign(offline, { get: offline, head: offline, post: offline });
  }
  return loadModule.call(this, request, ...rest);
};

const failures = [];
let files = 0;
const { Parser } = loadCommonJs('@doyensec/electronegativity/dist/parser');
const { Finder } = loadCommonJs('@doyensec/electronegativity/dist/finder');

const parse = Parser.prototype.parse;
Parser.prototype.parse = function parseRecorded(filename, ...rest) {
  files++;
  try {
    return parse.call(this, filename, ...rest);
  } catch (error) {
    failures.push({ file: filename, stage: 'parse', message: String(error && error.message).slice(0, 300) });
    throw error;
  }
};
const find = Finder.prototype.find;
Finder.prototype.find = async function findRecorded(filename, ...rest) {
  try {
    return await find.call(this, filename, ...rest);
  } catch (error) {
    failures.push({ file: filename, stage: 'check', message: String(error && error.message).slice(0, 300) });
    throw error;
  }
};

process.on('exit', () => {
  if (process.env.ELECTRONEGATIVITY_FAILURES) writeFileSync(process.env.ELECTRONEGATIVITY_FAILURES, JSON.stringify({ files, failures }));
});
