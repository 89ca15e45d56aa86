// The Schedule, opened from the rail's SETTINGS group and from the header: a full-window dialog
// with tabs (Shifts: the week/day grid; My shifts: this agent's coming shifts; Coverage: demand
// beside staffed hours; Team: profiles, time off and .ics export). Shifts and Coverage share the zone they show times in.
import { Modal, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspaceContext';
import { CoverageTab } from '../coverage/CoverageTab';
import { TeamTab } from '../team/TeamTab';
import { MyShifts } from './MyShifts';
import { ShiftsPanel } from './ShiftsPanel';

export type ScheduleTab = 'shifts' | 'mine' | 'coverage' | 'team';

export function ScheduleDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const [tab, setTab] = useState<ScheduleTab>('shifts');
  const [zoneChoice, setZoneChoice] = useState('viewer');
  return (
    <Modal opened={opened} onClose={onClose} title={t('schedule.title')} fullScreen closeButtonProps={{ 'aria-label': t('schedule.close') }} data-testid="schedule-dialog">
      {workspace && (
        <Tabs value={tab} onChange={(value) => setTab((value as ScheduleTab | null) ?? 'shifts')} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="shifts">{t('schedule.tabs.shifts')}</Tabs.Tab>
            <Tabs.Tab value="mine">{t('schedule.tabs.mine')}</Tabs.Tab>
            <Tabs.Tab value="coverage">{t('coverage.tab')}</Tabs.Tab>
            <Tabs.Tab value="team">{t('team.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="shifts">
            <ShiftsPanel selfId={workspace.self.id} zoneChoice={zoneChoice} onZoneChoiceChange={setZoneChoice} />
          </Tabs.Panel>
          <Tabs.Panel value="mine">
            <MyShifts self={workspace.self} />
          </Tabs.Panel>
          <Tabs.Panel value="coverage">
            <CoverageTab zoneChoice={zoneChoice} onZoneChoiceChange={setZoneChoice} />
          </Tabs.Panel>
          <Tabs.Panel value="team">
            <TeamTab self={workspace.self} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Modal>
  );
}
