// One conversation in the list: who, where, what they said, and how long until the deadline
// (none for listening hits: they wait without one), with what a listening stream found it as.
import { Badge, Group, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '@shared/domain';
import { IntentBadge } from '../../components/IntentBadge';
import { kindAddsInformation } from '../../components/conversationKind';
import { LanguageTag } from '../../components/LanguageTag';
import { PlatformBadge } from '../../components/PlatformBadge';
import { SlaCountdown } from '../../components/SlaCountdown';
import { useWorkspace } from '../../app/workspaceContext';
import classes from './ConversationRow.module.css';

export const ROW_HEIGHT = 100;

interface RowProps {
  id: string;
  row: ConversationSummary;
  selected: boolean;
  index: number;
  setSize: number;
  top: number;
  onSelect(id: number): void;
}

export const ConversationRow = memo(function ConversationRow({ id, row, selected, index, setSize, top, onSelect }: RowProps) {
  const { t } = useTranslation();
  const { agent } = useWorkspace();
  const assignee = agent(row.assigneeId);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-conversation-id={row.id}
      data-urgent={row.priority === 'urgent' || undefined}
      className={classes.row}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={() => onSelect(row.id)}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} truncate dir="auto" className={`${classes.name} shiftdesk-user-label`}>
          {row.customerName}
        </Text>
        <SlaCountdown dueAt={row.dueAt} />
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2} dir="auto" lang={row.language ?? undefined} className={classes.preview}>
        {row.preview}
      </Text>
      <Group justify="space-between" gap={4} wrap="nowrap" className={classes.meta}>
        <Group gap={4} wrap="nowrap" className={classes.badges}>
          <PlatformBadge platform={row.platform} />
          {row.priority === 'urgent' && (
            <Badge size="xs" color="red" variant="filled">
              {t('priority.urgent')}
            </Badge>
          )}
          {row.intent && <IntentBadge intent={row.intent} />}
          {row.incidentTerm && (
            <Badge size="xs" color="grape" variant="light" data-indicator="incident" title={t('list.incidentHint', { term: row.incidentTerm })}>
              <bdi>{t('list.incident', { term: row.incidentTerm })}</bdi>
            </Badge>
          )}
          {/* What needs the agent comes before the descriptive badges: a narrow row cuts off the end. */}
          {row.failedReplies > 0 && (
            <Badge size="xs" color="red" variant="filled" data-indicator="failed">
              {t('list.failed', { count: row.failedReplies })}
            </Badge>
          )}
          {row.queuedReplies > 0 && (
            <Badge size="xs" color="orange" variant="light" data-indicator="queued">
              {t('list.queued', { count: row.queuedReplies })}
            </Badge>
          )}
          {row.hasDraft && (
            <Badge size="xs" color="yellow" variant="light" data-indicator="draft">
              {t('list.draft')}
            </Badge>
          )}
          {kindAddsInformation(row.platform, row.kind) && (
            <Badge size="xs" variant="default">
              {t(`kind.${row.kind}`)}
            </Badge>
          )}
          {row.language && <LanguageTag code={row.language} source={row.languageSource} confidence={row.languageConfidence} />}
        </Group>
        <Text size="xs" c={assignee ? undefined : 'dimmed'} truncate className={classes.assignee} title={assignee ? t('list.assignedTo', { name: assignee.name }) : undefined}>
          {assignee ? <bdi>{assignee.isSelf ? t('thread.you', { name: assignee.name }) : assignee.name}</bdi> : t('list.unassigned')}
        </Text>
      </Group>
    </div>
  );
});
