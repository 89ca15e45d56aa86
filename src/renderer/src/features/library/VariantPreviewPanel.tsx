// The live preview of one variant: the text as a sample conversation would get it, the
// placeholders that stay unfilled marked (and said in words), and the length per platform with a
// warning when it is over the limit.
import { Alert, Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rangeParts } from '../../components/rangeParts';
import { formatNumber } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import type { VariantPreview } from './variantPreview';
import classes from './Library.module.css';

export function VariantPreviewPanel({ preview, id }: { preview: VariantPreview; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items.map((i) => `{{${i}}}`));
  const over = preview.lengths.filter((l) => l.measure.over);

  const parts: ReactNode[] = rangeParts(preview.text, preview.issues).map(({ text, range: issue }, i) =>
    issue ? (
      <mark key={i} className={classes.issue} title={t(issue.kind === 'missing' ? 'library.preview.missingOne' : 'library.preview.unknownOne', { placeholder: `{{${issue.name}}}` })}>
        {text}
      </mark>
    ) : (
      <Fragment key={i}>{text}</Fragment>
    ),
  );

  return (
    <Stack gap={6} component="section" aria-labelledby={`${id}-title`} data-testid="variant-preview">
      <Text size="xs" fw={700} c="dimmed" id={`${id}-title`}>
        {t('library.preview.title')}
      </Text>
      <div className={classes.preview} data-testid="variant-preview-text">
        {parts}
      </div>
      {preview.missing.length > 0 && (
        <Text size="xs" c="orange.9" data-testid="variant-missing">
          {t('library.preview.missing', { count: preview.missing.length, names: list(preview.missing) })}
        </Text>
      )}
      {preview.unknown.length > 0 && (
        <Text size="xs" c="orange.9" data-testid="variant-unknown">
          {t('library.preview.unknown', { count: preview.unknown.length, names: list(preview.unknown) })}
        </Text>
      )}
      {preview.includeError && (
        <Text size="xs" c="red.8" data-testid="variant-include-error">
          {t('library.preview.includeError', { reason: preview.includeError })}
        </Text>
      )}
      <ul className={classes.lengths} aria-label={t('library.preview.lengths')} data-testid="variant-lengths">
        {preview.lengths.map(({ platform, measure }) => (
          <li key={platform} className={measure.over ? classes.over : undefined}>
            {t('library.preview.length', {
              platform: t(`platform.${platform}`),
              used: formatNumber(measure.used, locale),
              limit: formatNumber(measure.limit ?? 0, locale),
            })}
          </li>
        ))}
      </ul>
      {over.length > 0 && (
        <Alert color="red" variant="light" py={6} data-testid="variant-over-limit">
          <Text size="xs">
            {t('library.preview.overLimit', {
              count: over.length,
              platforms: new Intl.ListFormat(locale, { type: 'conjunction' }).format(over.map((l) => t(`platform.${l.platform}`))),
            })}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
