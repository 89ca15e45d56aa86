// What the core tells the agent (breaches, urgent mentions, digests): always an in-app toast
// with "Open"; also a system notification when the host could not show one natively and the
// browser allows it. `openConversation` (a native notification was clicked) opens it too.
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskNotification, NotificationKind } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { showWebNotification } from './webNotifications';

const COLORS: Record<NotificationKind, string> = { 'near-breach': 'yellow', breach: 'red', urgent: 'orange', incident: 'grape', handover: 'cyan', digest: 'blue' };

export function useDeskNotifications(openConversation: (id: number) => void): void {
  const desk = useDesk();
  const { t } = useTranslation();
  const openRef = useRef(openConversation);
  useEffect(() => {
    openRef.current = openConversation;
  }, [openConversation]);

  useEffect(() => {
    const open = (id: number) => openRef.current(id);
    const offNotification = desk.on('notification', (n: DeskNotification) => {
      // Routed away from this agent (someone else's, off shift, quiet mode): nothing to show.
      if (n.suppressed) return;
      const toastId = `desk-${n.id}`;
      const conversationId = n.conversationId;
      notifications.show({
        id: toastId,
        title: n.title,
        color: COLORS[n.kind],
        withBorder: true,
        autoClose: n.kind === 'breach' ? 15_000 : 8_000,
        'data-notification-kind': n.kind,
        message: (
          <>
            <Text size="sm" dir="auto" lineClamp={3} style={{ unicodeBidi: 'plaintext' }}>
              {n.body}
            </Text>
            {conversationId !== null && (
              <Button
                size="compact-xs"
                variant="light"
                color={COLORS[n.kind]}
                mt={6}
                aria-label={t('toast.openLabel', { title: n.title })}
                onClick={() => {
                  notifications.hide(toastId);
                  open(conversationId);
                }}
              >
                {t('toast.open')}
              </Button>
            )}
          </>
        ),
      });
      if (!n.deliveredNatively) {
        showWebNotification(n.title, n.body, n.id, () => {
          if (conversationId !== null) open(conversationId);
        });
      }
    });
    const offOpen = desk.on('openConversation', ({ conversationId }) => {
      window.focus();
      open(conversationId);
    });
    return () => {
      offNotification();
      offOpen();
    };
  }, [desk, t]);
}
