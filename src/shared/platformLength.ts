// How each platform counts a reply's length, and its limit. Pure: the composer's live meter (the
// renderer) and the core's refusal to queue a reply that does not fit (sendReply, through
// replyFit.ts) use the same rules.
//
// - X: twitter-text config v3 weighted length, limit 280. The text is NFC-normalised; every URL
//   (http(s) or a bare domain with a known TLD, as twitter-text extracts them) counts 23 whatever
//   its length; an emoji sequence (modifiers, ZWJ, flags, keycaps) counts 2; any other code point
//   counts 1 in the ranges U+0000-10FF, U+2000-200D, U+2010-201F, U+2032-2037 and 2 elsewhere
//   (CJK, Hangul, most symbols...).
// - Bluesky: 300 grapheme clusters (Intl.Segmenter), and the record's 3,000 UTF-8 bytes.
// - Mastodon: the instance's limit (default 500) in grapheme clusters, as Mastodon's
//   StatusLengthValidator counts: URLs with a protocol count 23, a remote mention @user@domain
//   counts as @user, and the content warning counts too.
// - Instagram comments: 2,200 characters; Facebook comments: 8,000 characters (Unicode code
//   points: Meta documents characters, not graphemes).
// - E-mail: no limit (the count is in grapheme clusters, for information).
import type { Platform } from './domain';

export type LengthUnit = 'weighted' | 'graphemes' | 'characters';

export interface LengthOptions {
  /** Mastodon: the instance's `configuration.statuses.max_characters` (default 500). */
  mastodonLimit?: number;
  /** Mastodon: the content warning (spoiler text) posted with the reply; it counts toward the limit. */
  contentWarning?: string;
}

export interface LengthMeasure {
  /** Length as the platform counts it. */
  used: number;
  /** The platform's limit; null when there is none (e-mail). */
  limit: number | null;
  /** limit - used (negative when over); null when there is no limit. */
  remaining: number | null;
  over: boolean;
  /** Why the reply is over: its length, or (Bluesky) its size in UTF-8 bytes. */
  overReason: 'length' | 'bytes' | null;
  unit: LengthUnit;
}

export const X_MAX_WEIGHTED_LENGTH = 280;
export const X_URL_LENGTH = 23;
export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_BYTES = 3000;
export const MASTODON_DEFAULT_LIMIT = 500;
export const MASTODON_URL_LENGTH = 23;
export const INSTAGRAM_COMMENT_LIMIT = 2200;
export const FACEBOOK_COMMENT_LIMIT = 8000;

export const PLATFORM_LIMITS: Readonly<Record<Platform, number | null>> = {
  x: X_MAX_WEIGHTED_LENGTH,
  bluesky: BLUESKY_MAX_GRAPHEMES,
  mastodon: MASTODON_DEFAULT_LIMIT,
  instagram: INSTAGRAM_COMMENT_LIMIT,
  facebook: FACEBOOK_COMMENT_LIMIT,
  email: null,
};

/** Measures `text` the way `platform` counts it. */
export function measure(platform: Platform, text: string, options: LengthOptions = {}): LengthMeasure {
  switch (platform) {
    case 'x':
      return result(xWeightedLength(text), X_MAX_WEIGHTED_LENGTH, 'weighted');
    case 'bluesky': {
      const m = result(countGraphemes(text), BLUESKY_MAX_GRAPHEMES, 'graphemes');
      if (!m.over && utf8Length(text) > BLUESKY_MAX_BYTES) return { ...m, over: true, overReason: 'bytes' };
      return m;
    }
    case 'mastodon': {
      const limit = options.mastodonLimit && options.mastodonLimit > 0 ? Math.floor(options.mastodonLimit) : MASTODON_DEFAULT_LIMIT;
      return result(mastodonLength(text, options.contentWarning ?? ''), limit, 'graphemes');
    }
    case 'instagram':
      return result(countCodePoints(text), INSTAGRAM_COMMENT_LIMIT, 'characters');
    case 'facebook':
      return result(countCodePoints(text), FACEBOOK_COMMENT_LIMIT, 'characters');
    case 'email':
      return { used: countGraphemes(text), limit: null, remaining: null, over: false, overReason: null, unit: 'graphemes' };
  }
}

function result(used: number, limit: number, unit: LengthUnit): LengthMeasure {
  const over = used > limit;
  return { used, limit, remaining: limit - used, over, overReason: over ? 'length' : null, unit };
}

// ---------------------------------------------------------------------------------------------
// Counting helpers

let graphemeSegmenter: Intl.Segmenter | null = null;
function graphemes(text: string): Iterable<{ segment: string; index: number }> {
  if (typeof Intl.Segmenter !== 'function') return [...text].map((segment, index) => ({ segment, index }));
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return graphemeSegmenter.segment(text);
}

/** Grapheme clusters (what a reader calls characters: an emoji with modifiers is one). */
export function countGraphemes(text: string): number {
  let n = 0;
  for (const _ of graphemes(text)) n++;
  return n;
}

export function countCodePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // A lone surrogate is sent as U+FFFD (3 bytes).
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// X (twitter-text v3)

/** twitter-text config v3: code point ranges of weight 100 (one character); everything else 200. */
const X_LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const X_SCALE = 100;
const X_DEFAULT_WEIGHT = 200;

function xCodePointWeight(cp: number): number {
  for (const [start, end] of X_LIGHT_RANGES) if (cp >= start && cp <= end) return 100;
  return X_DEFAULT_WEIGHT;
}

// An emoji as twitter-text's emoji parsing sees it: a grapheme with a pictograph shown as emoji
// (default emoji presentation or VS16), a modifier, a ZWJ sequence, a flag or a keycap.
const EMOJI_GRAPHEME =
  /\p{Emoji_Presentation}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u20e3|\p{Extended_Pictographic}\ufe0f|\p{Extended_Pictographic}\u200d|\u{1f3f4}[\u{e0020}-\u{e007f}]/u;

function isEmojiGrapheme(segment: string): boolean {
  return EMOJI_GRAPHEME.test(segment);
}

/** The weighted length of `text` on X (twitter-text config v3, emoji parsing on). */
export function xWeightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  const urls = extractUrls(normalized, { withoutProtocol: true });
  let weight = 0;
  let cursor = 0;
  const countPlain = (from: number, to: number): void => {
    if (to <= from) return;
    for (const { segment } of graphemes(normalized.slice(from, to))) {
      if (isEmojiGrapheme(segment)) {
        weight += X_DEFAULT_WEIGHT;
        continue;
      }
      for (const ch of segment) weight += xCodePointWeight(ch.codePointAt(0)!);
    }
  };
  for (const url of urls) {
    countPlain(cursor, url.start);
    weight += X_URL_LENGTH * X_SCALE;
    cursor = url.end;
  }
  countPlain(cursor, normalized.length);
  return Math.floor(weight / X_SCALE);
}

// ---------------------------------------------------------------------------------------------
// Mastodon

// Mastodon's Account::MENTION_RE: @user or @user@domain, not after a word character or a slash.
const MASTODON_MENTION = /(?<![\p{L}\p{N}\p{M}_/])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\p{L}\p{N}\p{M}_.-]+[\p{L}\p{N}\p{M}_]+)?/giu;

/** Mastodon's countable length: URLs (with a protocol) count 23, remote mentions count as @user. */
export function mastodonLength(text: string, contentWarning = ''): number {
  const urls = extractUrls(text, { withoutProtocol: false });
  const pieces: string[] = [];
  let cursor = 0;
  const pushText = (segment: string): void => {
    pieces.push(segment.replace(MASTODON_MENTION, (_all, user: string) => `@${user}`));
  };
  for (const url of urls) {
    pushText(text.slice(cursor, url.start));
    pieces.push('x'.repeat(MASTODON_URL_LENGTH));
    cursor = url.end;
  }
  pushText(text.slice(cursor));
  return countGraphemes(pieces.join('')) + countGraphemes(contentWarning);
}

// ---------------------------------------------------------------------------------------------
// URL extraction (a compact version of twitter-text's extractUrls)

export interface UrlMatch {
  url: string;
  /** [start, end) in UTF-16 code units of the string searched. */
  start: number;
  end: number;
}

// Generic TLDs common in replies; every country-code TLD.
const GENERIC_TLDS =
  'com net org info biz edu gov mil int name pro mobi asia tel travel jobs museum aero coop cat app dev xyz online site store shop tech blog news page cloud email club live life world today space website digital agency solutions services support help social media link click top icu vip wiki fun design studio games game art photo photos video music team chat work works zone network systems software company global group ltd llc inc energy money finance bank insurance health care clinic legal law events shopping deals sale tickets';
const COUNTRY_TLDS =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';
const COUNTRY_TLD_SET = new Set(COUNTRY_TLDS.split(' '));
// twitter-text links a bare `name.cc` (country code, no subdomain, no path) only for these.
const SPECIAL_SHORT_CCTLDS = new Set(['co', 'tv']);
const TLD_ALTERNATION = [...GENERIC_TLDS.split(' '), ...COUNTRY_TLDS.split(' ')].sort((a, b) => b.length - a.length).join('|');

const URL_CANDIDATE = new RegExp(
  [
    // 1: with a protocol: everything up to whitespace (trailing punctuation trimmed below)
    String.raw`(https?:\/\/[^\s<>"]+)`,
    // 2: a bare ASCII domain with a known TLD, optional port, path, query or fragment
    String.raw`((?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\.)+(?:${TLD_ALTERNATION})(?![a-z0-9-])(?::\d{1,5})?(?:[/?#][^\s<>"]*)?)`,
  ].join('|'),
  'giu',
);
// Before a bare domain: not a word character, @ (e-mail addresses), $ # (cashtags, hashtags) or -_./
const INVALID_BEFORE_BARE = /[\p{L}\p{N}\p{M}@＠$#＃\-_./\u202a-\u202e]/u;
const TRAILING_PUNCTUATION = /[.,:;!?'"’”…。、，！？）》」』]$/u;

function trimUrl(url: string): string {
  let trimmed = url;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(trimmed)) {
      trimmed = trimmed.slice(0, -1);
      continue;
    }
    const last = trimmed.at(-1);
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    if (last && pairs[last]) {
      const open = pairs[last]!;
      const opens = trimmed.split(open).length - 1;
      const closes = trimmed.split(last).length - 1;
      if (closes > opens) {
        trimmed = trimmed.slice(0, -1);
        continue;
      }
    }
    return trimmed;
  }
}

/**
 * URLs in `text` as X and Mastodon recognise them: http(s) URLs, and (withoutProtocol) bare
 * domains with a known TLD such as example.com/path, not in an e-mail address or a word.
 */
export function extractUrls(text: string, options: { withoutProtocol: boolean }): UrlMatch[] {
  const found: UrlMatch[] = [];
  const re = new RegExp(URL_CANDIDATE.source, URL_CANDIDATE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    if (m[1] !== undefined) {
      const before = start > 0 ? text[start - 1]! : '';
      if (before && /[\p{L}\p{N}_]/u.test(before)) {
        re.lastIndex = start + 1;
        continue;
      }
      const url = trimUrl(m[1]);
      if (!/^https?:\/\/[^/?#\s]*[\p{L}\p{N}]/u.test(url)) {
        re.lastIndex = start + 1;
        continue;
      }
      found.push({ url, start, end: start + url.length });
      re.lastIndex = start + url.length;
      continue;
    }
    const candidate = m[2]!;
    const before = start > 0 ? text[start - 1]! : '';
    if (!options.withoutProtocol || (before && INVALID_BEFORE_BARE.test(before))) {
      re.lastIndex = start + 1;
      continue;
    }
    const url = trimUrl(candidate);
    const host = /^[^:/?#]+/.exec(url)![0].toLowerCase();
    const labels = host.split('.');
    const tld = labels.at(-1)!;
    const hasPath = url.length > host.length;
    if (labels.length === 2 && COUNTRY_TLD_SET.has(tld) && !SPECIAL_SHORT_CCTLDS.has(tld) && !hasPath) {
      re.lastIndex = start + candidate.length;
      continue;
    }
    found.push({ url, start, end: start + url.length });
    re.lastIndex = start + url.length;
  }
  return found;
}
