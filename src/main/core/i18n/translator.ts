// Native strings (notifications, tray, dialogs) from the same locale files as the renderer,
// in the agent's chosen language or the system's. The files are imported by name (plain
// imports, so the core also runs under tsx, not only when bundled): one per UI language
// (test/unit/locales.test.ts checks that each exists and is complete).
import i18next, { type TFunction } from 'i18next';
import { FALLBACK_LANGUAGE, resourceLanguage, uiLanguage } from '@shared/pickLanguage';
import type { UiLanguage } from '@shared/uiLanguages';
import ar from '@shared/locales/ar.json';
import bn from '@shared/locales/bn.json';
import de from '@shared/locales/de.json';
import en from '@shared/locales/en.json';
import es from '@shared/locales/es.json';
import fr from '@shared/locales/fr.json';
import gu from '@shared/locales/gu.json';
import ja from '@shared/locales/ja.json';
import lv from '@shared/locales/lv.json';
import ml from '@shared/locales/ml.json';
import ptBR from '@shared/locales/pt-BR.json';
import te from '@shared/locales/te.json';

export type Translate = TFunction;

const STRINGS: Record<UiLanguage, object> = { en, ml, gu, bn, te, lv, es, 'pt-BR': ptBR, de, fr, ja, ar };
const resources = Object.fromEntries(Object.entries(STRINGS).map(([language, strings]) => [language, { translation: strings }]));

/** The languages the native strings speak. */
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
