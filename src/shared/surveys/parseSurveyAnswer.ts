// Reads a customer's reply to a CSAT (1–5) or NPS (0–10) question: a number in any script
// ("4", "4/5", "9 out of 10", "٤", "５"), emoji (⭐⭐⭐⭐, 🙂, 👍) or a word in their language
// ("muy bien", "schlecht", "最高"). Only a reply that is mostly the answer counts: "I have 2
// problems" is not a 2. A number followed by a separator and more text ("5 - but the app still
// crashes") is an answer that says more, so the conversation is looked at again.
import { foldText } from '../urgency';
import { CSAT_WORDS, FILLER_WORDS } from './answerWords';

export type SurveyKind = 'csat' | 'nps';

export interface SurveyAnswer {
  score: number;
  /** 0..1: a bare number ≈ 1, a word or emoji less, a rescaled or trailing answer less again. */
  confidence: number;
  /** The reply carries more than the answer (a remark, a new question). */
  saysMore: boolean;
}

export const SURVEY_SCALES: Readonly<Record<SurveyKind, { min: number; max: number }>> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

/** Zeros of the decimal digit blocks NFKC leaves alone (Arabic-Indic, Persian, Indic scripts, Thai). */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50];

function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? d : String(cp - zero);
  });
}

const STARS = /[⭐🌟★✪]/gu;
const STAR = /^[⭐🌟★✪]$/u;
const FACES: Readonly<Record<string, number>> = {
  '😀': 5, '😃': 5, '😄': 5, '😁': 5, '🤩': 5, '😍': 5, '🥰': 5, '❤': 5, '💯': 5,
  '🙂': 4, '😊': 4, '☺': 4,
  '😐': 3, '😑': 3, '😶': 3, '🤔': 3,
  '🙁': 2, '😕': 2, '😟': 2, '☹': 2, '😞': 2,
  '😠': 1, '😡': 1, '🤬': 1, '😢': 1, '😭': 1,
};
const THUMBS: Readonly<Record<string, number>> = { '👍': 5, '👎': 1 };
const EMOJI = /\p{Extended_Pictographic}/gu;

/** CSAT → NPS for answers that carry no number (words, faces). */
const CSAT_TO_NPS: Readonly<Record<number, number>> = { 1: 0, 2: 3, 3: 6, 4: 8, 5: 10 };

// "9 out of 10", "4/5", "9 de 10", "8 von 10", "7 sur 10", "9 no 10", "9 em 10", "٩ من ١٠"
const NUMBER = String.raw`(\d{1,2}(?:[.,]\d)?)`;
const OUT_OF = new RegExp(String.raw`^${NUMBER}\s*(?:/|\bout of\b|\bof\b|\bde\b|\bvon\b|\baus\b|\bsur\b|\bno\b|\bem\b|من)\s*(\d{1,2})\b`, 'u');
// Japanese "10点中9点": the scale first.
const JA_OUT_OF = /^(\d{1,2})\s*点?\s*中\s*(\d{1,2}(?:[.,]\d)?)/u;
const SEPARATOR = /^\s*[,.;:!?\-–—\n。、،]/u;

const fillers = new Set(FILLER_WORDS.map((w) => foldText(w)));
const wordScores = new Map<string, Map<string, number>>(
  Object.entries(CSAT_WORDS).map(([language, words]) => [language, new Map(Object.entries(words).map(([w, v]) => [foldText(w), v]))]),
);
const JA_FILLERS = ['ありがとうございました', 'ありがとうございます', 'ありがとう', 'でした', 'です', 'つ星', '星', '点', 'です'];

interface Reading {
  score: number;
  /** On which scale the reply put it: a number's own denominator, else the question's. */
  scale: 'csat' | 'nps' | number | 'words';
  confidence: number;
  saysMore: boolean;
}

/**
 * The answer in `reply` to a survey of `kind`, or null when the reply is not (clearly) one.
 * `language`: the customer's language, if known (its words are tried first).
 */
export function parseSurveyAnswer(kind: SurveyKind, reply: string, language?: string | null): SurveyAnswer | null {
  const text = asciiDigits(reply.normalize('NFKC')).replace(/\u20E3|\uFE0F/gu, '').replace(/🔟/gu, ' 10 ').trim();
  if (text.length === 0 || text.length > 280) return null;
  const reading = readNumber(text) ?? readEmojiAndWords(text, language ?? null);
  return reading ? onScale(kind, reading) : null;
}

function onScale(kind: SurveyKind, r: Reading): SurveyAnswer | null {
  const { min, max } = SURVEY_SCALES[kind];
  let { score, confidence } = r;
  if (r.scale === 'words') {
    if (kind === 'nps') {
      score = CSAT_TO_NPS[score]!;
      confidence *= 0.7;
    }
  } else if (typeof r.scale === 'number') {
    if (r.scale !== max) {
      // "8/10" to a CSAT question: meant as a grade on another scale.
      if (r.scale !== 5 && r.scale !== 10) return null;
      score = kind === 'csat' ? Math.max(1, (score / r.scale) * max) : (score / r.scale) * max;
      confidence *= 0.7;
    }
  }
  if (!Number.isInteger(score)) {
    score = Math.round(score);
    confidence *= 0.8;
  }
  if (score < min || score > max) return null;
  return { score, confidence: Math.round(confidence * 100) / 100, saysMore: r.saysMore };
}

function readNumber(text: string): Reading | null {
  const folded = foldText(text);
  const numbers = folded.match(/\d+(?:[.,]\d)?/gu) ?? [];
  if (numbers.length === 0) return null;
  // A number somewhere in a sentence: only its first position can be an answer.
  const lead = folded.replace(/^[^\p{L}\p{N}]*/u, '');
  // Words before the number ("I'd give it a 4"): they must all be filler.
  const before = lead.match(/^([\p{L}\p{M}'’\s,.!:;،、。！-]*?)\s*(?=\d)/u);
  if (!before || !isFiller(before[1]!)) return null;
  let rest = lead.slice(before[0].length);

  let score: number;
  let scale: Reading['scale'] = 'nps';
  const ja = JA_OUT_OF.exec(rest);
  const outOf = ja ? null : OUT_OF.exec(rest);
  if (ja) {
    score = toNumber(ja[2]!);
    scale = Number(ja[1]);
    rest = rest.slice(ja[0].length);
  } else if (outOf) {
    score = toNumber(outOf[1]!);
    scale = Number(outOf[2]);
    rest = rest.slice(outOf[0].length);
  } else {
    const n = /^\d{1,2}(?:[.,]\d)?/u.exec(rest);
    if (!n || /^\d{3}/u.test(rest)) return null;
    score = toNumber(n[0]);
    rest = rest.slice(n[0].length);
  }
  // "4 ⭐", "٤ نجوم": emoji after a number add nothing.
  rest = rest.replace(EMOJI, ' ');
  if (isFiller(rest)) return { score, scale: scale === 'nps' ? 'nps' : scale, confidence: 0.95, saysMore: false };
  // More text after a separator: an answer and a remark ("5. The agent was lovely").
  if (SEPARATOR.test(rest) && !/\d/u.test(rest.slice(0, 40))) return { score, scale, confidence: 0.6, saysMore: true };
  return null;
}

/** Numbers without a denominator: on the question's own scale. */
const toNumber = (s: string) => Number(s.replace(',', '.'));

function readEmojiAndWords(text: string, language: string | null): Reading | null {
  const emoji = text.match(EMOJI) ?? [];
  const words = foldText(text.replace(EMOJI, ' ').replace(STARS, ' '));
  const stars = (text.match(STARS) ?? []).length;
  const wordScore = readWords(words, language);
  if (wordScore === undefined) return null;
  let emojiScore: number | null = null;
  let confidence = 0.8;
  if (stars > 0) {
    if (stars > 5 || emoji.some((e) => !STAR.test(e))) return null;
    emojiScore = stars;
  } else if (emoji.length > 0) {
    const values = emoji.map((e) => FACES[e] ?? THUMBS[e]);
    if (values.some((v) => v === undefined)) return null;
    const distinct = new Set(values);
    if (distinct.size > 1) return null;
    emojiScore = values[0]!;
    confidence = THUMBS[emoji[0]!] !== undefined ? 0.6 : 0.7;
  }
  if (emojiScore !== null && wordScore !== null && Math.abs(emojiScore - wordScore) > 1) return null;
  const score = emojiScore ?? wordScore;
  if (score === null) return null;
  if (emojiScore === null) confidence = 0.75;
  return { score, scale: 'words', confidence, saysMore: false };
}

/** The CSAT score of a worded reply; null: no words but filler; undefined: other words (not an answer). */
function readWords(folded: string, language: string | null): number | null | undefined {
  const tokens = tokens_(folded);
  const meaningful = tokens.filter((t) => !fillers.has(t));
  if (meaningful.length === 0) return null;
  const phrase = meaningful.join(' ');
  const primary = language?.toLowerCase().split('-')[0];
  const order = [...(primary && wordScores.has(primary) ? [primary] : []), ...wordScores.keys()];
  for (const l of order) {
    const v = wordScores.get(l)!.get(phrase);
    if (v !== undefined) return v;
  }
  // Anything else ("not excellent", "I have problems") is not read: negation only through listed phrases.
  return undefined;
}

function tokens_(folded: string): string[] {
  const out: string[] = [];
  for (const [raw] of folded.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(raw)) {
      // No spaces in Japanese: drop the polite endings and counters, keep what is left whole.
      let word = raw;
      for (const f of JA_FILLERS) word = word.split(f).join('');
      if (word) out.push(word);
    } else out.push(raw.replace(/['’]/g, ''));
  }
  return out;
}

function isFiller(text: string): boolean {
  return tokens_(foldText(text)).every((t) => fillers.has(t));
}
