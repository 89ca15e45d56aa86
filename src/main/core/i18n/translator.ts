/// <reference types="vite/client" />
// Native strings (notifications, tray, dialogs) from the same locale files as the renderer,
// in the agent's chosen language or the system's. Every locale file present is bundled (a glob,
// resolved by vite in electron-vite builds and in vitest); a missing one falls back to English.
import i18next, { type TFunction } from 'i18next';
import type { LocaleResource } from '@shared/locales/localeCheck';
import { FALLBACK_LANGUAGE, localeFileLanguage, resourceLanguage, uiLanguage } from '@shared/pickLanguage';

export type Translate = TFunction;

const files = import.meta.glob<LocaleResource>('../../../shared/locales/*.json', { eager: true, import: 'default' });
const resources = Object.fromEntries(Object.entries(files).map(([path, strings]) => [localeFileLanguage(path), { translation: strings }]));
/** The languages whose locale files were bundled. */
export const LOCALE_LANGUAGES: readonly string[] = Object.keys(resources);

export interface Translator {
  /** Always translates into the current language (callers may keep it). */
  readonly t: Translate;
  /** The current language tag, for Intl formatting too (en-GB, ar, pt-BR...). */
  language(): string;
  /** Follows the agent's choice (null: the system's preferred languages). */
  follow(choice: string | null, systemLanguages: readonly string[]): void;
  /** Called after the language changed; returns the unsubscribe function. */
  onChange(listener: (language: string) => void): () => void;
}

export function createLiveTranslator(language = FALLBACK_LANGUAGE): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: (code: string) => [resourceLanguage(code, LOCALE_LANGUAGES), FALLBACK_LANGUAGE],
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const listeners = new Set<(language: string) => void>();
  return {
    t: instance.t.bind(instance),
    language: () => instance.language,
    follow(choice, systemLanguages) {
      const next = uiLanguage(choice, systemLanguages, LOCALE_LANGUAGES);
      if (next === instance.language) return;
      void instance.changeLanguage(next);
      for (const listener of listeners) listener(next);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A translator fixed to one language (tests, strings needed before the core exists). */
export function createTranslator(language = FALLBACK_LANGUAGE): Translate {
  return createLiveTranslator(language).t;
}
