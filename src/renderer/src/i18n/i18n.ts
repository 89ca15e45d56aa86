/// <reference types="vite/client" />
// i18next for the renderer, over the locale files shared with the main process. English is
// bundled; every other locale file present becomes its own chunk, loaded when the UI switches
// to it (a missing or unreadable one falls back to English). <html lang dir> follows the UI
// language.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@shared/locales/en.json';
import type { LocaleResource } from '@shared/locales/localeCheck';
import { FALLBACK_LANGUAGE, localeFileLanguage, resourceLanguage } from '@shared/pickLanguage';

const loaders = new Map(
  Object.entries(import.meta.glob<LocaleResource>(['../../../shared/locales/*.json', '!../../../shared/locales/en.json'], { import: 'default' })).map(
    ([path, load]) => [localeFileLanguage(path), load] as const,
  ),
);
/** The languages whose strings this build has. */
export const LOCALE_LANGUAGES: readonly string[] = [FALLBACK_LANGUAGE, ...loaders.keys()];

function applyToDocument(instance: I18n, language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = instance.dir(language);
}

export function initI18n(): I18n {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: FALLBACK_LANGUAGE,
    fallbackLng: (code: string) => [resourceLanguage(code, LOCALE_LANGUAGES), FALLBACK_LANGUAGE],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyToDocument(i18next, i18next.language);
  i18next.on('languageChanged', (lng) => applyToDocument(i18next, lng));
  return i18next;
}

let latest: string | null = null;

/**
 * Switches the UI to a language tag (en-GB, ar, pt-PT...), loading its strings first. When calls
 * overlap, the last one wins.
 */
export async function switchLanguage(tag: string): Promise<void> {
  latest = tag;
  const resource = resourceLanguage(tag, LOCALE_LANGUAGES);
  const load = loaders.get(resource);
  if (load && !i18next.hasResourceBundle(resource, 'translation')) {
    try {
      i18next.addResourceBundle(resource, 'translation', await load());
    } catch (error) {
      console.error(`Could not load the ${resource} strings; showing English`, error);
    }
  }
  if (latest === tag && i18next.language !== tag) await i18next.changeLanguage(tag);
}
