// The translation settings form: its values, and the input saveTranslationSettings takes.
import type { TranslationSettings, TranslationSettingsInput } from '@shared/translation';

export interface TranslationFormValues {
  provider: 'none' | 'libretranslate' | 'deepl';
  url: string;
  /** A new key; empty keeps the stored one (when there is one for this provider). */
  apiKey: string;
  removeApiKey: boolean;
}

export function toFormValues(settings: TranslationSettings | undefined): TranslationFormValues {
  return {
    provider: settings?.provider ?? 'none',
    url: settings?.provider === 'libretranslate' ? settings.url : '',
    apiKey: '',
    removeApiKey: false,
  };
}

/** Whether a key is stored for the provider now chosen (it is kept when the field stays empty). */
export function storedKeyApplies(values: TranslationFormValues, settings: TranslationSettings | undefined): boolean {
  return settings !== undefined && settings.provider === values.provider && settings.provider !== 'none' && settings.hasApiKey;
}

export function toSettingsInput(values: TranslationFormValues): TranslationSettingsInput {
  const apiKey = values.apiKey.trim() === '' ? undefined : values.apiKey.trim();
  switch (values.provider) {
    case 'none':
      return { provider: 'none' };
    case 'deepl':
      return { provider: 'deepl', ...(apiKey !== undefined ? { apiKey } : {}) };
    case 'libretranslate':
      if (values.removeApiKey) return { provider: 'libretranslate', url: values.url.trim(), removeApiKey: true };
      return { provider: 'libretranslate', url: values.url.trim(), ...(apiKey !== undefined ? { apiKey } : {}) };
  }
}

/** What is missing before the form can be tested or saved: the field and the message key. */
export function missingField(values: TranslationFormValues, settings: TranslationSettings | undefined): { field: 'url' | 'apiKey'; message: 'urlRequired' | 'keyRequired' } | null {
  if (values.provider === 'libretranslate' && values.url.trim() === '') return { field: 'url', message: 'urlRequired' };
  if (values.provider === 'deepl' && values.apiKey.trim() === '' && !storedKeyApplies(values, settings)) return { field: 'apiKey', message: 'keyRequired' };
  return null;
}
