// "My shifts": this agent's shifts of the next two weeks, in their home zone, and in the zone of
// this computer when that differs (an agent travelling, or a desk set to another zone).
import { Alert, Loader, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '@shared/domain';
import { describeError } from '../../app/describeError';
import { formatDayTimeIn, formatTimeIn } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { localDateOf } from './scheduleLayout';
import { useSchedule } from './useSchedule';

const DAYS_AHEAD = 14;
const HOUR = 3600_000;

export function MyShifts({ self }: { self: Agent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // From the top of the current hour, so the range (and the query) stays put while the tab is open.
  const [range] = useState(() => {
    const from = Math.floor(Date.now() / HOUR) * HOUR;
    return { from, to: from + DAYS_AHEAD * 24 * HOUR };
  });
  const query = useSchedule(range);
  const data = query.current;
  const homeZone = data?.profiles.find((p) => p.agentId === self.id)?.timeZone ?? self.timeZone;
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const mine = useMemo(() => (data?.occurrences ?? []).filter((o) => o.agentId === self.id && o.end > range.from).sort((a, b) => a.start - b.start), [data, self.id, range.from]);
  const span = (start: number, end: number, zone: string) => {
    const sameDay = localDateOf(start, zone) === localDateOf(end - 1, zone);
    return t('schedule.mine.span', { start: formatDayTimeIn(start, zone, locale), end: sameDay ? formatTimeIn(end, zone, locale) : formatDayTimeIn(end, zone, locale) });
  };

  if (query.error && !query.loading) {
    return (
      <Alert color="red" role="alert" title={t('schedule.loadFailed')}>
        {describeError(t, query.error)}
      </Alert>
    );
  }
  if (!data) return <Loader size="sm" aria-label={t('schedule.loading')} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('schedule.mine.intro', { count: DAYS_AHEAD, zone: homeZone.replace(/_/g, ' ') })}
      </Text>
      {mine.length === 0 ? (
        <Text size="sm">{t('schedule.mine.none')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="my-shifts" aria-label={t('schedule.mine.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('schedule.mine.home', { zone: homeZone.replace(/_/g, ' ') })}</Table.Th>
              {viewerZone !== homeZone && <Table.Th>{t('schedule.mine.here', { zone: viewerZone.replace(/_/g, ' ') })}</Table.Th>}
              <Table.Th>{t('schedule.mine.region')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((o) => (
              <Table.Tr key={`${o.shiftId}|${o.localDate}`}>
                <Table.Td>{span(o.start, o.end, homeZone)}</Table.Td>
                {viewerZone !== homeZone && <Table.Td>{span(o.start, o.end, viewerZone)}</Table.Td>}
                <Table.Td>{o.region ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
