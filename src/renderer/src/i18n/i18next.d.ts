// Typed translation keys: t('…') only accepts keys that exist in the shared en.json.
import 'i18next';
import type en from '@shared/locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
