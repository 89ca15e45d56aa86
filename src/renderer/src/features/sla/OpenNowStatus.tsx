// Whether the calendar being edited is open right now and when that changes, on the calendar's
// clock and on the viewer's: "Open now · closes 17:00 (Europe/Riga) · 16:00 your time".
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar } from '@shared/businessHours';
import { readNow, useRerenderEvery } from '../../components/useNow';
import { useLocale } from '../../i18n/useLocale';
import { formatMoment, openState } from './openState';

export function OpenNowStatus({ calendar, viewerZone }: { calendar: BusinessCalendar | null; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  useRerenderEvery(30_000);
  const now = readNow();

  let badge: { color: string; label: string } | null = null;
  let detail = t('slaSettings.openNow.incomplete');
  if (calendar) {
    const state = openState(calendar, now);
    const moment = (at: number) => {
      const there = formatMoment(at, calendar.zone, locale, now);
      if (calendar.zone === viewerZone) return t('slaSettings.openNow.at', { time: there, zone: calendar.zone });
      return t('slaSettings.openNow.atBoth', { time: there, zone: calendar.zone, local: formatMoment(at, viewerZone, locale, now) });
    };
    if (state.kind === 'always') {
      badge = { color: 'teal', label: t('slaSettings.openNow.open') };
      detail = t('slaSettings.openNow.always');
    } else if (state.kind === 'open') {
      badge = { color: 'teal', label: t('slaSettings.openNow.open') };
      detail = state.closesAt === null ? t('slaSettings.openNow.staysOpen') : t('slaSettings.openNow.closes', { when: moment(state.closesAt) });
    } else {
      badge = { color: 'gray', label: t('slaSettings.openNow.closed') };
      detail = state.opensAt === null ? t('slaSettings.openNow.neverOpens') : t('slaSettings.openNow.opens', { when: moment(state.opensAt) });
    }
  }

  return (
    <Paper withBorder radius="sm" px="sm" py={8} bg="var(--mantine-color-gray-light)" data-testid="calendar-open-now">
      <Group gap="sm" wrap="nowrap">
        {badge && (
          <Badge color={badge.color} variant="filled" size="md" style={{ flexShrink: 0 }} data-open={badge.color === 'teal'}>
            {badge.label}
          </Badge>
        )}
        <Text size="sm">{detail}</Text>
      </Group>
    </Paper>
  );
}
