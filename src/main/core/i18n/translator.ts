// Native strings (notifications, later menus and tray) from the same resources as the renderer.
import i18next, { type TFunction } from 'i18next';
import en from '@shared/locales/en.json';

export type Translate = TFunction;

export function createTranslator(language = 'en'): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t.bind(instance);
}
