// Language of an incoming message: the platform's own tag when it is there and plausible,
// otherwise the script when it names one language, otherwise eld.
//
// Why eld and not franc: eld is far more accurate on short social text (its authors' tweet
// benchmark: 99 % against franc's 90 %), several times faster, has no dependencies, covers the 60
// languages our customers write in (Latvian included) and returns ISO 639-1 codes directly.
// It is ESM-only with an "import"-only exports map, so the core (bundled as CommonJS) must load it
// with a dynamic import(): hence `loadLanguageDetector()` is async and done once at start-up;
// `detect()` is then synchronous. The 'small' database (~40 MB of heap) is the default: on short
// posts it matches 'medium' and 'large', which cost ~70 and ~140 MB.
import type { LanguageSource } from '@shared/domain';
import { cleanForLanguage, countLetters } from './text';

export type EldSize = 'extrasmall' | 'small' | 'medium' | 'large';

/** The part of eld's API we use (a test can hand in a fake). */
export interface EldLike {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

export type { LanguageSource };

/**
 * How sure a detection is (0..1), by where it came from. A heuristic ranking, not a calibrated
 * probability (test/fixtures/language-samples is too small to calibrate; see
 * docs/language-detection.md):
 * - platform: the tag the platform sends (X's `lang`, the language a Bluesky author picked) is
 *   usually right, but platforms tag short posts by guesswork too. `confirmed` when eld ran on the
 *   text and put the tag's language first; `unchecked` when the text is too short for eld or the
 *   language is one eld lacks; `doubted` when eld preferred another language without being sure
 *   enough to overrule; `contradicted` when the tag is kept only because nothing better was found.
 * - script: the share of the letters written in a script only one language uses (Telugu letters
 *   in 96 % of the letters: 0.96), at most 0.99; a script told by the absence of other
 *   languages' letters (SCRIPT_BY_ABSENCE: Arabic, Bengali): 0.95 times that share.
 * - detector: eld's lead over its runner-up ((top − second) / top; 0.25 or more counts as a clear
 *   lead: on our samples the median lead is 0.22) times the length of the text (25 letters or
 *   more counts in full), mapped onto 0.5..0.99: a tie on a few words is a coin toss.
 */
export const PLATFORM_CONFIDENCE = { confirmed: 0.95, unchecked: 0.8, doubted: 0.6, contradicted: 0.3 } as const;
const MAX_CONFIDENCE = 0.99;
const CLEAR_LEAD = 0.25;
const FULL_LENGTH_LETTERS = 25;

export function detectorConfidence(lead: number, letters: number): number {
  const sure = Math.min(1, lead / CLEAR_LEAD) * Math.min(1, letters / FULL_LENGTH_LETTERS);
  return round2(0.5 + (MAX_CONFIDENCE - 0.5) * sure);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface LanguageGuess {
  /** BCP-47 primary language subtag ('en', 'pt', 'lv', 'ja'), or null when the text is too short or unclear. */
  language: string | null;
  source: LanguageSource | null;
  /** How sure `language` is (0..1, see PLATFORM_CONFIDENCE above); null when there is no language. */
  confidence: number | null;
  /** The detector's best guess even when it is unsure (for choosing a sentiment lexicon), else null. */
  guess: string | null;
  /** Why a platform tag was set aside, for diagnostics. */
  overruled?: 'script' | 'detector';
}

export interface LanguageDetectorOptions {
  /** Fewer letters than this (after cleaning) and the detector's answer is not trusted ("thanks!", "merci"). Default 10. */
  minLetters?: number;
  /** A platform tag is only overruled by the detector on texts with at least this many letters. Default 20. */
  minLettersToOverrule?: number;
}

export class LanguageDetector {
  private readonly minLetters: number;
  private readonly minLettersToOverrule: number;

  constructor(
    private readonly eld: EldLike,
    options: LanguageDetectorOptions = {},
  ) {
    this.minLetters = options.minLetters ?? 10;
    this.minLettersToOverrule = options.minLettersToOverrule ?? 20;
  }

  /** The language of one message. `platformLanguage` is what the platform says (X's `lang`, Bluesky's `langs[0]` ...). */
  detect(text: string, platformLanguage?: string | null): LanguageGuess {
    const cleaned = cleanForLanguage(text);
    const letters = countLetters(cleaned);
    const script = letters > 0 ? dominantScript(cleaned) : null;
    const platform = normalizeLanguageTag(platformLanguage);
    let overruled: LanguageGuess['overruled'];
    let model: ModelResult | undefined;

    if (platform) {
      if (script && !scriptFits(platform, script)) overruled = 'script';
      else if (letters >= this.minLettersToOverrule && ELD_LANGUAGES.has(platform)) {
        model = this.run(cleaned);
        // Set the tag aside only when the detector is sure and scores the tag's language clearly lower (eld's scores sit between ~0.4 and ~0.85).
        if (model.confident && model.language !== platform && (model.scores[platform] ?? 0) < 0.85 * model.top) overruled = 'detector';
      }
      if (!overruled) {
        const confidence = !model ? PLATFORM_CONFIDENCE.unchecked : model.confident && model.language === platform ? PLATFORM_CONFIDENCE.confirmed : PLATFORM_CONFIDENCE.doubted;
        return { language: platform, source: 'platform', confidence, guess: platform };
      }
    }

    const none: LanguageGuess = { language: null, source: null, confidence: null, guess: null, overruled };
    if (!script) return none;
    // Two kana or two Hangul letters are already Japanese or Korean.
    if (script.unique && script.share >= 0.5 && letters >= 2) {
      return { language: script.unique, source: 'script', confidence: round2(Math.min(MAX_CONFIDENCE, script.share)), guess: script.unique, overruled };
    }
    // Arabic script without a letter only Persian, Urdu ... use is Arabic, and Bengali script without
    // Assamese's letters Bengali: eld cannot tell them apart on a few words ("وين فلوسي؟": ar 0.85, fa 0.83).
    const byAbsence = SCRIPT_BY_ABSENCE[script.script];
    if (byAbsence && script.share >= 0.5 && letters >= 2 && !byAbsence.others.test(cleaned)) {
      return { language: byAbsence.language, source: 'script', confidence: round2(BY_ABSENCE * script.share), guess: byAbsence.language, overruled };
    }
    if (letters < 3) return none;
    model ??= this.run(cleaned);
    const guess = model.language || null;
    // Below minLetters the answer is only a guess (it still picks a sentiment lexicon).
    return model.confident && guess && letters >= this.minLetters
      ? { language: guess, source: 'detector', confidence: detectorConfidence(model.lead, letters), guess, overruled }
      : { language: null, source: null, confidence: null, guess, overruled };
  }

  private run(cleaned: string): ModelResult {
    const result = this.eld.detect(cleaned);
    if (!result.language) return { language: '', confident: false, scores: {}, top: 0, lead: 0 };
    // eld's own reliability check first (cheap when it fails) ...
    if (!result.isReliable()) return { language: result.language, confident: false, scores: {}, top: 0, lead: 0 };
    const scores = result.getScores();
    let top = 0;
    let second = 0;
    for (const language in scores) {
      const v = scores[language]!;
      if (v > top) [top, second] = [v, top];
      else if (v > second) second = v;
    }
    // ... and not a near tie with the runner-up (es / ca / pt on "no funciona").
    const lead = top > 0 ? (top - second) / top : 0;
    const confident = lead >= 0.01;
    return { language: result.language, confident, scores, top, lead };
  }
}

interface ModelResult {
  language: string;
  confident: boolean;
  scores: Record<string, number>;
  top: number;
  /** (top − runner-up) / top: how clearly the top language wins. */
  lead: number;
}

/** Loads eld's n-gram database (once per process; ~0.3 s) and returns a detector. */
export async function loadLanguageDetector(options: LanguageDetectorOptions & { size?: EldSize } = {}): Promise<LanguageDetector> {
  return new LanguageDetector(await importEld(options.size ?? 'small'), options);
}

const loaded = new Map<EldSize, Promise<EldLike>>();
function importEld(size: EldSize): Promise<EldLike> {
  let promise = loaded.get(size);
  if (!promise) {
    // Literal specifiers, so bundlers see each one; the entries are ESM-only (see the top of the file).
    if (size === 'extrasmall') promise = import('eld/extrasmall').then((m) => m.eld);
    else if (size === 'medium') promise = import('eld/medium').then((m) => m.eld);
    else if (size === 'large') promise = import('eld/large').then((m) => m.eld);
    else promise = import('eld/small').then((m) => m.eld);
    loaded.set(size, promise);
  }
  return promise;
}

// ---------------------------------------------------------------------------------------------
// Tags

/** Codes that say "no language" or are private to one platform (X's qme, qht, qam ...). */
const NOT_A_LANGUAGE = /^(?:und|zxx|mul|mis|art|xx|q[a-t][a-z])$/;
/** Deprecated ISO 639-1 codes some platforms still send. */
const LEGACY: Record<string, string> = { in: 'id', iw: 'he', ji: 'yi', jw: 'jv', mo: 'ro', tl: 'tl', fil: 'tl', nb: 'no', nn: 'no' };

/**
 * A platform's language tag as a primary subtag ('en-US' → 'en', 'pt_BR' → 'pt', 'iw' → 'he'),
 * or null when it is missing, malformed or not a language ('und', 'zxx', X's 'qme').
 */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary) || NOT_A_LANGUAGE.test(primary)) return null;
  return LEGACY[primary] ?? primary;
}

// ---------------------------------------------------------------------------------------------
// Scripts

type Script =
  | 'Latin'
  | 'Cyrillic'
  | 'Greek'
  | 'Arabic'
  | 'Hebrew'
  | 'Han'
  | 'Kana'
  | 'Hangul'
  | 'Thai'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Gujarati'
  | 'Oriya'
  | 'Tamil'
  | 'Telugu'
  | 'Kannada'
  | 'Malayalam'
  | 'Sinhala'
  | 'Lao'
  | 'Khmer'
  | 'Myanmar'
  | 'Georgian'
  | 'Armenian'
  | 'Ethiopic';

const SCRIPT_TESTS: [Script, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Han', /\p{Script=Han}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Oriya', /\p{Script=Oriya}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Telugu', /\p{Script=Telugu}/u],
  ['Kannada', /\p{Script=Kannada}/u],
  ['Malayalam', /\p{Script=Malayalam}/u],
  ['Sinhala', /\p{Script=Sinhala}/u],
  ['Lao', /\p{Script=Lao}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
];

/** Scripts written by one language only (among those we meet): the script is the answer. */
const UNIQUE: Partial<Record<Script, string>> = {
  Kana: 'ja',
  Hangul: 'ko',
  Greek: 'el',
  Hebrew: 'he',
  Thai: 'th',
  Gurmukhi: 'pa',
  Gujarati: 'gu',
  Oriya: 'or',
  Tamil: 'ta',
  Telugu: 'te',
  Kannada: 'kn',
  Malayalam: 'ml',
  Sinhala: 'si',
  Lao: 'lo',
  Khmer: 'km',
  Myanmar: 'my',
  Georgian: 'ka',
  Armenian: 'hy',
};

/**
 * Scripts shared by several languages where one of them is told by the absence of the others'
 * own letters: Arabic has none of Persian's (پ چ ژ گ ک ی), Urdu's (ٹ ڈ ڑ ں ہ ے ۓ), Pashto's
 * (ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ ې) or Kurdish's (ڕ ڵ ۆ ێ ە ڤ); Bengali has neither of Assamese's ৰ ৱ.
 */
const SCRIPT_BY_ABSENCE: Partial<Record<Script, { language: string; others: RegExp }>> = {
  Arabic: { language: 'ar', others: /[پچژگکیٹڈڑںہےۓټځڅډړږښګڼۍېڕڵۆێەڤ]/u },
  Bengali: { language: 'bn', others: /[ৰৱ]/u },
};
/** An answer by absence is a little less sure than a script only one language uses. */
const BY_ABSENCE = 0.95;

/** Languages written in a script other than Latin (and which); every other language is expected in Latin. */
const LANGUAGE_SCRIPTS: Record<string, Script[]> = {
  ja: ['Kana', 'Han'],
  zh: ['Han'],
  ko: ['Hangul', 'Han'],
  ar: ['Arabic'],
  fa: ['Arabic'],
  ur: ['Arabic'],
  ps: ['Arabic'],
  ku: ['Arabic', 'Latin'],
  he: ['Hebrew'],
  yi: ['Hebrew'],
  ru: ['Cyrillic'],
  uk: ['Cyrillic'],
  be: ['Cyrillic'],
  bg: ['Cyrillic'],
  mk: ['Cyrillic'],
  kk: ['Cyrillic'],
  ky: ['Cyrillic'],
  mn: ['Cyrillic'],
  tg: ['Cyrillic'],
  sr: ['Cyrillic', 'Latin'],
  el: ['Greek'],
  hy: ['Armenian'],
  ka: ['Georgian'],
  hi: ['Devanagari'],
  mr: ['Devanagari'],
  ne: ['Devanagari'],
  bn: ['Bengali'],
  as: ['Bengali'],
  pa: ['Gurmukhi'],
  gu: ['Gujarati'],
  or: ['Oriya'],
  ta: ['Tamil'],
  te: ['Telugu'],
  kn: ['Kannada'],
  ml: ['Malayalam'],
  si: ['Sinhala'],
  th: ['Thai'],
  lo: ['Lao'],
  km: ['Khmer'],
  my: ['Myanmar'],
  am: ['Ethiopic'],
  ti: ['Ethiopic'],
};

/** eld's 60 languages: only these can be confirmed or contradicted by the detector. */
const ELD_LANGUAGES = new Set(
  'am ar az be bg bn ca cs da de el en es et eu fa fi fr gu he hi hr hu hy is it ja ka kn ko ku lo lt lv ml mr ms nl no or pa pl pt ro ru sk sl sq sr sv ta te th tl tr uk ur vi yo zh'.split(' '),
);

interface ScriptShare {
  script: Script;
  share: number;
  /** The one language the text's script implies, if it implies one. */
  unique: string | null;
}

const LETTERS = /\p{L}/gu;
const ASCII = /^[ -~\s]*$/;

/** The script most of the letters are in (Japanese: kana and kanji together). */
export function dominantScript(text: string): ScriptShare | null {
  if (ASCII.test(text)) return /[A-Za-z]/.test(text) ? { script: 'Latin', share: 1, unique: null } : null;
  const counts = new Map<Script, number>();
  let total = 0;
  for (const ch of text.match(LETTERS) ?? []) {
    total++;
    const script = scriptOf(ch);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (total === 0) return null;
  // Kanji in a text with kana is Japanese.
  const kana = counts.get('Kana') ?? 0;
  if (kana > 0) {
    counts.set('Kana', kana + (counts.get('Han') ?? 0));
    counts.delete('Han');
  }
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, n] of counts) if (n > bestCount) [best, bestCount] = [script, n];
  if (!best) return null;
  return { script: best, share: bestCount / total, unique: UNIQUE[best] ?? null };
}

let lastChar = '';
let lastScript: Script | null = null;
function scriptOf(ch: string): Script | null {
  if (ch === lastChar) return lastScript;
  lastChar = ch;
  // Basic Latin letters are by far the most common: skip the table for them.
  if (/[A-Za-z]/.test(ch)) return (lastScript = 'Latin');
  lastScript = SCRIPT_TESTS.find(([, re]) => re.test(ch))?.[0] ?? null;
  return lastScript;
}

function scriptFits(language: string, script: ScriptShare): boolean {
  // Mixed text (a Latin brand name in a Japanese post) does not contradict the tag.
  if (script.share < 0.6) return true;
  const expected = LANGUAGE_SCRIPTS[language] ?? ['Latin'];
  return expected.includes(script.script);
}
