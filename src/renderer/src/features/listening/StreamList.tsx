// The listening streams, per account: name, what it searches for, what its hits are, when it
// last ran and its last error, with Remove. Everything a stream holds is shown as text.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account, ListeningStream } from '@shared/domain';
import { IntentBadge } from '../../components/IntentBadge';
import { PlatformBadge } from '../../components/PlatformBadge';
import { useAccountLabel } from '../../components/useAccountLabel';
import { readNow, useRerenderEvery } from '../../components/useNow';
import { formatRelativeTime, relativeTimeRefreshMs } from '../../i18n/duration';
import { formatFullDateTime } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { streamsByAccount } from './listeningForm';
import classes from './Listening.module.css';

export function StreamList({
  streams,
  accounts,
  focusStreamId,
  onRemove,
}: {
  streams: ListeningStream[];
  accounts: Account[];
  /** The stream whose Remove button gets the focus (after coming back from its confirmation). */
  focusStreamId: string | null;
  onRemove(stream: ListeningStream): void;
}) {
  const { t } = useTranslation();
  const accountLabel = useAccountLabel();
  // "Last run 3 min ago" stays true while the dialog is open.
  const now = readNow();
  useRerenderEvery(relativeTimeRefreshMs(streams.map((s) => s.lastRunAt), now));
  if (streams.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="listening-empty">
        {t('listening.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="md" role="group" aria-label={t('listening.listLabel')} data-testid="listening-streams">
      {streamsByAccount(streams, accounts).map((group) => {
        const label = group.account ? accountLabel(group.account) : group.accountId;
        const headingId = `listening-account-${group.accountId.replace(/[^\w-]/g, '_')}`;
        return (
          <section key={group.accountId} aria-labelledby={headingId} data-account-id={group.accountId}>
            <Group gap={8} wrap="nowrap" mb={6}>
              {group.account && <PlatformBadge platform={group.account.platform} size="sm" />}
              <Title order={3} size="sm" fw={600} id={headingId} className={classes.name}>
                <bdi>{label}</bdi>
              </Title>
            </Group>
            <ul className={classes.list} aria-label={t('listening.streamsOf', { account: label })}>
              {group.streams.map((stream) => (
                <StreamItem key={stream.id} stream={stream} now={now} focus={stream.id === focusStreamId} onRemove={() => onRemove(stream)} />
              ))}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}

function StreamItem({ stream, now, focus, onRemove }: { stream: ListeningStream; now: number; focus: boolean; onRemove(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lastRun =
    stream.lastRunAt === null ? t('listening.neverRun') : formatRelativeTime(Math.min(stream.lastRunAt, now), now, locale);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={stream.name}
      data-stream-id={stream.id}
      data-intent={stream.intent}
      data-has-error={stream.lastError ? true : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Text size="sm" fw={600} className={classes.name} data-testid="stream-name">
            <bdi>{stream.name}</bdi>
          </Text>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={t('listening.removeLabel', { name: stream.name })} data-autofocus={focus || undefined}>
            {t('listening.remove')}
          </Button>
        </Group>
        <dl className={classes.facts}>
          <dt>{t('listening.fields.query')}</dt>
          <dd className={classes.query} dir="auto" data-testid="stream-query">
            {stream.query}
          </dd>
          <dt>{t('listening.fields.intent')}</dt>
          <dd>
            <IntentBadge intent={stream.intent} />
          </dd>
          <dt>{t('listening.fields.lastRun')}</dt>
          <dd title={stream.lastRunAt === null ? undefined : formatFullDateTime(stream.lastRunAt, locale)} data-testid="stream-last-run">
            {lastRun}
          </dd>
          {stream.lastError && (
            <>
              <dt>{t('listening.fields.lastError')}</dt>
              <dd className={classes.error} dir="auto" data-testid="stream-last-error">
                {stream.lastError}
              </dd>
            </>
          )}
        </dl>
      </Stack>
    </Paper>
  );
}
