// Above the inbox while an account's first sync runs: how far back it has read, how many
// messages it brought, and a button to stop it (what was read stays; new messages keep coming).
import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSyncStatus, FirstSyncStatus, SyncStatus } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';
import { useWorkspace } from '../../app/workspaceContext';
import { useAccountLabel } from '../../components/useAccountLabel';

export function FirstSyncProgress({ status }: { status: SyncStatus | undefined }) {
  const running = status?.accounts.filter((a): a is AccountSyncStatus & { firstSync: FirstSyncStatus } => a.firstSync !== null) ?? [];
  if (running.length === 0) return null;
  return (
    <Stack gap={4} px="sm" py={6} data-testid="first-sync">
      {running.map((a) => (
        <FirstSyncRow key={a.accountId} accountId={a.accountId} firstSync={a.firstSync} />
      ))}
    </Stack>
  );
}

function FirstSyncRow({ accountId, firstSync }: { accountId: string; firstSync: FirstSyncStatus }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { account } = useWorkspace();
  const accountLabel = useAccountLabel();
  const info = account(accountId);
  const name = info ? accountLabel(info) : accountId;
  const [asked, setAsked] = useState(false);
  const stopping = firstSync.cancelling || asked;
  const label = t('firstSync.label', { account: name, count: firstSync.days });
  const percent = firstSync.progress === null ? null : Math.round(firstSync.progress * 100);
  // Some platforms hand the messages over only at the end: the share read says more meanwhile.
  const share = percent === null ? t('firstSync.unknownShare') : t('firstSync.share', { percent: percent / 100 });

  const stop = async () => {
    setAsked(true);
    try {
      await desk.cancelFirstSync({ accountId });
    } catch (error) {
      setAsked(false);
      // It ended on its own meanwhile: nothing to say.
      if (!(error instanceof Error && error.name === 'Conflict')) showErrorToast(t('firstSync.stopFailed'), describeError(t, error));
    }
  };

  return (
    <Paper withBorder radius="sm" px="sm" py={6} data-account-id={accountId} data-first-sync={stopping ? 'stopping' : 'running'}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed" data-testid="first-sync-count">
            {stopping ? t('firstSync.stopping') : [share, firstSync.messages > 0 ? t('firstSync.messages', { count: firstSync.messages }) : null].filter(Boolean).join(' · ')}
          </Text>
          <Button size="compact-xs" variant="default" onClick={() => void stop()} disabled={stopping} aria-label={t('firstSync.stopLabel', { account: name })}>
            {t('firstSync.stop')}
          </Button>
        </Group>
      </Group>
      <Progress.Root mt={6} size="sm">
        {/* An unknown share is an indeterminate bar: no aria-valuenow. */}
        <Progress.Section
          value={percent ?? 100}
          striped={percent === null}
          animated={percent === null && !stopping}
          withAria={false}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={share}
        />
      </Progress.Root>
    </Paper>
  );
}
