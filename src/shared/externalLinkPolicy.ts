// Which links may leave the app for the system browser or mail client: http(s) and mailto only,
// parsed with the WHATWG URL parser. Nothing is repaired silently: whatever the parser would
// drop or rewrite in the part that decides where a link goes (spaces, tabs, control and bidi
// characters, backslashes, an IDN or numeric host spelled another way, userinfo) refuses the
// link instead, so the place the agent reads is the place that opens. Pure: runs anywhere.

/** Longer than any real link, short enough that a pathological one is refused. */
export const MAX_EXTERNAL_URL_LENGTH = 8_192;

export type LinkRefusal =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'hidden-characters'
  | 'backslash'
  | 'not-a-url'
  | 'scheme'
  | 'malformed-authority'
  | 'credentials'
  | 'host-rewritten'
  | 'international-host'
  | 'mailto-field';

export type LinkDecision = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: LinkRefusal };

/**
 * Whitespace (leading, trailing or inside), control, format (zero-width, bidi), surrogate,
 * private-use and unassigned characters: the URL parser trims, removes or replaces some of these,
 * and the others make a link read differently from where it goes.
 */
const HIDDEN_CHARACTERS = /[\s\p{C}]/u;
const WEB_LINK = /^https?:\/\/([^/?#]*)/i;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };
/** RFC 6068 fields; anything else (attach=, attachment=...) is a mail-client extension we refuse. */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body', 'in-reply-to']);

const refuse = (reason: LinkRefusal): LinkDecision => ({ ok: false, reason });

/** The normalised URL to open outside the app, or why it must not leave the app. */
export function checkExternalLink(raw: unknown): LinkDecision {
  if (typeof raw !== 'string') return refuse('not-a-string');
  if (raw.length === 0) return refuse('empty');
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return refuse('too-long');
  if (HIDDEN_CHARACTERS.test(raw)) return refuse('hidden-characters');
  if (raw.includes('\\')) return refuse('backslash');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('not-a-url');
  }
  if (url.protocol === 'mailto:') return checkMailto(raw, url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('scheme');
  return checkWebLink(raw, url);
}

/** Shorthand for callers that only need the URL. */
export function safeExternalUrl(raw: unknown): string | null {
  const decision = checkExternalLink(raw);
  return decision.ok ? decision.url : null;
}

function checkWebLink(raw: string, url: URL): LinkDecision {
  // The parser also accepts https:host, https:/host and https:///host; only the canonical form passes.
  const authority = WEB_LINK.exec(raw)?.[1];
  if (!authority || url.hostname === '') return refuse('malformed-authority');
  if (url.username !== '' || url.password !== '' || authority.includes('@')) return refuse('credentials');
  // Percent-escapes, dotless or hexadecimal IPv4, non-ASCII letters turned into punycode: the
  // host that opens must be the host as written (letter case and a default port aside).
  const written = authority.toLowerCase();
  const host = url.host.toLowerCase();
  if (written !== host && written !== `${host}:${DEFAULT_PORTS[url.protocol]}`) {
    return refuse(/[^\x20-\x7e]/.test(authority) ? 'international-host' : 'host-rewritten');
  }
  // Punycode written out: look-alike hosts (аpple.com in Cyrillic) cannot be told apart here.
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) return refuse('international-host');
  return { ok: true, url: url.href };
}

function checkMailto(raw: string, url: URL): LinkDecision {
  if (!/^mailto:/i.test(raw)) return refuse('scheme');
  // RFC 6068 has no fragment; a client could read one as part of an address.
  if (raw.includes('#')) return refuse('mailto-field');
  for (const field of url.searchParams.keys()) {
    if (!MAILTO_FIELDS.has(field.toLowerCase())) return refuse('mailto-field');
  }
  return { ok: true, url: url.href };
}
