// The languages the interface speaks. Each has src/shared/locales/<tag>.json with every key
// of en.json (test/unit/locales.test.ts checks it).

export const UI_LANGUAGES = ['en', 'ml', 'gu', 'bn', 'te', 'lv', 'es', 'pt-BR', 'de', 'fr', 'ja', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const isUiLanguage = (value: unknown): value is UiLanguage => (UI_LANGUAGES as readonly unknown[]).includes(value);

/** Each language's own name for itself, shown in the language picker (never translated). */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  ml: 'മലയാളം',
  gu: 'ગુજરાતી',
  bn: 'বাংলা',
  te: 'తెలుగు',
  lv: 'Latviešu',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  fr: 'Français',
  ja: '日本語',
  ar: 'العربية',
};
