// Bottom bar: each account's connection ("X (Aurora Air Support): offline — will retry", the
// reason on hover), replies waiting to go out or failed, and the desktop-notification switch.
import { AccountLabelText } from '../../components/AccountLabelText';
import { Badge, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountHealth, AccountSyncStatus, SyncStatus } from '@shared/domain';
import { formatRelativeTime, relativeTimeRefreshMs } from '../../i18n/duration';
import { useLocale } from '../../i18n/useLocale';
import { useWorkspace } from '../../app/workspaceContext';
import { readNow, useRerenderEvery } from '../../components/useNow';
import { DesktopNotificationsButton } from '../notifications/DesktopNotificationsButton';
import { useAccountLabel } from '../../components/useAccountLabel';
import classes from './StatusBar.module.css';

const HEALTH_COLORS: Record<AccountHealth, string> = {
  online: 'var(--mantine-color-green-6)',
  degraded: 'var(--mantine-color-yellow-6)',
  offline: 'var(--mantine-color-red-6)',
  'needs-auth': 'var(--mantine-color-grape-6)',
};

export function StatusBar({ status }: { status: SyncStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="sm" gap="md" justify="space-between" wrap="nowrap" className={classes.bar}>
      <div role="status" aria-label={t('syncStatus.label')} className={classes.status}>
        <ul className={classes.accounts}>
          {status?.accounts.map((a) => <AccountEntry key={a.accountId} status={a} />)}
        </ul>
        {status && status.queuedReplies > 0 && (
          <Badge size="sm" color="orange" variant="light" data-testid="queued-replies">
            {t('syncStatus.queued', { count: status.queuedReplies })}
          </Badge>
        )}
        {status && status.failedReplies > 0 && (
          <Badge size="sm" color="red" variant="filled" data-testid="failed-replies">
            {t('syncStatus.failed', { count: status.failedReplies })}
          </Badge>
        )}
      </div>
      <DesktopNotificationsButton />
    </Group>
  );
}

function AccountEntry({ status }: { status: AccountSyncStatus }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { account } = useWorkspace();
  const accountLabel = useAccountLabel();
  const info = account(status.accountId);
  const name = info ? accountLabel(info) : status.accountId;
  const online = status.health === 'online';
  const health = t(`syncStatus.health.${status.health}`);
  // "Last synced 3 min ago" stays true between pushes of the status (at most every 5 s, and
  // none while the account is offline).
  const now = readNow();
  useRerenderEvery(relativeTimeRefreshMs([status.lastSyncedAt, status.nextRetryAt], now));
  const details = [
    status.reason,
    status.nextRetryAt && status.nextRetryAt > now ? t('syncStatus.nextRetry', { relative: formatRelativeTime(status.nextRetryAt, now, locale) }) : null,
    status.lastSyncedAt ? t('syncStatus.lastSynced', { relative: formatRelativeTime(Math.min(status.lastSyncedAt, now), now, locale) }) : t('syncStatus.neverSynced'),
    status.queuedReplies > 0 ? t('syncStatus.queuedForAccount', { count: status.queuedReplies }) : null,
  ].filter((d): d is string => Boolean(d));

  return (
    <Tooltip label={details.map((d) => <div key={d}>{d}</div>)} withArrow openDelay={150} multiline maw={360} events={{ hover: true, focus: true, touch: true }}>
      <li
        data-health={status.health}
        data-account-id={status.accountId}
        className={classes.entry}
        tabIndex={0}
        aria-description={details.join('. ')}
      >
        <span className={classes.dot} style={{ background: HEALTH_COLORS[status.health] }} aria-hidden />
        {online ? (
          <Text span size="xs" c="dimmed" className={classes.entryText}>
            {info ? <AccountLabelText account={info} /> : name}
            <VisuallyHidden component="span">{t('syncStatus.onlineSuffix')}</VisuallyHidden>
          </Text>
        ) : (
          <Text span size="xs" fw={600} c={status.health === 'degraded' ? 'yellow.9' : 'red.8'} className={classes.entryText}>
            {t('syncStatus.entry', { account: name, health })}
          </Text>
        )}
      </li>
    </Tooltip>
  );
}
