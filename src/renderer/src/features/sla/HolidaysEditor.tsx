// A calendar's holidays (closed all day): date + name rows, Add holiday, and "Import holidays
// from an .ics file", read here and merged by date; a bad file is reported with its line.
import { Alert, Button, CloseButton, FileButton, ScrollArea, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarErrors } from './calendarForm';
import { FormSection } from './FormSection';
import { MAX_HOLIDAY_NAME, MAX_HOLIDAYS, mergeHolidays, readIcsHolidays, type HolidayValue } from './holidays';
import classes from './SlaSettings.module.css';

export const holidayFieldId = (index: number) => `sla-calendar-holiday-${index}`;

/** Larger files are not calendars of holidays. */
const MAX_ICS_BYTES = 2_000_000;

type ImportOutcome = { kind: 'done'; file: string; found: number; added: number; named: number } | { kind: 'failed'; file: string; message: string } | null;

export function HolidaysEditor({
  holidays,
  zone,
  onChange,
  errors,
}: {
  holidays: HolidayValue[];
  /** The calendar's zone: UTC times in the file are dated in it. */
  zone: string;
  onChange(holidays: HolidayValue[]): void;
  errors: CalendarErrors;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ImportOutcome>(null);
  /** Clears the file input after each import, so picking the same file again imports it again. */
  const resetFile = useRef<() => void>(null);

  const importFile = async (file: File | null) => {
    if (!file) return;
    resetFile.current?.();
    if (file.size > MAX_ICS_BYTES) {
      setOutcome({ kind: 'failed', file: file.name, message: t('slaSettings.calendarForm.importTooLarge') });
      return;
    }
    const read = readIcsHolidays(await file.text(), zone);
    if (!read.ok) {
      setOutcome({ kind: 'failed', file: file.name, message: read.message });
      return;
    }
    const merged = mergeHolidays(holidays, read.holidays);
    if (merged.holidays.length > MAX_HOLIDAYS) {
      setOutcome({ kind: 'failed', file: file.name, message: t('slaSettings.calendarForm.importTooMany', { max: MAX_HOLIDAYS }) });
      return;
    }
    onChange(merged.holidays);
    setOutcome({ kind: 'done', file: file.name, found: read.holidays.length, added: merged.added, named: merged.named });
  };

  const problemText = (index: number) => {
    const problem = errors[`holidays.${index}`];
    if (problem === undefined) return undefined;
    return problem === 'nameTooLong' ? t('slaSettings.calendarErrors.nameTooLong', { max: MAX_HOLIDAY_NAME }) : t(`slaSettings.calendarErrors.${problem}`);
  };

  return (
    <FormSection
      title={t('slaSettings.calendarForm.holidays')}
      hint={t('slaSettings.calendarForm.holidaysHint')}
      actions={
        <>
          <FileButton resetRef={resetFile} onChange={(file) => void importFile(file)} accept=".ics,text/calendar" inputProps={{ 'aria-label': t('slaSettings.calendarForm.import') }}>
            {(props) => (
              <Button size="xs" variant="default" {...props}>
                {t('slaSettings.calendarForm.import')}
              </Button>
            )}
          </FileButton>
          <Button size="xs" variant="light" onClick={() => onChange([...holidays, { date: '', name: '' }])} disabled={holidays.length >= MAX_HOLIDAYS}>
            {t('slaSettings.calendarForm.addHoliday')}
          </Button>
        </>
      }
    >
      <div role="status" aria-atomic="true" data-testid="ics-import-status">
        {outcome?.kind === 'done' && (
          <Text size="sm" c="teal.8" fw={500}>
            {t('slaSettings.calendarForm.imported', { count: outcome.found, file: outcome.file })} {t('slaSettings.calendarForm.importedNew', { count: outcome.added })}
            {outcome.named > 0 && ` ${t('slaSettings.calendarForm.importedNamed', { count: outcome.named })}`}
          </Text>
        )}
      </div>
      <div role="alert" aria-atomic="true" data-testid="ics-import-error">
        {outcome?.kind === 'failed' && (
          <Alert role="none" color="red" variant="light" py={8} title={t('slaSettings.calendarForm.importFailed', { file: outcome.file })}>
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{outcome.message}</span>
          </Alert>
        )}
      </div>
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('slaSettings.calendarForm.noHolidays')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
          <ul className={classes.holidays} aria-label={t('slaSettings.calendarForm.holidays')}>
            {holidays.map((holiday, index) => {
              const n = index + 1;
              const label = [holiday.date, holiday.name.trim()].filter(Boolean).join(' ') || t('slaSettings.calendarForm.holidayN', { n });
              return (
                <li key={index} className={classes.holiday} aria-label={label}>
                  <TextInput
                    id={holidayFieldId(index)}
                    type="date"
                    aria-label={t('slaSettings.calendarForm.holidayDate', { n })}
                    value={holiday.date}
                    onChange={(e) => onChange(holidays.map((h, i) => (i === index ? { ...h, date: e.currentTarget.value } : h)))}
                    error={problemText(index)}
                    required
                  />
                  <TextInput
                    aria-label={t('slaSettings.calendarForm.holidayName', { n })}
                    placeholder={t('slaSettings.calendarForm.holidayNamePlaceholder')}
                    value={holiday.name}
                    onChange={(e) => onChange(holidays.map((h, i) => (i === index ? { ...h, name: e.currentTarget.value } : h)))}
                    maxLength={MAX_HOLIDAY_NAME}
                    dir="auto"
                  />
                  <CloseButton mt={4} aria-label={t('slaSettings.calendarForm.removeHoliday', { holiday: label })} onClick={() => onChange(holidays.filter((_, i) => i !== index))} />
                </li>
              );
            })}
          </ul>
        </ScrollArea.Autosize>
      )}
    </FormSection>
  );
}
