// Weekly opening hours: per weekday closed, or one or more from–to intervals (24-hour time; an
// end of 00:00 is midnight at the end of the day), with Add hours, Remove and "Copy Monday to
// weekdays".
import { Button, CloseButton, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { CalendarErrors } from './calendarForm';
import { FormSection } from './FormSection';
import {
  addInterval,
  copyMondayToWeekdays,
  removeInterval,
  setDayOpen,
  updateInterval,
  weekdayName,
  WEEKDAYS,
  type IntervalProblem,
  type Weekday,
  type WeeklyValues,
} from './weeklyHours';
import classes from './SlaSettings.module.css';

export const intervalFieldId = (day: Weekday, index: number, end: 'start' | 'end' = 'start') => `sla-calendar-${day}-${index}-${end}`;
export const WEEKLY_FIELD_ID = 'sla-calendar-weekly';
/** A time input is narrow: its message may run on under the inputs beside it. */
const WIDE_ERROR = { style: { width: 'max-content', maxWidth: '24rem' } };

export function WeeklyHoursEditor({
  weekly,
  onChange,
  errors,
  neverOpenError,
}: {
  weekly: WeeklyValues;
  onChange(weekly: WeeklyValues): void;
  errors: CalendarErrors;
  neverOpenError?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problemText = (problem: IntervalProblem | undefined) => (problem === undefined ? undefined : t(`slaSettings.calendarErrors.${problem}`));

  return (
    <FormSection
      title={t('slaSettings.calendarForm.weekly')}
      hint={t('slaSettings.calendarForm.weeklyHint')}
      actions={
        <Button size="xs" variant="default" onClick={() => onChange(copyMondayToWeekdays(weekly))}>
          {t('slaSettings.calendarForm.copyMonday')}
        </Button>
      }
    >
      <div id={WEEKLY_FIELD_ID} tabIndex={-1} aria-describedby={neverOpenError ? `${WEEKLY_FIELD_ID}-error` : undefined}>
        {neverOpenError && (
          <Text id={`${WEEKLY_FIELD_ID}-error`} size="sm" c="red.8" mb={4}>
            {neverOpenError}
          </Text>
        )}
        {WEEKDAYS.map((day) => {
          const dayName = weekdayName(day, locale);
          const open = weekly[day].length > 0;
          return (
            <div key={day} className={classes.dayRow} role="group" aria-label={dayName} data-day={day}>
              <div className={classes.dayName}>{dayName}</div>
              <Switch
                className={classes.dayToggle}
                aria-label={t('slaSettings.calendarForm.openOn', { day: dayName })}
                checked={open}
                onChange={(e) => onChange(setDayOpen(weekly, day, e.currentTarget.checked))}
              />
              {open ? (
                <Stack gap={6}>
                  {weekly[day].map((interval, index) => {
                    const key = `weekly.${day}.${index}` as const;
                    const problem = errors[key];
                    const onStart = problem === 'startInvalid';
                    const n = index + 1;
                    return (
                      <Group key={index} gap={6} wrap="nowrap" align="flex-start">
                        <TextInput
                          id={intervalFieldId(day, index)}
                          type="time"
                          className={classes.timeInput}
                          aria-label={t('slaSettings.calendarForm.from', { day: dayName, n })}
                          value={interval.start}
                          onChange={(e) => onChange(updateInterval(weekly, day, index, { start: e.currentTarget.value }))}
                          error={onStart ? problemText(problem) : problem !== undefined}
                          errorProps={WIDE_ERROR}
                          required
                        />
                        <Text size="sm" c="dimmed" pt={6} aria-hidden>
                          –
                        </Text>
                        <TextInput
                          id={intervalFieldId(day, index, 'end')}
                          type="time"
                          className={classes.timeInput}
                          aria-label={t('slaSettings.calendarForm.to', { day: dayName, n })}
                          value={interval.end}
                          onChange={(e) => onChange(updateInterval(weekly, day, index, { end: e.currentTarget.value }))}
                          error={!onStart && problem !== undefined ? problemText(problem) : undefined}
                          errorProps={WIDE_ERROR}
                          required
                        />
                        <CloseButton
                          mt={4}
                          aria-label={t('slaSettings.calendarForm.removeHours', { day: dayName, from: interval.start, to: interval.end })}
                          onClick={() => onChange(removeInterval(weekly, day, index))}
                        />
                        {index === weekly[day].length - 1 && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            mt={4}
                            onClick={() => onChange(addInterval(weekly, day))}
                            aria-label={t('slaSettings.calendarForm.addHoursOn', { day: dayName })}
                          >
                            {t('slaSettings.calendarForm.addHours')}
                          </Button>
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              ) : (
                <div className={classes.closed}>{t('slaSettings.calendarForm.closedAllDay')}</div>
              )}
            </div>
          );
        })}
      </div>
    </FormSection>
  );
}
