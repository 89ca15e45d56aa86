// Significant terms of a post, for spike detection: hashtags, and words that are not stop words
// of the post's language (or English, which social posts mix in), nor the brand's own name.
// Stop words: the `stopword` package's lists (62 languages) plus lexicons/stopwords.json.
import { foldText } from '@shared/urgency';
import * as stopword from 'stopword';
import extra from './lexicons/stopwords.json';
import { HASHTAG_PATTERN, stripSocial } from './text';

/** ISO 639-1 → the stopword package's list names. */
const LISTS: Record<string, (keyof typeof stopword)[]> = {
  af: ['afr'], ar: ['ara'], bg: ['bul'], bn: ['ben'], br: ['bre'], ca: ['cat'], cs: ['ces'], da: ['dan'], de: ['deu'],
  el: ['ell'], en: ['eng'], eo: ['epo'], es: ['spa'], et: ['est'], eu: ['eus'], fa: ['fas'], fi: ['fin'], fr: ['fra'],
  ga: ['gle'], gl: ['glg'], gu: ['guj'], ha: ['hau'], he: ['heb'], hi: ['hin'], hr: ['hrv'], hu: ['hun'], hy: ['hye'],
  id: ['ind'], it: ['ita'], ja: ['jpn'], ko: ['kor'], ku: ['kur'], la: ['lat'], lt: ['lit'], lv: ['lav'], mr: ['mar'],
  ms: ['msa'], my: ['mya'], nl: ['nld'], no: ['nob'], nb: ['nob'], pa: ['panGu'], pl: ['pol'], pt: ['por', 'porBr'],
  ro: ['ron'], ru: ['rus'], sk: ['slk'], sl: ['slv'], so: ['som'], st: ['sot'], sv: ['swe'], sw: ['swa'], th: ['tha'],
  tl: ['tgl'], tr: ['tur'], uk: ['ukr'], ur: ['urd'], vi: ['vie'], yo: ['yor'], zh: ['zho'], zu: ['zul'],
};
const EXTRA = extra as unknown as Record<string, string[]>;

const normalize = (word: string) => foldText(word).replace(/['’]/g, '');
const cache = new Map<string, Set<string>>();

/** Stop words for a language (primary subtag), with English and the social fillers; folded. */
export function stopWordsFor(language: string | null | undefined): Set<string> {
  const primary = language ? language.toLowerCase().split('-')[0]! : 'en';
  let set = cache.get(primary);
  if (!set) {
    set = new Set<string>();
    for (const lang of new Set(['en', primary])) {
      for (const list of LISTS[lang] ?? []) for (const w of stopword[list] as string[]) set.add(normalize(w));
      for (const w of EXTRA[lang] ?? []) set.add(normalize(w));
    }
    for (const w of EXTRA.social ?? []) set.add(normalize(w));
    cache.set(primary, set);
  }
  return set;
}

/** The brand's handles and names as terms to ignore: "@acme_help", "Acme Air" → acme_help, acmehelp, acme, help, acmeair, air. */
export function brandTerms(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const folded = normalize(name.trim().replace(/^@/, '').split('@')[0] ?? '');
    if (!folded) continue;
    if (!/\s/u.test(folded)) out.add(folded);
    const parts = folded.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
    out.add(parts.join(''));
    for (const p of parts) if (p.length >= 3) out.add(p);
  }
  return out;
}

export interface TermOptions {
  language?: string | null;
  /** Folded terms to skip (see brandTerms). */
  ignore?: ReadonlySet<string>;
  /** At most this many terms per message (hashtags first). Default 32. */
  max?: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** Scripts written without spaces between words: segmented with Intl.Segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const ONLY_HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
const segmenters = new Map<string, Intl.Segmenter>();

/** The distinct significant terms of a post, hashtags as "#tag", in order of appearance. */
export function significantTerms(text: string, options: TermOptions = {}): string[] {
  const max = options.max ?? 32;
  const ignore = options.ignore;
  const stop = stopWordsFor(options.language);
  const terms = new Set<string>();

  for (const m of text.matchAll(HASHTAG_PATTERN)) {
    const tag = normalize(m[1]!);
    if (!ignore?.has(tag) && !/^\d+$/.test(tag)) terms.add(`#${tag}`);
    if (terms.size >= max) return [...terms];
  }

  const rest = stripSocial(text);
  for (const [word] of rest.matchAll(WORD)) {
    if (UNSPACED.test(word)) {
      for (const piece of segmentWords(word, options.language)) {
        // Particles and endings are hiragana: a Japanese content word has kanji or katakana.
        if (piece.length < 2 || ONLY_HIRAGANA.test(piece) || stop.has(piece) || ignore?.has(piece)) continue;
        terms.add(piece);
        if (terms.size >= max) return [...terms];
      }
      continue;
    }
    const term = normalize(word);
    if (term.length < 3 || !/\p{L}/u.test(term) || stop.has(term) || ignore?.has(term)) continue;
    terms.add(term);
    if (terms.size >= max) break;
  }
  return [...terms];
}

function segmentWords(run: string, language: string | null | undefined): string[] {
  const locale = /\p{Script=Thai}/u.test(run) ? 'th' : language?.startsWith('zh') ? 'zh' : 'ja';
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(foldText(s.segment));
  return out;
}
