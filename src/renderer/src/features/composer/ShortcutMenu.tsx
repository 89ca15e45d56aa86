// The canned responses matching the /shortcut being typed, with a preview of the highlighted one
// made ready for this conversation: the variant chosen (and why), variables filled, and the ones
// that cannot be filled marked. The reply box keeps the focus (arrow keys move, Enter or Tab
// inserts, Escape closes), so the list is announced through aria-activedescendant.
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedReply, RankedResponse } from '@shared/cannedResponses';
import { PlatformBadge } from '../../components/PlatformBadge';
import { rangeParts } from '../../components/rangeParts';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import classes from './Composer.module.css';

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

export interface ShortcutMenuProps {
  listId: string;
  query: string;
  results: RankedResponse[];
  active: number;
  preview: PreparedReply | { error: string } | null;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
}

export function ShortcutMenu({ listId, query, results, active, preview, onPick, onHover }: ShortcutMenuProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder shadow="md" p="xs" className={classes.menu} data-testid="canned-menu">
      {results.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {query ? t('canned.noMatch', { query }) : t('canned.emptyLibrary')}
        </Text>
      ) : (
        <Group align="stretch" gap="xs" wrap="nowrap">
          <ScrollArea.Autosize mah={240} className={classes.menuList}>
            <ul id={listId} role="listbox" aria-label={t('canned.listLabel')} className={classes.options}>
              {results.map((r, i) => {
                const languages = [...new Set(r.response.variants.map((v) => v.language).filter((l): l is string => l !== null))];
                return (
                  <li
                    key={r.response.id}
                    id={optionId(listId, i)}
                    role="option"
                    aria-selected={i === active}
                    className={classes.option}
                    data-active={i === active || undefined}
                    // The reply box keeps the focus: a click must not take it away.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => onPick(i)}
                    onMouseEnter={() => onHover(i)}
                  >
                    <Text size="sm" fw={500} lineClamp={2}>
                      {r.response.title}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" c="dimmed" ff="monospace">
                        /{r.response.shortcut}
                      </Text>
                      {languages.slice(0, 4).map((l) => (
                        <Badge key={l} size="xs" variant="outline" color="gray" title={languageName(l, locale)}>
                          {l}
                        </Badge>
                      ))}
                    </Group>
                  </li>
                );
              })}
            </ul>
          </ScrollArea.Autosize>
          <div className={classes.preview} aria-live="polite" data-testid="canned-preview">
            {preview && 'error' in preview ? (
              <Text size="xs" c="red.8">
                {preview.error}
              </Text>
            ) : preview ? (
              <PreparedPreview reply={preview} />
            ) : null}
          </div>
        </Group>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('canned.menuHint')}
      </Text>
    </Paper>
  );
}

function PreparedPreview({ reply }: { reply: PreparedReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const language = reply.variant.language ? languageName(reply.variant.language, locale) : null;
  const gaps = [...reply.missing, ...reply.unknown];
  return (
    <Stack gap={4}>
      <Group gap={4}>
        <Text size="xs" c="dimmed" data-testid="canned-variant">
          {t(VARIANT_SENTENCE[reply.reason.level], { language })}
        </Text>
        {reply.variant.platform && <PlatformBadge platform={reply.variant.platform} />}
      </Group>
      <Text size="sm" className={classes.previewText} dir="auto">
        {withMarks(reply.text, reply.issues)}
      </Text>
      {gaps.length > 0 && (
        <Text size="xs" c="orange.9" data-testid="canned-gaps">
          {t('canned.gaps', { count: gaps.length, names: gaps.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

const VARIANT_SENTENCE = {
  exact: 'canned.variant.exact',
  'base-language': 'canned.variant.related',
  'related-language': 'canned.variant.related',
  default: 'canned.variant.default',
  english: 'canned.variant.english',
  any: 'canned.variant.any',
} as const;

/** The text with the ranges that could not be filled marked (as text: never as HTML). */
function withMarks(text: string, issues: PreparedReply['issues']): ReactNode {
  return rangeParts(text, issues).map(({ text: part, range }, i) =>
    range ? (
      <mark key={i} className={classes.gap}>
        {part}
      </mark>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}
