// The business calendars: zone, weekly hours in a few words, how many holidays, which policies
// count in each, with Edit and Remove.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCalendar, SlaPolicy } from '@shared/sla';
import { useLocale } from '../../i18n/useLocale';
import { policiesUsing } from './policySummary';
import { useWeekLabels } from './useSlaLabels';
import { summariseWeek } from './weeklyHours';
import classes from './SlaSettings.module.css';

export type CalendarAction = 'edit' | 'remove';

export function CalendarList({
  calendars,
  policies,
  focus,
  onAction,
}: {
  calendars: SlaCalendar[];
  policies: SlaPolicy[];
  /** The calendar whose Edit button gets the focus (the one just acted on). */
  focus: { calendarId: string; action: CalendarAction } | null;
  onAction(action: CalendarAction, calendar: SlaCalendar): void;
}) {
  const { t } = useTranslation();
  if (calendars.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="sla-calendars-empty">
        {t('slaSettings.calendars.empty')}
      </Text>
    );
  }
  return (
    <ul className={classes.list} aria-label={t('slaSettings.calendars.listLabel')} data-testid="sla-calendars">
      {calendars.map((calendar) => (
        <CalendarItem
          key={calendar.id}
          calendar={calendar}
          usedBy={policiesUsing(policies, calendar.id)}
          focus={focus?.calendarId === calendar.id ? focus.action : null}
          onAction={(action) => onAction(action, calendar)}
        />
      ))}
    </ul>
  );
}

function CalendarItem({
  calendar: { id, name, calendar },
  usedBy,
  focus,
  onAction,
}: {
  calendar: SlaCalendar;
  usedBy: string[];
  focus: CalendarAction | null;
  onAction(action: CalendarAction): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const week = useWeekLabels();
  const edit = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) (focus === 'edit' ? edit : remove).current?.focus();
  }, [focus]);
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (
    <Paper component="li" withBorder p="sm" aria-label={name} data-calendar-id={id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={3} size="sm" fw={600} className={classes.name}>
              <bdi>{name}</bdi>
            </Title>
            {calendar.alwaysOpen && (
              <Badge size="sm" variant="light" color="teal">
                {t('slaSettings.calendars.alwaysOpen')}
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button ref={edit} size="xs" variant="default" onClick={() => onAction('edit')} aria-label={t('slaSettings.calendars.editLabel', { name })}>
              {t('slaSettings.edit')}
            </Button>
            <Button ref={remove} size="xs" variant="subtle" color="red" onClick={() => onAction('remove')} aria-label={t('slaSettings.calendars.removeLabel', { name })}>
              {t('slaSettings.remove')}
            </Button>
          </Group>
        </Group>
        <dl className={classes.facts}>
          <div>
            <dt>{t('slaSettings.calendars.zone')}</dt>
            <dd data-testid="calendar-zone">{calendar.zone}</dd>
          </div>
          {!calendar.alwaysOpen && (
            <>
              <div>
                <dt>{t('slaSettings.calendars.hours')}</dt>
                <dd data-testid="calendar-hours">{summariseWeek(calendar.weekly, week)}</dd>
              </div>
              <div>
                <dt>{t('slaSettings.calendars.holidays')}</dt>
                <dd data-testid="calendar-holidays">{t('slaSettings.calendars.holidayCount', { count: calendar.holidays.length })}</dd>
              </div>
            </>
          )}
          <div>
            <dt>{t('slaSettings.calendars.usedBy')}</dt>
            <dd data-testid="calendar-used-by">{usedBy.length === 0 ? t('slaSettings.calendars.unused') : list.format(usedBy)}</dd>
          </div>
        </dl>
      </Stack>
    </Paper>
  );
}
