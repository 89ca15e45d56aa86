// The Coverage tab of the Schedule dialog: the zone picker shared with the Shifts tab (its
// choices from this week's schedule), and the coverage in the zone chosen.
import { Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useNow } from '../../components/useNow';
import { localDateOf, rangeOfDays, visibleDays } from '../schedule/scheduleLayout';
import { useAgents, useSchedule } from '../schedule/useSchedule';
import { useZoneChoices, viewerZone, ZonePicker } from '../schedule/ZonePicker';
import { CoverageView } from './CoverageView';

export interface CoverageTabProps {
  zoneChoice: string;
  onZoneChoiceChange(value: string): void;
}

export function CoverageTab({ zoneChoice, onZoneChoiceChange }: CoverageTabProps) {
  const agents = useAgents();
  const now = useNow();
  const today = localDateOf(now, viewerZone());
  const range = useMemo(() => rangeOfDays(visibleDays(today, 'week'), viewerZone()), [today]);
  const query = useSchedule(range);
  const { choices, zone } = useZoneChoices(zoneChoice, agents, query.current ?? query.data);
  return (
    <Stack gap="sm">
      <ZonePicker choices={choices} value={zoneChoice} onChange={onZoneChoiceChange} nameOf={agents.nameOf} now={now} />
      <CoverageView timeZone={zone} />
    </Stack>
  );
}
