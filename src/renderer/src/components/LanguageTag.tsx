// A content language as its code ("pt-BR"), named in full for assistive tech and on hover.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/formatters';
import { useLocale } from '../i18n/useLocale';

export function LanguageTag({ code }: { code: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = languageName(code, locale);
  return (
    <Badge size="xs" variant="outline" color="gray" title={name} aria-label={t('list.language', { language: name })}>
      {code}
    </Badge>
  );
}
