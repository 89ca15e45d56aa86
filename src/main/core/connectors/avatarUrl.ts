// A customer's avatar address as a platform gives it, kept only if it is a plain http(s) URL:
// anything else is ignored (the customer shows initials), never a reason to drop the message.
// Whether the image may be fetched is decided later, by the image proxy (src/main/core/media).

const MAX_AVATAR_URL_LENGTH = 2048;

export function avatarUrlOf(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_AVATAR_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
