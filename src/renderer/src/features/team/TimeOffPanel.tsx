// One agent's time off: the list (in their home zone), adding whole days with a reason, removing,
// and importing an .ics calendar of days off (how many were added, or why not).
import { ActionIcon, Alert, Button, FileButton, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeOff } from '@shared/schedule';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { formatDayHeading, formatDayTimeIn } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { toTimeOff, validateTimeOffForm, wholeDays, type TimeOffFormErrors, type TimeOffFormValues } from './timeOffForm';

interface Props {
  agentId: string;
  name: string;
  zone: string;
  /** This agent's time off in the window the tab reads, sorted by start. */
  timeOff: TimeOff[];
}

const EMPTY: TimeOffFormValues = { from: '', to: '', reason: '' };

export function TimeOffPanel({ agentId, name, zone, timeOff }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const desk = useDesk();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<TimeOffFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resetFile = useRef<() => void>(null);
  const set = (key: keyof TimeOffFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: keyof TimeOffFormErrors) => (errors[field] ? t(errors[field] as 'team.timeOff.errors.date') : undefined);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setFailure(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTimeOffForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void run(async () => {
      await desk.saveTimeOff(toTimeOff(values, agentId, zone, () => crypto.randomUUID()));
      setValues(EMPTY);
      return t('team.timeOff.added');
    });
  };
  const importFile = (file: File | null) => {
    if (!file) return;
    void run(async () => {
      try {
        const { imported } = await desk.importTimeOffIcs({ agentId, text: await file.text() });
        return t('team.timeOff.imported', { count: imported });
      } finally {
        resetFile.current?.();
      }
    });
  };
  const span = (off: TimeOff) => {
    const days = wholeDays(off, zone);
    if (!days) return t('team.timeOff.span', { start: formatDayTimeIn(off.start, zone, locale), end: formatDayTimeIn(off.end, zone, locale) });
    if (days.first === days.last) return formatDayHeading(days.first, locale, 'long');
    return t('team.timeOff.span', { start: formatDayHeading(days.first, locale, 'long'), end: formatDayHeading(days.last, locale, 'long') });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="team-time-off-title">
      <Title order={3} size="h5" id="team-time-off-title">
        {t('team.timeOff.title', { name })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('team.timeOff.intro', { zone: zone.replace(/_/g, ' ') })}
      </Text>
      {failure && (
        <Alert color="red" role="alert" title={t('team.timeOff.failed')}>
          {failure}
        </Alert>
      )}
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      {timeOff.length === 0 ? (
        <Text size="sm">{t('team.timeOff.none')}</Text>
      ) : (
        <Table striped withTableBorder aria-label={t('team.timeOff.listLabel', { name })} data-testid="time-off-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.timeOff.when')}</Table.Th>
              <Table.Th>{t('team.timeOff.reason')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('team.timeOff.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {timeOff.map((off) => (
              <Table.Tr key={off.id}>
                <Table.Td>{span(off)}</Table.Td>
                <Table.Td>{off.reason ?? ''}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    aria-label={t('team.timeOff.remove', { when: span(off) })}
                    onClick={() => void run(async () => (await desk.removeTimeOff({ id: off.id }), null))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={add} noValidate aria-label={t('team.timeOff.addLabel', { name })}>
        <Group align="flex-start" gap="sm">
          <TextInput type="date" label={t('team.timeOff.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} error={error('from')} required />
          <TextInput type="date" label={t('team.timeOff.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} error={error('to')} required />
          <TextInput label={t('team.timeOff.reason')} value={values.reason} onChange={(e) => set('reason', e.currentTarget.value)} error={error('reason')} style={{ flex: 1 }} />
          <Button type="submit" mt={25} loading={busy}>
            {t('team.timeOff.add')}
          </Button>
        </Group>
      </form>
      <Group>
        <FileButton resetRef={resetFile} onChange={importFile} accept=".ics,text/calendar" inputProps={{ 'aria-label': t('team.timeOff.importFile', { name }) }}>
          {(props) => (
            <Button variant="default" {...props} disabled={busy}>
              {t('team.timeOff.import')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
