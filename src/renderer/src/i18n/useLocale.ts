// The locale that Intl formatting uses: the UI language (so numbers match the surrounding text).
import { useTranslation } from 'react-i18next';

export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage && i18n.language.startsWith(i18n.resolvedLanguage) ? i18n.language : (i18n.resolvedLanguage ?? 'en');
}
