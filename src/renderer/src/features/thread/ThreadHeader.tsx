// Who the conversation is with (VIP or not), where, its state, its deadline, and the agent's controls:
// assignee and Resolve / Reopen; for a listening hit, what it is and Take into inbox / Dismiss;
// Continue by e-mail, and where a conversation moved to e-mail went (or came from).
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '@shared/domain';
import { kindAddsInformation } from '../../components/conversationKind';
import { CustomerAvatar } from '../../components/CustomerAvatar';
import { IntentBadge } from '../../components/IntentBadge';
import { PlatformBadge } from '../../components/PlatformBadge';
import { SlaCountdown } from '../../components/SlaCountdown';
import { VipBadge } from '../../components/VipBadge';
import { useWorkspace } from '../../app/workspaceContext';
import { canMoveToEmail } from '../moveToEmail/moveToEmailForm';
import type { ConversationActions } from './useConversationActions';
import classes from './Thread.module.css';

const UNASSIGNED = '';
const LISTENING_NOTE_ID = 'thread-listening-note';

export interface ThreadHeaderProps {
  detail: ConversationDetail;
  actions: ConversationActions;
  onMoveToEmail(): void;
  onOpenConversation(id: number): void;
}

export function ThreadHeader({ detail, actions, onMoveToEmail, onOpenConversation }: ThreadHeaderProps) {
  const { t } = useTranslation();
  const assigneeId = useId();
  const { workspace } = useWorkspace();
  const { conversation, account, customer } = detail;
  const resolved = conversation.status === 'resolved';
  const listening = conversation.status === 'listening';
  const agents = workspace?.agents ?? [];
  const agentOptions = [
    { value: UNASSIGNED, label: t('thread.unassigned') },
    ...agents.map((a) => ({ value: a.id, label: a.isSelf ? t('thread.you', { name: a.name }) : a.name })),
  ];
  if (conversation.assigneeId && !agents.some((a) => a.id === conversation.assigneeId)) {
    agentOptions.push({ value: conversation.assigneeId, label: conversation.assigneeId });
  }

  return (
    <Stack gap={6} px="md" py={10} className={classes.header}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <CustomerAvatar customer={customer} size={32} />
          <Title order={2} size="h4" lineClamp={1}>
            <bdi>{customer.displayName}</bdi>
          </Title>
          {customer.vip && <VipBadge />}
          {customer.verified && (
            <Badge size="xs" variant="light" color="blue">
              {t('customer.verified')}
            </Badge>
          )}
          {/* The handle gives way first when the header is narrow: the name stays readable. */}
          <Text size="sm" c="dimmed" truncate style={{ flex: '1 1 0', minWidth: 0 }} dir="auto" className="shiftdesk-user-label">
            {customer.handle}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <SlaCountdown dueAt={conversation.dueAt} size="sm" />
          {listening ? (
            <>
              <Button
                size="xs"
                variant="default"
                onClick={() => void actions.dismiss(conversation.id)}
                aria-keyshortcuts="E"
                aria-describedby={LISTENING_NOTE_ID}
                title={`${t('thread.dismiss')} (E)`}
              >
                {t('thread.dismiss')}
              </Button>
              <Button
                size="xs"
                onClick={() => void actions.take(conversation.id)}
                aria-keyshortcuts="T"
                aria-describedby={LISTENING_NOTE_ID}
                title={`${t('shortcuts.take')} (T)`}
              >
                {t('thread.take')}
              </Button>
            </>
          ) : resolved ? (
            <Button size="xs" variant="default" onClick={() => void actions.reopen(conversation.id)}>
              {t('thread.reopen')}
            </Button>
          ) : (
            <Button size="xs" color="teal" onClick={() => void actions.resolve(conversation.id)} aria-keyshortcuts="E" title={`${t('shortcuts.resolve')} (E)`}>
              {t('thread.resolve')}
            </Button>
          )}
        </Group>
      </Group>
      {/* The actions go below the badges when a language's longer words leave too little room. */}
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
        <Group gap={6} wrap="wrap" style={{ flex: '1 1 10rem', minWidth: 0, rowGap: 4 }}>
          <PlatformBadge platform={account.platform} />
          <Text size="xs" c="dimmed">
            <bdi>{account.name}</bdi>
          </Text>
          {kindAddsInformation(account.platform, conversation.kind) && (
            <Badge size="xs" variant="default">
              {t(`kind.${conversation.kind}`)}
            </Badge>
          )}
          <Badge
            size="xs"
            variant={resolved || listening ? 'light' : 'outline'}
            color={resolved ? 'teal' : listening ? 'indigo' : 'gray'}
            data-conversation-status={conversation.status}
          >
            {t(`conversationStatus.${conversation.status}`)}
          </Badge>
          {conversation.intent && <IntentBadge intent={conversation.intent} />}
          {conversation.priority === 'urgent' && (
            <Badge size="xs" color="red" variant="filled">
              {t('priority.urgent')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {canMoveToEmail(detail, workspace?.accounts ?? []) && (
            <Button size="compact-xs" variant="subtle" onClick={onMoveToEmail}>
              {t('moveToEmail.open')}
            </Button>
          )}
          {/* A label beside the select, not inside it: its width follows the language. */}
          <Text component="label" htmlFor={assigneeId} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('thread.assignee')}
          </Text>
          <NativeSelect
            id={assigneeId}
            size="xs"
            data={agentOptions}
            value={conversation.assigneeId ?? UNASSIGNED}
            onChange={(e) => void actions.assign(conversation.id, e.currentTarget.value === UNASSIGNED ? null : e.currentTarget.value)}
            // As wide as the longest name or translation of "Unassigned", within reason.
            styles={{ input: { width: 'auto', minWidth: '8rem', maxWidth: '14rem' } }}
            style={{ flexShrink: 0 }}
          />
        </Group>
      </Group>
      {listening && (
        <Paper id={LISTENING_NOTE_ID} role="note" px="sm" py={6} radius="sm" bg="var(--mantine-color-indigo-light)" data-testid="listening-note">
          <Text size="sm" fw={600}>
            {t('thread.listeningNote')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('thread.listeningHint')}
          </Text>
        </Paper>
      )}
      {(conversation.movedToId !== null || conversation.movedFromId !== null) && (
        <Paper role="note" px="sm" py={6} radius="sm" bg="var(--mantine-color-gray-light)" data-testid="moved-note">
          <Text size="sm">
            {conversation.movedToId !== null ? t('moveToEmail.movedTo') : t('moveToEmail.movedFrom')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => onOpenConversation((conversation.movedToId ?? conversation.movedFromId)!)}>
              {conversation.movedToId !== null ? t('moveToEmail.openEmail') : t('moveToEmail.openOriginal')}
            </Anchor>
          </Text>
        </Paper>
      )}
      {conversation.subject && (
        <Text size="sm" lineClamp={1}>
          <Text span size="sm" c="dimmed">
            {t('thread.subjectLabel')}
          </Text>{' '}
          <Text span size="sm" fw={500}>
            <bdi>{conversation.subject}</bdi>
          </Text>
        </Text>
      )}
    </Stack>
  );
}
