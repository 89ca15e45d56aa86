// Links the app may hand to the system browser: only http(s), parsed with the WHATWG URL parser,
// never file:, javascript:, custom schemes or URLs with embedded credentials. Pure.

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:']);
/** Longer than any real link, short enough that a pathological one is refused. */
export const MAX_EXTERNAL_URL_LENGTH = 8_192;

/** The normalised URL to open in the browser, or null when it must not leave the app. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.hostname === '') return null;
  // https://bank.example@evil.example/ style links: refused rather than shown to the OS.
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
