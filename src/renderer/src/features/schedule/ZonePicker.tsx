// The zone the schedule's tabs show times in, one click each (the viewer's, each agent's home
// zone, each region's): one choice shared by the Shifts and Coverage tabs.
import { Chip, Group, Text } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatZoneOffset } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import type { ScheduleView } from '@shared/schedule';
import type { AgentDirectory } from './useSchedule';
import { choiceValue, zoneChoices, type ZoneChoice } from './zoneChoices';

export const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The choices the schedule data offers (kept while it reloads) and the zone of `choice`. */
export function useZoneChoices(choice: string, agents: AgentDirectory, data: ScheduleView | undefined): { choices: ZoneChoice[]; zone: string } {
  const [lastChoices, setLastChoices] = useState<ZoneChoice[]>(() => [{ kind: 'viewer', zone: viewerZone() }]);
  const homeZones = useMemo(
    () => agents.agents.map((a) => ({ agentId: a.id, zone: data?.profiles.find((p) => p.agentId === a.id)?.timeZone ?? a.timeZone })),
    [agents.agents, data?.profiles],
  );
  const choices = useMemo(() => zoneChoices(viewerZone(), homeZones, data?.shifts ?? []), [homeZones, data?.shifts]);
  if (JSON.stringify(choices) !== JSON.stringify(lastChoices)) setLastChoices(choices);
  const zone = (lastChoices.find((c) => choiceValue(c) === choice) ?? lastChoices[0])?.zone ?? viewerZone();
  return { choices: lastChoices, zone };
}

export interface ZonePickerProps {
  choices: readonly ZoneChoice[];
  value: string;
  onChange(value: string): void;
  nameOf(agentId: string): string;
  now: number;
}

export function ZonePicker({ choices, value, onChange, nameOf, now }: ZonePickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelId = useId();
  const choiceLabel = (c: ZoneChoice) =>
    c.kind === 'viewer' ? t('schedule.zone.viewer') : c.kind === 'agent' ? nameOf(c.agentId) : t('schedule.zone.region', { region: c.region });
  return (
    <Group gap="xs" wrap="wrap" role="radiogroup" aria-labelledby={labelId}>
      <Text size="xs" c="dimmed" id={labelId}>
        {t('schedule.zone.label')}
      </Text>
      <Chip.Group value={value} onChange={onChange}>
        {choices.map((c) => (
          <Chip key={choiceValue(c)} value={choiceValue(c)} size="xs" data-testid={`zone-${choiceValue(c)}`}>
            {t('schedule.zone.choice', { name: choiceLabel(c), zone: c.zone.replace(/_/g, ' '), offset: formatZoneOffset(c.zone, now, locale) })}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
