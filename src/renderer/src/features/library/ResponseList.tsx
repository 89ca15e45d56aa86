// The library, grouped by folder: each response with its shortcut, tags, the languages and
// platforms its variants are written for, and how often this agent used it; Edit and Delete.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LibraryHit } from '@shared/cannedResponses';
import type { Platform } from '@shared/domain';
import { PlatformBadge } from '../../components/PlatformBadge';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { groupByFolder, variantCoverage } from './libraryGroups';
import classes from './Library.module.css';

export type ResponseAction = 'edit' | 'remove';

export function ResponseList({ hits, searching, onAction }: { hits: LibraryHit[]; searching: boolean; onAction(action: ResponseAction, hit: LibraryHit): void }) {
  const { t } = useTranslation();
  if (hits.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="library-empty">
        {searching ? t('library.list.noMatch') : t('library.list.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="library-list">
      {groupByFolder(hits).map((group) => {
        const folderName = group.folder === '' ? t('library.list.topLevel') : group.folder;
        return (
          <section key={group.folder} aria-label={t('library.list.folderLabel', { folder: folderName })}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
              <bdi>{folderName}</bdi>
            </Text>
            <ul className={classes.list}>
              {group.hits.map((hit) => (
                <ResponseItem key={hit.response.id} hit={hit} onAction={(action) => onAction(action, hit)} />
              ))}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}

function ResponseItem({ hit, onAction }: { hit: LibraryHit; onAction(action: ResponseAction): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { response, usage } = hit;
  const { languages, platforms } = variantCoverage(hit);
  const languageLabel = (tag: string | null) => (tag === null ? t('library.anyLanguage') : languageName(tag, locale));
  return (
    <Paper component="li" withBorder p="sm" aria-label={response.title} data-response-id={response.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Title order={3} size="sm" fw={600} className={classes.title}>
              <bdi>{response.title}</bdi>
            </Title>
            <Text size="xs" ff="monospace" c="blue.8" data-testid="response-shortcut">
              /{response.shortcut}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1} className={classes.body}>
            {response.variants[0]?.body}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed" data-testid="response-languages">
              {new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(languages.map(languageLabel))}
            </Text>
            {platforms.map((p) =>
              p === null ? (
                <Badge key="any" size="xs" variant="outline" color="gray">
                  {t('library.anyPlatform')}
                </Badge>
              ) : (
                <PlatformBadge key={p} platform={p as Platform} />
              ),
            )}
            {response.tags.map((tag) => (
              <Badge key={tag} size="xs" variant="light" color="gray" tt="none">
                #{tag}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="xs" c="dimmed" data-testid="response-usage">
            {usage.count === 0 ? t('library.list.neverUsed') : t('library.list.used', { count: usage.count })}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => onAction('edit')} aria-label={t('library.list.editLabel', { title: response.title })}>
              {t('library.edit')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => onAction('remove')} aria-label={t('library.list.removeLabel', { title: response.title })}>
              {t('library.delete')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
