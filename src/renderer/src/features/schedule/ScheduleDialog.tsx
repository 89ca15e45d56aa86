// The Schedule, opened from the rail's SETTINGS group and from the header: a full-window dialog
// with tabs (Shifts: the week/day grid; My shifts: this agent's coming shifts). Further tabs
// (coverage) sit beside them.
import { Modal, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspaceContext';
import { MyShifts } from './MyShifts';
import { ShiftsPanel } from './ShiftsPanel';

export type ScheduleTab = 'shifts' | 'mine';

export function ScheduleDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const [tab, setTab] = useState<ScheduleTab>('shifts');
  return (
    <Modal opened={opened} onClose={onClose} title={t('schedule.title')} fullScreen closeButtonProps={{ 'aria-label': t('schedule.close') }} data-testid="schedule-dialog">
      {workspace && (
        <Tabs value={tab} onChange={(value) => setTab((value as ScheduleTab | null) ?? 'shifts')} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="shifts">{t('schedule.tabs.shifts')}</Tabs.Tab>
            <Tabs.Tab value="mine">{t('schedule.tabs.mine')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="shifts">
            <ShiftsPanel selfId={workspace.self.id} />
          </Tabs.Panel>
          <Tabs.Panel value="mine">
            <MyShifts self={workspace.self} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Modal>
  );
}
