// Says so when the core is out of reach (browser mode), and that the app is reconnecting.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNREACHABLE_AFTER_ATTEMPTS } from '../bridge/connection';
import { useDelayedFlag } from '../components/useDelayedFlag';
import { useConnection } from './deskContext';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useConnection();
  // The first connection of a page is usually instant: no banner unless it fails; and a drop
  // that heals within a second is not worth a banner.
  const down = connection.status !== 'connected' && (connection.everConnected || connection.failedAttempts > 0);
  const show = useDelayedFlag(down, 1000);
  if (!show) return null;
  const unreachable = connection.failedAttempts >= UNREACHABLE_AFTER_ATTEMPTS;
  return (
    <Alert color={unreachable ? 'red' : 'orange'} variant="filled" radius={0} py={6} data-testid="connection-banner">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={500} c="white">
          {connection.everConnected ? t('connection.lost') : t('connection.connecting')}
          {unreachable ? ` ${t('connection.unreachable')}` : ''}
        </Text>
        <Button size="compact-xs" variant="white" color="dark" onClick={connection.reconnectNow} style={{ flexShrink: 0 }}>
          {t('connection.retryNow')}
        </Button>
      </Group>
    </Alert>
  );
}
