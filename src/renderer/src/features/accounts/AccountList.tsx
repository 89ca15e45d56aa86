// Every account: platform, name, handle, role, where its credentials are kept and how it syncs,
// with Edit, Sign in again and Remove (the last two for real accounts only; demo accounts say why).
// Accounts that need a sign-in come first.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account, AccountSyncStatus, SyncStatus } from '@shared/domain';
import { useAccountLabel } from '../../components/useAccountLabel';
import { PlatformBadge } from '../../components/PlatformBadge';
import { accountAbilities, type HealthKey } from './accountForm';
import classes from './Accounts.module.css';

const HEALTH_COLORS: Record<HealthKey, string> = {
  online: 'green',
  degraded: 'yellow',
  offline: 'red',
  'needs-auth': 'grape',
  unknown: 'gray',
};

export type AccountAction = 'edit' | 'signIn' | 'remove';

const DEMO_NOTE_ID = 'accounts-demo-note';

export function AccountList({
  accounts,
  sync,
  focusAccountId,
  onAction,
}: {
  accounts: Account[];
  sync: SyncStatus | undefined;
  /** The account whose Edit button gets the focus (the one just acted on). */
  focusAccountId: string | null;
  onAction(action: AccountAction, account: Account): void;
}) {
  const { t } = useTranslation();
  const statusOf = (id: string) => sync?.accounts.find((s) => s.accountId === id);
  const needsSignIn = (a: Account) => statusOf(a.id)?.health === 'needs-auth' && accountAbilities(a).signIn;
  const ordered = [...accounts.filter(needsSignIn), ...accounts.filter((a) => !needsSignIn(a))];
  const anyDemo = accounts.some((a) => accountAbilities(a).demo);
  if (accounts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('accounts.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <ul className={classes.list} aria-label={t('accounts.listLabel')}>
        {ordered.map((account) => (
          <AccountItem
            key={account.id}
            account={account}
            status={statusOf(account.id)}
            focus={account.id === focusAccountId}
            onAction={(action) => onAction(action, account)}
          />
        ))}
      </ul>
      {anyDemo && (
        <Text id={DEMO_NOTE_ID} size="xs" c="dimmed" data-testid="demo-note">
          {t('accounts.demoNote')}
        </Text>
      )}
    </Stack>
  );
}

function AccountItem({
  account,
  status,
  focus,
  onAction,
}: {
  account: Account;
  status: AccountSyncStatus | undefined;
  focus: boolean;
  onAction(action: AccountAction): void;
}) {
  const { t } = useTranslation();
  const accountLabel = useAccountLabel();
  const label = accountLabel(account);
  const abilities = accountAbilities(account);
  const health: HealthKey = status?.health ?? 'unknown';
  const needsSignIn = health === 'needs-auth';
  const credentials =
    account.secretBackend === null
      ? t('accounts.credentials.none')
      : account.secretBackend === 'os-keychain'
        ? t('accounts.credentials.os-keychain')
        : t('accounts.credentials.other', { backend: account.secretBackend });

  return (
    <Paper component="li" withBorder p="sm" aria-label={label} data-account-id={account.id} data-health={health} data-role={account.role}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <PlatformBadge platform={account.platform} size="sm" />
            <Title order={3} size="sm" fw={600} className={classes.name}>
              <bdi>{account.name}</bdi>
            </Title>
            <Text size="sm" c="dimmed" truncate dir="auto" className="shiftdesk-user-label">
              {account.handle}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            {abilities.demo && (
              <Badge color="gray" variant="outline" size="md" aria-describedby={DEMO_NOTE_ID} data-testid="demo-badge">
                {t('accounts.demo')}
              </Badge>
            )}
            <Badge color={HEALTH_COLORS[health]} variant={needsSignIn ? 'filled' : 'light'} size="md" data-testid="account-health">
              {t(`accounts.health.${health}`)}
            </Badge>
          </Group>
        </Group>
        <dl className={classes.facts}>
          <div>
            <dt>{t('accounts.fields.platform')}</dt>
            <dd>{t(`platform.${account.platform}`)}</dd>
          </div>
          <div>
            <dt>{t('accounts.fields.role')}</dt>
            <dd>{t(`accounts.roles.${account.role}`)}</dd>
          </div>
          <div>
            <dt>{t('accounts.fields.credentials')}</dt>
            <dd>{credentials}</dd>
          </div>
        </dl>
        {status?.reason && health !== 'online' && (
          <Text size="xs" c="dimmed" className={classes.reason}>
            {status.reason}
          </Text>
        )}
        {needsSignIn && abilities.signIn && (
          <Text size="sm" c="grape.8" fw={500}>
            {t('accounts.needsSignInHint')}
          </Text>
        )}
        <Group gap="xs">
          {abilities.signIn && needsSignIn && (
            <Button size="xs" color="grape" onClick={() => onAction('signIn')} aria-label={t('accounts.signInAgainLabel', { account: label })}>
              {t('accounts.signInAgain')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => onAction('edit')}
            aria-label={t('accounts.editLabel', { account: label })}
            aria-describedby={abilities.demo ? DEMO_NOTE_ID : undefined}
            data-autofocus={focus || undefined}
          >
            {t('accounts.edit')}
          </Button>
          {abilities.signIn && !needsSignIn && (
            <Button size="xs" variant="default" onClick={() => onAction('signIn')} aria-label={t('accounts.signInAgainLabel', { account: label })}>
              {t('accounts.signInAgain')}
            </Button>
          )}
          {abilities.remove && (
            <Button size="xs" variant="subtle" color="red" onClick={() => onAction('remove')} aria-label={t('accounts.removeLabel', { account: label })}>
              {t('accounts.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
