// Create or edit a shift: agent, zone, first date, start, end or duration, repeat (none, weekly
// on chosen days, every N days, a custom RRULE), exceptions, region and note. Each field says what
// is wrong with it; the core's refusal is shown in its own words and the form keeps what was typed.
import { Alert, Button, Chip, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '@shared/schedule';
import { describeError } from '../../app/describeError';
import { TimeZoneSelect } from '../sla/TimeZoneSelect';
import { useLocale } from '../../i18n/useLocale';
import { hasErrors, toShift, validateShiftForm, WEEKDAYS, withStartDate, type RepeatKind, type ShiftFormErrors, type ShiftFormValues } from './shiftForm';
import type { AgentDirectory } from './useSchedule';

export interface ShiftFormTarget {
  shift: Shift | null;
  values: ShiftFormValues;
}

export interface ShiftFormModalProps {
  target: ShiftFormTarget | null;
  agents: AgentDirectory;
  onClose(): void;
  onSave(shift: Shift): Promise<unknown>;
  onRemove(shift: Shift): Promise<unknown>;
}

/** Weekday names in the UI language, Monday first (2024-01-01 was a Monday). */
function weekdayName(index: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));
}

export function ShiftFormModal({ target, agents, onClose, onSave, onRemove }: ShiftFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.shift ? t('schedule.form.editTitle') : t('schedule.form.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('schedule.form.close') }}
      data-testid="shift-form"
    >
      {target && <ShiftForm key={target.shift?.id ?? 'new'} target={target} agents={agents} onClose={onClose} onSave={onSave} onRemove={onRemove} />}
    </Modal>
  );
}

function ShiftForm({ target, agents, onClose, onSave, onRemove }: { target: ShiftFormTarget } & Omit<ShiftFormModalProps, 'target'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [values, setValues] = useState(target.values);
  const [errors, setErrors] = useState<ShiftFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const set = <K extends keyof ShiftFormValues>(key: K, value: ShiftFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: keyof ShiftFormErrors) => (errors[field] ? t(errors[field] as 'schedule.form.errors.time') : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateShiftForm(values);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSave(toShift(values, target.shift, () => crypto.randomUUID()));
      onClose();
    } catch (e) {
      setFailure(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!target.shift) return;
    setBusy(true);
    try {
      await onRemove(target.shift);
      onClose();
    } catch (e) {
      setFailure(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {failure && (
          <Alert color="red" role="alert" title={t('schedule.form.saveFailed')}>
            {failure}
          </Alert>
        )}
        <Select
          label={t('schedule.form.agent')}
          data={agents.agents.map((a) => ({ value: a.id, label: a.name }))}
          value={values.agentId || null}
          onChange={(id) => set('agentId', id ?? '')}
          error={error('agentId')}
          allowDeselect={false}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
          data-testid="shift-agent"
        />
        <TimeZoneSelect
          id="shift-zone"
          value={values.timeZone}
          onChange={(zone) => set('timeZone', zone)}
          error={error('timeZone')}
          label={t('schedule.form.zone')}
          description={t('schedule.form.zoneHint')}
        />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('schedule.form.startDate')} value={values.startDate} onChange={(e) => {
            const date = e.currentTarget.value;
            setValues((v) => withStartDate(v, date));
          }} error={error('startDate')} required />
          <TextInput type="time" label={t('schedule.form.start')} value={values.start} onChange={(e) => set('start', e.currentTarget.value)} error={error('start')} required />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="shift-length-label">
            {t('schedule.form.length')}
          </Text>
          <SegmentedControl
            aria-labelledby="shift-length-label"
            value={values.lengthMode}
            onChange={(mode) => set('lengthMode', mode as ShiftFormValues['lengthMode'])}
            data={[
              { value: 'end', label: t('schedule.form.byEnd') },
              { value: 'duration', label: t('schedule.form.byDuration') },
            ]}
          />
          {values.lengthMode === 'end' ? (
            <TextInput type="time" label={t('schedule.form.end')} description={t('schedule.form.endHint')} value={values.end} onChange={(e) => set('end', e.currentTarget.value)} error={error('end')} required />
          ) : (
            <TextInput label={t('schedule.form.duration')} inputMode="decimal" value={values.durationHours} onChange={(e) => set('durationHours', e.currentTarget.value)} error={error('durationHours')} required />
          )}
        </Stack>
        <Select
          label={t('schedule.form.repeat')}
          value={values.repeat}
          onChange={(kind) => kind && set('repeat', kind as RepeatKind)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data={(['none', 'weekly', 'rotation', 'custom'] as const).map((kind) => ({ value: kind, label: t(`schedule.form.repeatKind.${kind}`) }))}
          data-testid="shift-repeat"
        />
        {values.repeat === 'weekly' && (
          <Stack gap={4} role="group" aria-labelledby="shift-days-label">
            <Text size="sm" fw={500} id="shift-days-label">
              {t('schedule.form.weekdays')}
            </Text>
            <Chip.Group multiple value={values.weekdays} onChange={(days) => set('weekdays', WEEKDAYS.filter((d) => days.includes(d)))}>
              <Group gap={6}>
                {WEEKDAYS.map((day, i) => (
                  <Chip key={day} value={day} size="xs">
                    {weekdayName(i, locale)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors.weekdays && (
              <Text size="xs" c="red" role="alert">
                {error('weekdays')}
              </Text>
            )}
          </Stack>
        )}
        {values.repeat === 'rotation' && (
          <TextInput label={t('schedule.form.everyDays')} description={t('schedule.form.everyDaysHint')} inputMode="numeric" value={values.everyDays} onChange={(e) => set('everyDays', e.currentTarget.value)} error={error('everyDays')} required />
        )}
        {values.repeat === 'custom' && (
          <TextInput label={t('schedule.form.customRule')} description={t('schedule.form.customRuleHint')} value={values.customRule} onChange={(e) => set('customRule', e.currentTarget.value)} error={error('customRule')} spellCheck={false} required />
        )}
        {values.repeat !== 'none' && (
          <Textarea label={t('schedule.form.exceptions')} description={t('schedule.form.exceptionsHint')} autosize minRows={1} maxRows={4} value={values.exceptions} onChange={(e) => set('exceptions', e.currentTarget.value)} error={error('exceptions')} />
        )}
        <TextInput label={t('schedule.form.region')} description={t('schedule.form.regionHint')} value={values.region} onChange={(e) => set('region', e.currentTarget.value)} error={error('region')} maxLength={60} />
        <Textarea label={t('schedule.form.note')} autosize minRows={1} maxRows={4} value={values.note} onChange={(e) => set('note', e.currentTarget.value)} error={error('note')} maxLength={500} />
        <Group justify="space-between" mt="xs">
          <Group gap="xs">
            {target.shift && !confirmRemove && (
              <Button variant="subtle" color="red" onClick={() => setConfirmRemove(true)} disabled={busy}>
                {t('schedule.form.remove')}
              </Button>
            )}
            {target.shift && confirmRemove && (
              <>
                <Text size="sm">{t('schedule.form.removeConfirm')}</Text>
                <Button color="red" size="xs" onClick={() => void remove()} loading={busy}>
                  {t('schedule.form.removeYes')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirmRemove(false)}>
                  {t('schedule.form.removeNo')}
                </Button>
              </>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('schedule.form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('schedule.form.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
