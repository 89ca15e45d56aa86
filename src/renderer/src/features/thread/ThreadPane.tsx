// The open conversation: header, messages (scrolled to the newest), and the reply box.
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSyncStatus, ConversationDetail } from '@shared/domain';
import { FOCUS_TARGETS } from '../../app/focus';
import { useWorkspace } from '../../app/workspaceContext';
import { Composer } from '../composer/Composer';
import { useAccountLabel } from '../../components/useAccountLabel';
import { MessageItem } from './MessageItem';
import { ThreadHeader } from './ThreadHeader';
import type { ConversationActions } from './useConversationActions';
import classes from './Thread.module.css';

export interface ThreadPaneProps {
  conversationId: number | null;
  /** The open conversation, or undefined while it loads. */
  detail: ConversationDetail | undefined;
  failed: boolean;
  accountStatus: AccountSyncStatus | undefined;
  actions: ConversationActions;
  /** Opens "Continue by e-mail" for the open conversation. */
  onMoveToEmail(): void;
  /** Shows another conversation (the e-mail this one continued as, or came from). */
  onOpenConversation(id: number): void;
}

export function ThreadPane({ conversationId, detail, failed, accountStatus, actions, onMoveToEmail, onOpenConversation }: ThreadPaneProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} h="100%" className={classes.pane} role="region" aria-label={t('thread.label')} data-conversation-id={detail?.conversation.id}>
      {conversationId === null ? (
        <Center h="100%" p="xl">
          <Stack gap={4} align="center">
            <Text fw={600}>{t('thread.noSelection')}</Text>
            <Text size="sm" c="dimmed">
              {t('thread.noSelectionHint')}
            </Text>
          </Stack>
        </Center>
      ) : detail ? (
        <OpenThread detail={detail} accountStatus={accountStatus} actions={actions} onMoveToEmail={onMoveToEmail} onOpenConversation={onOpenConversation} />
      ) : failed ? (
        <Center h="100%" p="xl">
          <Text c="dimmed" role="alert">
            {t('thread.loadFailed')}
          </Text>
        </Center>
      ) : (
        <Center h="100%" p="xl" className={classes.empty}>
          <Loader size="sm" aria-label={t('thread.loading')} />
        </Center>
      )}
    </Stack>
  );
}

function OpenThread({
  detail,
  accountStatus,
  actions,
  onMoveToEmail,
  onOpenConversation,
}: Pick<ThreadPaneProps, 'accountStatus' | 'actions' | 'onMoveToEmail' | 'onOpenConversation'> & { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const { account } = useWorkspace();
  const accountLabel = useAccountLabel();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { conversation, messages } = detail;
  const lastId = messages.length ? messages[messages.length - 1]!.id : 0;
  const lastOutbound = messages.length > 0 && messages[messages.length - 1]!.direction === 'out';
  const seen = useRef<{ conversationId: number; lastId: number } | null>(null);

  // Newest at the bottom: jump there when a conversation opens, follow new messages when the
  // agent is already near the bottom or just replied.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const previous = seen.current;
    const opened = previous?.conversationId !== conversation.id;
    const grew = !opened && lastId !== previous.lastId;
    const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
    if (opened || (grew && (nearBottom || lastOutbound))) el.scrollTop = el.scrollHeight;
    seen.current = { conversationId: conversation.id, lastId };
  }, [conversation.id, lastId, lastOutbound]);

  const accountInfo = account(conversation.accountId);
  const notice =
    accountStatus && accountStatus.health !== 'online' && accountInfo
      ? t('composer.platformDown', {
          account: accountLabel(accountInfo),
          health: t(`syncStatus.health.${accountStatus.health}`),
        })
      : null;

  return (
    <>
      <ThreadHeader detail={detail} actions={actions} onMoveToEmail={onMoveToEmail} onOpenConversation={onOpenConversation} />
      <div ref={scrollRef} id={FOCUS_TARGETS.thread} className={classes.scroller} tabIndex={0} role="group" aria-label={t('thread.messages')}>
        {messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('thread.noMessages')}
          </Text>
        ) : (
          <ol className={classes.messages} aria-label={t('thread.messages')}>
            {messages.map((m) => (
              <MessageItem key={m.id} message={m} onRetry={actions.retry} />
            ))}
          </ol>
        )}
      </div>
      <Composer
        key={conversation.id}
        conversationId={conversation.id}
        platform={conversation.platform}
        accountId={conversation.accountId}
        replyLimit={detail.account.replyLimit ?? null}
        language={conversation.language ?? detail.customer.language}
        savedDraft={detail.draft?.body ?? ''}
        notice={notice}
        takeIntoInbox={conversation.status === 'listening' ? () => actions.take(conversation.id, { beforeReply: true }) : undefined}
      />
    </>
  );
}
