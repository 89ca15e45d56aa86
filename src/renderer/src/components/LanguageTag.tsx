// A content language as its code ("pt-BR"), named in full for assistive tech and on hover, with
// how it was found and how sure that is when it was detected ("Latvian · detected, 93% sure").
import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LanguageSource } from '@shared/domain';
import { formatPercent, languageName } from '../i18n/formatters';
import { useLocale } from '../i18n/useLocale';

export function LanguageTag({ code, source, confidence }: { code: string; source?: LanguageSource | null; confidence?: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = languageName(code, locale);
  const label =
    source && confidence !== null && confidence !== undefined
      ? t(`list.languageFound.${source}`, { language: name, confidence: formatPercent(confidence, locale) })
      : t('list.language', { language: name });
  return (
    <Badge size="xs" variant="outline" color="gray" title={label}>
      <span aria-hidden>{code}</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Badge>
  );
}
