// Asks for the browser's notification permission, once, when the agent chooses to (never on load).
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridgeMode } from '../../app/deskContext';
import { requestWebNotificationPermission, webNotificationPermission } from './webNotifications';

export function DesktopNotificationsButton() {
  const { t } = useTranslation();
  const mode = useBridgeMode();
  const [permission, setPermission] = useState(webNotificationPermission);
  // The desktop app shows native notifications itself.
  if (mode === 'electron' || permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') {
    return (
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('desktopNotifications.blocked')}
      </Text>
    );
  }
  return (
    <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} onClick={async () => setPermission(await requestWebNotificationPermission())}>
      {t('desktopNotifications.enable')}
    </Button>
  );
}
