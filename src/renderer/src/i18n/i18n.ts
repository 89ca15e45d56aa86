// i18next for the renderer, with the resource file shared with the main process. The UI
// language follows the browser's preferences; <html lang dir> follows the UI language.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@shared/locales/en.json';
import { FALLBACK_LANGUAGE, pickLanguage } from './pickLanguage';

export const resources = { en: { translation: en } } as const;

function applyToDocument(instance: I18n, language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = instance.dir(language);
}

export function initI18n(preferred: readonly string[] = navigator.languages ?? [navigator.language]): I18n {
  const language = pickLanguage(preferred, Object.keys(resources));
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyToDocument(i18next, language);
  i18next.on('languageChanged', (lng) => applyToDocument(i18next, lng));
  return i18next;
}
