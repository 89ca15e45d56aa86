// An IANA time zone, searched by name (e.g. "riga"), each shown with its current UTC offset.
import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readNow } from '../../components/useNow';
import { useLocale } from '../../i18n/useLocale';
import { timeZoneChoices } from './calendarForm';

function offsetOf(zone: string, locale: string, now: number): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

export function TimeZoneSelect({ id, value, onChange, error, label, description }: { id: string; value: string; onChange(zone: string): void; error?: string; label?: string; description?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = useMemo(() => {
    const now = readNow();
    return timeZoneChoices(value).map((zone) => {
      const offset = offsetOf(zone, locale, now);
      return { value: zone, label: offset ? `${zone.replace(/_/g, ' ')} (${offset})` : zone };
    });
  }, [value, locale]);
  const labelOf = (zone: string | null) => data.find((d) => d.value === zone)?.label ?? zone ?? '';
  // The search text is ours: picking the zone already chosen, or leaving without picking, shows
  // the chosen zone again rather than what was typed.
  const [search, setSearch] = useState(() => labelOf(value));
  return (
    <Select
      id={id}
      label={label ?? t('slaSettings.calendarForm.zone')}
      description={description ?? t('slaSettings.calendarForm.zoneHint')}
      data={data}
      value={value || null}
      onChange={(zone) => zone && onChange(zone)}
      searchValue={search}
      onSearchChange={setSearch}
      onOptionSubmit={(zone) => setSearch(labelOf(zone))}
      onDropdownClose={() => setSearch(labelOf(value))}
      error={error}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('slaSettings.calendarForm.zoneNotFound')}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      required
    />
  );
}
