// The header's "On shift now" and "Next": who works now (until when) and who starts next (from
// when), in this computer's zone; re-read on schedule changes and every minute. It opens the Schedule.
import { Button, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnShiftSummary } from '@shared/schedule';
import { readNow } from '../../components/useNow';
import { formatDayTimeIn, formatList, formatTimeIn } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { useLiveQuery } from '../../live/useLiveQuery';
import { useDesk } from '../../app/deskContext';
import { affectsSchedule } from '../../live/changeSet';
import { localDateOf } from './scheduleLayout';
import { useAgents } from './useSchedule';

const MINUTE = 60_000;

export function OnShiftNow({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const desk = useDesk();
  const agents = useAgents();
  const load = useCallback(() => desk.getOnShift({}), [desk]);
  const query = useLiveQuery<OnShiftSummary>('on-shift', load, affectsSchedule);
  const reload = query.reload;
  useEffect(() => {
    // On the next minute and every minute after: shifts start and end on whole minutes.
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      reload();
      timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
    };
    timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
    return () => clearTimeout(timer);
  }, [reload]);

  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = readNow();
  const at = (time: number) => (localDateOf(time, zone) === localDateOf(now, zone) ? formatTimeIn(time, zone, locale) : formatDayTimeIn(time, zone, locale));
  const summary = query.current ?? query.data;
  const onNow = summary ? formatList(summary.now.map((s) => t('schedule.header.until', { name: agents.nameOf(s.agentId), time: at(s.end) })), locale) : '';
  const next = summary ? formatList(summary.next.map((s) => t('schedule.header.from', { name: agents.nameOf(s.agentId), time: at(s.start) })), locale) : '';
  const nowText = summary === undefined ? '…' : onNow || t('schedule.header.nobody');
  const label = [t('schedule.header.open'), t('schedule.header.now', { who: nowText }), next ? t('schedule.header.next', { who: next }) : ''].filter(Boolean).join('. ');

  return (
    <Button variant="subtle" color="gray" size="compact-sm" onClick={onOpen} aria-label={label} title={label} data-testid="on-shift" visibleFrom="md" maw="32rem">
      <Text span size="sm" truncate="end">
        <Text span fw={600} size="sm">
          {t('schedule.header.nowShort')}
        </Text>{' '}
        <bdi>{nowText}</bdi>
        {next && (
          <>
            {' · '}
            <Text span fw={600} size="sm">
              {t('schedule.header.nextShort')}
            </Text>{' '}
            <bdi>{next}</bdi>
          </>
        )}
      </Text>
    </Button>
  );
}
