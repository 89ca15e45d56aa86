// The agent's actions on a conversation, each with its feedback: a toast on success where it
// helps (resolve, with Undo; take into the inbox; dismiss), and the reason when it fails. The
// lists update through `changes`. Dismissing a listening hit resolves it, without Undo: reopening
// would put it in the inbox, not back in the Listening queue.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef } from 'react';
import type { ConversationSummary } from '@shared/domain';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast, showInfoToast } from '../../app/toasts';

export interface ConversationActions {
  resolve(id: number): Promise<boolean>;
  reopen(id: number): Promise<boolean>;
  assign(id: number, agentId: string | null): Promise<boolean>;
  retry(messageId: number): Promise<boolean>;
  /**
   * A listening hit into the inbox: its response deadline starts now. Before a reply, a hit
   * that is no longer listening (taken meanwhile, elsewhere) is no reason not to send.
   */
  take(id: number, options?: { beforeReply?: boolean }): Promise<boolean>;
  /** A listening hit that needs no answer: resolved. */
  dismiss(id: number): Promise<boolean>;
}

export interface ConversationActionOptions {
  /** A listening hit was taken into the inbox (here or by replying to it). */
  onTaken?(conversation: ConversationSummary): void;
}

export function useConversationActions(options: ConversationActionOptions = {}): ConversationActions {
  const desk = useDesk();
  const { t } = useTranslation();
  const onTakenRef = useRef(options.onTaken);
  useEffect(() => {
    onTakenRef.current = options.onTaken;
  });
  return useMemo(() => {
    // A listening hit being taken or dismissed: a second press (button or key) does nothing.
    const settling = new Set<number>();
    const once = async (id: number, run: () => Promise<boolean>) => {
      if (settling.has(id)) return false;
      settling.add(id);
      try {
        return await run();
      } finally {
        settling.delete(id);
      }
    };
    const attempt = async (run: () => Promise<unknown>, failure: string) => {
      try {
        await run();
        return true;
      } catch (error) {
        showErrorToast(failure, describeError(t, error));
        return false;
      }
    };
    const actions: ConversationActions = {
      resolve: async (id) => {
        const done = await attempt(() => desk.resolveConversation({ id }), t('errors.resolve'));
        if (done) {
          const toastId = `resolved-${id}`;
          notifications.show({
            id: toastId,
            color: 'teal',
            withBorder: true,
            autoClose: 6000,
            title: t('thread.resolved'),
            message: (
              <Button
                size="compact-xs"
                variant="light"
                mt={4}
                onClick={() => {
                  notifications.hide(toastId);
                  void actions.reopen(id);
                }}
              >
                {t('thread.undo')}
              </Button>
            ),
          });
        }
        return done;
      },
      reopen: (id) => attempt(() => desk.reopenConversation({ id }), t('errors.reopen')),
      assign: (id, agentId) => attempt(() => desk.assignConversation({ id, agentId }), t('errors.assign')),
      retry: (messageId) => attempt(() => desk.retryMessage({ messageId }), t('errors.retry')),
      take: (id, { beforeReply = false } = {}) =>
        once(id, async () => {
          let taken: ConversationSummary;
          try {
            taken = await desk.takeFromListening({ id });
          } catch (error) {
            if (beforeReply && error instanceof Error && error.name === 'Conflict') return true;
            showErrorToast(t('errors.take'), describeError(t, error));
            return false;
          }
          showInfoToast(t('thread.taken'), t('thread.takenBody'), `taken-${id}`);
          onTakenRef.current?.(taken);
          return true;
        }),
      dismiss: (id) =>
        once(id, async () => {
          const done = await attempt(() => desk.resolveConversation({ id }), t('errors.dismiss'));
          if (done) showInfoToast(t('thread.dismissed'), undefined, `dismissed-${id}`);
          return done;
        }),
    };
    return actions;
  }, [desk, t]);
}
