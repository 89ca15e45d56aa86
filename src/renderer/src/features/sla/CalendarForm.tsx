// Adding or editing a business calendar: name, IANA zone, open around the clock or weekly hours,
// holidays (typed, or imported from an .ics file), and whether it is open right now. Checked here
// with a message per field; a refusal by the core is shown in its own words.
import { Button, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCalendar } from '@shared/sla';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useLocale } from '../../i18n/useLocale';
import {
  calendarToValues,
  emptyCalendarValues,
  firstCalendarError,
  MAX_CALENDAR_NAME,
  previewCalendar,
  validateCalendar,
  valuesToCalendar,
  viewerTimeZone,
  type CalendarErrors,
  type CalendarField,
  type CalendarValues,
} from './calendarForm';
import { HolidaysEditor, holidayFieldId } from './HolidaysEditor';
import { OpenNowStatus } from './OpenNowStatus';
import { SlaFeedback, type SlaError } from './SlaFeedback';
import { TimeZoneSelect } from './TimeZoneSelect';
import { intervalFieldId, WEEKLY_FIELD_ID, WeeklyHoursEditor } from './WeeklyHoursEditor';
import type { Weekday } from './weeklyHours';

const fieldId = (field: CalendarField): string => {
  if (field === 'weekly') return WEEKLY_FIELD_ID;
  const [kind, a, b] = field.split('.');
  if (kind === 'weekly') return intervalFieldId(a as Weekday, Number(b));
  if (kind === 'holidays') return holidayFieldId(Number(a));
  return `sla-calendar-${field}`;
};

export function CalendarForm({
  calendar,
  usedBy,
  onSaved,
  onCancel,
}: {
  /** The calendar to edit; null adds one. */
  calendar: SlaCalendar | null;
  /** Names of the policies that count in it: saving re-times their conversations. */
  usedBy: string[];
  onSaved(calendar: SlaCalendar): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const [viewerZone] = useState(viewerTimeZone);
  const [values, setValues] = useState<CalendarValues>(() => (calendar ? calendarToValues(calendar) : emptyCalendarValues(viewerZone)));
  const [id] = useState(() => calendar?.id ?? `calendar-${crypto.randomUUID()}`);
  const [errors, setErrors] = useState<CalendarErrors>({});
  const [failure, setFailure] = useState<SlaError>(null);
  const [busy, setBusy] = useState(false);
  const preview = useMemo(() => previewCalendar(values), [values]);

  const change = <K extends keyof CalendarValues>(key: K, value: CalendarValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // Errors of the part that changed are checked again on the next save.
    const prefix = key === 'alwaysOpen' ? '' : key;
    if (Object.keys(errors).some((f) => f.startsWith(prefix))) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith(prefix))) as CalendarErrors);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateCalendar(values);
    setErrors(found);
    const first = firstCalendarError(values, found);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await desk.saveBusinessCalendar(valuesToCalendar(values, id)));
    } catch (e) {
      setFailure({ title: t('slaSettings.calendarForm.saveFailed'), message: describeError(t, e) });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="sla-calendar-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id={fieldId('name')}
            label={t('slaSettings.calendarForm.name')}
            description={t('slaSettings.calendarForm.nameHint')}
            value={values.name}
            onChange={(e) => change('name', e.currentTarget.value)}
            error={errors.name && t('slaSettings.calendarErrors.nameRequired')}
            maxLength={MAX_CALENDAR_NAME}
            autoComplete="off"
            required
            data-autofocus
          />
          <TimeZoneSelect id={fieldId('zone')} value={values.zone} onChange={(zone) => change('zone', zone)} error={errors.zone && t('slaSettings.calendarErrors.zoneInvalid')} />
        </SimpleGrid>
        <OpenNowStatus calendar={preview} viewerZone={viewerZone} />
        <Switch
          label={t('slaSettings.calendarForm.alwaysOpen')}
          description={t('slaSettings.calendarForm.alwaysOpenHint')}
          checked={values.alwaysOpen}
          onChange={(e) => change('alwaysOpen', e.currentTarget.checked)}
        />
        {!values.alwaysOpen && (
          <>
            <WeeklyHoursEditor
              weekly={values.weekly}
              onChange={(weekly) => change('weekly', weekly)}
              errors={errors}
              neverOpenError={errors.weekly && t('slaSettings.calendarErrors.neverOpen')}
            />
            <HolidaysEditor holidays={values.holidays} zone={values.zone} onChange={(holidays) => change('holidays', holidays)} errors={errors} />
          </>
        )}
        {usedBy.length > 0 && (
          <Text size="xs" c="dimmed" role="note">
            {t('slaSettings.calendarForm.retimes', { policies: new Intl.ListFormat(locale, { type: 'conjunction' }).format(usedBy) })}
          </Text>
        )}
        <SlaFeedback error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            {t('slaSettings.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {calendar ? t('slaSettings.calendarForm.save') : t('slaSettings.calendarForm.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
