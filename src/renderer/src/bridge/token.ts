// The browser-mode access token: given once in the address (?token=…), then kept for the tab.

export const TOKEN_PARAM = 'token';

/** Splits the token out of a page address; cleanUrl is the same address without it (path, query, hash). */
export function extractToken(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get(TOKEN_PARAM);
  url.searchParams.delete(TOKEN_PARAM);
  const cleanUrl = `${url.pathname}${url.search}${url.hash}`;
  return { token: token && token.trim() !== '' ? token : null, cleanUrl };
}

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'shiftdesk.token';

/**
 * The token of this tab: from the address when it has one (and then kept in storage and removed
 * from the address bar), else the one kept by an earlier load of this tab.
 */
export function takeToken(
  href: string,
  storage: TokenStorage,
  replaceUrl: (cleanUrl: string) => void,
): string | null {
  const { token, cleanUrl } = extractToken(href);
  if (token) {
    try {
      storage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be unavailable (private mode quotas): the token still works for this load.
    }
    replaceUrl(cleanUrl);
    return token;
  }
  try {
    return storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
