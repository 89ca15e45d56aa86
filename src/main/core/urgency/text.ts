// Social-post text handling shared by language detection, sentiment and spike terms: links,
// @handles, hashtags, e-mail addresses and emoji are not words of the message's language.

export const URL_PATTERN = /(?:\b[Hh][Tt][Tt][Pp][Ss]?:\/\/|\b[Ww]{3}\.)[^\s<>"]+/gu;
/** Bare lower-case domains with a common top-level domain ("acme.com/status"). */
const BARE_DOMAIN = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|app|ly|gl|me|be|social|dev|info|eu|uk|de|fr|es|lv|jp|br|pt)\b(?:\/[^\s<>"]*)?/gu;
export const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** @handle, and Mastodon's @user@instance.social. */
export const MENTION_PATTERN = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.-]*[\p{L}\p{N}_](?:@[\p{L}\p{N}.-]+\.\p{L}+)?/gu;
export const HASHTAG_PATTERN = /(?<![\p{L}\p{N}_&])#([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu;
const CASHTAG = /(?<![\p{L}\p{N}])\$[A-Za-z]{1,6}\b/gu;
/** One emoji: a pictograph with its modifiers, variation selectors, keycaps and ZWJ sequences; or a flag. */
export const EMOJI_PATTERN = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3)(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;
const ENTITY = /&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/giu;
const RETWEET = /^\s*RT\b:?/u;

/** The text without links, e-mail addresses, @handles, #hashtags, $cashtags, emoji and HTML entities. */
export function stripSocial(text: string, options: { keepHashtagWords?: boolean } = {}): string {
  // Each pattern only where its marker occurs: most posts have no link, no address, no entity.
  let s = text.replace(RETWEET, ' ');
  if (s.includes('&')) s = s.replace(ENTITY, ' ');
  if (s.includes('://') || /www\./i.test(s)) s = s.replace(URL_PATTERN, ' ');
  if (s.includes('@')) s = s.replace(MENTION_PATTERN, ' ').replace(EMAIL_PATTERN, ' ');
  if (s.includes('.')) s = s.replace(BARE_DOMAIN, ' ');
  if (s.includes('#')) s = s.replace(HASHTAG_PATTERN, (_, tag: string) => (options.keepHashtagWords ? ` ${splitHashtag(tag)} ` : ' '));
  if (s.includes('$')) s = s.replace(CASHTAG, ' ');
  return NON_ASCII.test(s) ? s.replace(EMOJI_PATTERN, ' ') : s;
}
const NON_ASCII = /[^\x20-\x7e]/;

/** #RefundNow → "Refund Now", #no_refund → "no refund". */
export function splitHashtag(tag: string): string {
  return tag.replace(/_/g, ' ').replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ');
}

/**
 * What the language detector sees: the post without social markup, digits or punctuation runs,
 * letters stretched for emphasis shortened ("sooooo" → "soo"), whitespace collapsed.
 */
export function cleanForLanguage(text: string): string {
  return stripSocial(text)
    .replace(/[\p{N}_]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/[^\p{L}\p{M}'’\s-]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function countLetters(text: string): number {
  return text.replace(NOT_LETTER, '').length;
}
const NOT_LETTER = /\P{L}+/gu;

export function emojis(text: string): string[] {
  return text.match(EMOJI_PATTERN) ?? [];
}
