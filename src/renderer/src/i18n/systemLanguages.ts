// The browser's (or Electron's) preferred languages, and the UI language last applied: kept in
// localStorage only so a reload starts in it instead of flashing the system's language until
// the core answers (the core's stored choice stays the truth).
const LAST_LANGUAGE_KEY = 'shiftdesk.uiLanguage';

export function systemLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function lastLanguage(): string | null {
  try {
    return localStorage.getItem(LAST_LANGUAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(tag: string): void {
  try {
    localStorage.setItem(LAST_LANGUAGE_KEY, tag);
  } catch {
    // Storage disabled: the next start shows the system's language until the core answers.
  }
}
