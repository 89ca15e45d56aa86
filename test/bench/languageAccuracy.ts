// Language detection on short customer-support posts (test/fixtures/language-samples/*.json, one
// file per UI language): eld alone, franc alone and our detector (src/main/core/urgency/language.ts:
// social markup stripped, script rules, eld, a refusal when unsure). Per language and overall:
// how many samples got the right language, a wrong one, or no answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLanguageDetector, type LanguageDetector } from '../../src/main/core/urgency/language';

export const SAMPLES_DIR = join(__dirname, '..', 'fixtures', 'language-samples');

export interface SampleSet {
  /** ISO 639-1 code of the language the posts are written in. */
  language: string;
  samples: string[];
}

export function loadSampleSets(dir = SAMPLES_DIR): SampleSet[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const set = JSON.parse(readFileSync(join(dir, f), 'utf8')) as SampleSet;
      if (typeof set.language !== 'string' || !Array.isArray(set.samples)) throw new Error(`${f}: expected {"language": "xx", "samples": [...]}`);
      return set;
    });
}

/** A detector under test: an ISO 639-1 code, or null when it gives no answer. */
export type Detect = (text: string) => string | null;

export interface Score {
  total: number;
  correct: number;
  wrong: number;
  none: number;
  /** Wrong answers by the language given, for the report. */
  confusions: Record<string, number>;
}

export const accuracy = (s: Score): number => (s.total === 0 ? 0 : s.correct / s.total);
export const noAnswerRate = (s: Score): number => (s.total === 0 ? 0 : s.none / s.total);

export function score(sets: SampleSet[], detect: Detect): { perLanguage: Record<string, Score>; overall: Score } {
  const empty = (): Score => ({ total: 0, correct: 0, wrong: 0, none: 0, confusions: {} });
  const perLanguage: Record<string, Score> = {};
  const overall = empty();
  for (const set of sets) {
    const s = (perLanguage[set.language] = empty());
    for (const text of set.samples) {
      const answer = detect(text);
      for (const t of [s, overall]) {
        t.total++;
        if (answer === null) t.none++;
        else if (answer === set.language) t.correct++;
        else {
          t.wrong++;
          t.confusions[answer] = (t.confusions[answer] ?? 0) + 1;
        }
      }
    }
  }
  return { perLanguage, overall };
}

export const ourDetector =
  (detector: LanguageDetector): Detect =>
  (text) =>
    detector.detect(text).language;

/** eld alone, on the raw post: its top language whatever its reliability. */
export async function eldDetector(): Promise<Detect> {
  const { eld } = await import('eld/small');
  return (text) => eld.detect(text).language || null;
}

/** franc's ISO 639-3 answers that are one of ours, or a common confusion, in ISO 639-1. */
const FRANC_TO_639_1: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  deu: 'de',
  fra: 'fr',
  lvs: 'lv',
  jpn: 'ja',
  arb: 'ar',
  ben: 'bn',
  tel: 'te',
  mal: 'ml',
  guj: 'gu',
  ita: 'it',
  cat: 'ca',
  glg: 'gl',
  nld: 'nl',
  lit: 'lt',
  est: 'et',
  pes: 'fa',
  urd: 'ur',
  hin: 'hi',
  mar: 'mr',
  kan: 'kn',
  tam: 'ta',
  cmn: 'zh',
  kor: 'ko',
  sco: 'sco',
};

/** franc (all its languages, default minimum length): 'und' is no answer; other codes stay in ISO 639-3. */
export async function francDetector(): Promise<Detect> {
  // franc is a devDependency and ESM-only.
  const { franc } = await import('franc');
  return (text) => {
    const code = franc(text);
    return code === 'und' ? null : (FRANC_TO_639_1[code] ?? code);
  };
}

export interface AccuracyReport {
  samples: number;
  detectors: Record<string, { perLanguage: Record<string, Score>; overall: Score }>;
}

export async function measureLanguageAccuracy(sets = loadSampleSets()): Promise<AccuracyReport> {
  const detectors: Record<string, Detect> = {
    eld: await eldDetector(),
    franc: await francDetector(),
    shiftdesk: ourDetector(await loadLanguageDetector()),
  };
  return {
    samples: sets.reduce((n, s) => n + s.samples.length, 0),
    detectors: Object.fromEntries(Object.entries(detectors).map(([name, detect]) => [name, score(sets, detect)])),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The Markdown table of docs/language-detection.md: accuracy (no-answer rate) per language and detector. */
export function formatReport(report: AccuracyReport): string {
  const names = Object.keys(report.detectors);
  const languages = Object.keys(report.detectors[names[0]!]!.perLanguage);
  const cell = (s: Score) => `${pct(accuracy(s))} (${pct(noAnswerRate(s))})`;
  const lines = [
    `| language | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---').join(' | ')} |`,
    ...languages.map((l) => `| ${l} (${report.detectors[names[0]!]!.perLanguage[l]!.total}) | ${names.map((n) => cell(report.detectors[n]!.perLanguage[l]!)).join(' | ')} |`),
    `| **overall** (${report.samples}) | ${names.map((n) => `**${cell(report.detectors[n]!.overall)}**`).join(' | ')} |`,
  ];
  const confusions = names.map((n) => {
    const c = Object.entries(report.detectors[n]!.overall.confusions).sort((a, b) => b[1] - a[1]);
    return `${n} wrong answers: ${c.length === 0 ? 'none' : c.map(([l, k]) => `${l} ×${k}`).join(', ')}`;
  });
  return [`Accuracy (no-answer rate in brackets) on ${report.samples} short support posts:`, '', ...lines, '', ...confusions].join('\n');
}
