// The Shifts tab: week or day, moving through dates, the zone the grid is shown in (one click:
// the viewer's, each agent's home zone, each region's), the grid, and the conflicts in words.
import { Alert, Button, Group, List, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift, ShiftOccurrence } from '@shared/schedule';
import { describeError } from '../../app/describeError';
import { showErrorToast } from '../../app/toasts';
import { useNow } from '../../components/useNow';
import { formatDayHeading, formatDayTimeIn } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { conflictedOccurrences, conflictSentence } from './conflictText';
import { addDays, layoutBlocks, localDateOf, rangeOfDays, visibleDays, type GridView } from './scheduleLayout';
import type { ScheduleView } from '@shared/schedule';
import { useDesk } from '../../app/deskContext';
import { emptyShiftForm, toFormValues } from './shiftForm';
import { ShiftFormModal, type ShiftFormTarget } from './ShiftFormModal';
import { moveShift } from './shiftMove';
import { useAgents, useSchedule } from './useSchedule';
import { WeekGrid } from './WeekGrid';
import { useZoneChoices, ZonePicker } from './ZonePicker';

export interface ShiftsPanelProps {
  selfId: string;
  /** The zone choice, shared with the other tabs. */
  zoneChoice: string;
  onZoneChoiceChange(value: string): void;
}

export function ShiftsPanel({ selfId, zoneChoice, onZoneChoiceChange }: ShiftsPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const desk = useDesk();
  const agents = useAgents();
  const now = useNow();
  const [view, setView] = useState<GridView>('week');
  // The zone comes from the last schedule loaded (its agents' and regions' zones).
  const [shown, setShown] = useState<ScheduleView | undefined>(undefined);
  const { choices, zone } = useZoneChoices(zoneChoice, agents, shown);
  const [anchor, setAnchor] = useState(() => localDateOf(Date.now(), zone));
  const days = useMemo(() => visibleDays(anchor, view), [anchor, view]);
  const range = useMemo(() => rangeOfDays(days, zone), [days, zone]);
  const query = useSchedule(range);
  const data = query.current ?? query.data;
  if (data !== shown) setShown(data);
  const [form, setForm] = useState<ShiftFormTarget | null>(null);

  const blocks = useMemo(() => layoutBlocks(data?.occurrences ?? [], days, zone), [data?.occurrences, days, zone]);
  const conflicts = useMemo(() => conflictedOccurrences(data?.conflicts ?? []), [data?.conflicts]);
  const today = localDateOf(now, zone);
  const when = (time: number) => formatDayTimeIn(time, zone, locale);

  const shiftOf = (o: ShiftOccurrence): Shift | undefined => data?.shifts.find((s) => s.id === o.shiftId);
  const save = (shift: Shift) => desk.saveShift(shift);
  const remove = (shift: Shift) => desk.removeShift({ id: shift.id });
  const openNew = (at?: { start: number; durationMinutes: number }) => {
    const start = at?.start ?? now;
    const date = localDateOf(start, zone);
    const minutes = at ? Math.round((start - rangeOfDays([date], zone).from) / 60000) : 9 * 60;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    setForm({ shift: null, values: emptyShiftForm({ agentId: selfId, timeZone: zone, startDate: date, start: `${hh}:${mm}`, durationMinutes: at?.durationMinutes }) });
  };
  const move = (o: ShiftOccurrence, newStart: number) => {
    const shift = shiftOf(o);
    if (!shift) return;
    desk.saveShift(moveShift(shift, o, newStart)).then(
      () => undefined,
      (error: unknown) => showErrorToast(t('schedule.moveFailed'), describeError(t, error)),
    );
  };

  const step = view === 'week' ? 7 : 1;
  const title = view === 'week' ? t('schedule.weekOf', { date: formatDayHeading(days[0] ?? anchor, locale, 'long') }) : formatDayHeading(anchor, locale, 'long');

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label={t('schedule.view.label')}
            value={view}
            onChange={(v) => setView(v as GridView)}
            data={[
              { value: 'week', label: t('schedule.view.week') },
              { value: 'day', label: t('schedule.view.day') },
            ]}
          />
          <Button.Group>
            <Button size="xs" variant="default" aria-label={view === 'week' ? t('schedule.previousWeek') : t('schedule.previousDay')} onClick={() => setAnchor(addDays(anchor, -step))}>
              <span aria-hidden>‹</span>
            </Button>
            <Button size="xs" variant="default" onClick={() => setAnchor(today)}>
              {t('schedule.today')}
            </Button>
            <Button size="xs" variant="default" aria-label={view === 'week' ? t('schedule.nextWeek') : t('schedule.nextDay')} onClick={() => setAnchor(addDays(anchor, step))}>
              <span aria-hidden>›</span>
            </Button>
          </Button.Group>
          <Text size="sm" fw={600} aria-live="polite">
            {title}
          </Text>
          {query.loading && <Loader size="xs" aria-label={t('schedule.loading')} />}
        </Group>
        <Button size="xs" onClick={() => openNew()} data-testid="new-shift">
          {t('schedule.newShift')}
        </Button>
      </Group>
      <ZonePicker choices={choices} value={zoneChoice} onChange={onZoneChoiceChange} nameOf={agents.nameOf} now={now} />
      {query.error !== null && query.error !== undefined && !query.loading && (
        <Alert color="red" role="alert" title={t('schedule.loadFailed')}>
          {describeError(t, query.error)}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('schedule.dragHint')}
      </Text>
      <WeekGrid
        days={days}
        zone={zone}
        today={today}
        now={now}
        blocks={blocks}
        agentIds={agents.agents.map((a) => a.id)}
        nameOf={agents.nameOf}
        conflicts={conflicts}
        onCreate={openNew}
        onMove={move}
        onOpen={(o) => {
          const shift = shiftOf(o);
          if (shift) setForm({ shift, values: toFormValues(shift) });
        }}
      />
      {data && data.conflicts.length > 0 && (
        <Alert color="red" variant="light" title={t('schedule.conflicts.title', { count: data.conflicts.length })} data-testid="schedule-conflicts">
          <List size="sm" spacing={2}>
            {data.conflicts.map((c, i) => (
              <List.Item key={`${c.kind}|${c.occurrences.map((o) => `${o.shiftId}|${o.localDate}`).join('|')}|${i}`}>{conflictSentence(t, c, agents.nameOf, when)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ShiftFormModal target={form} agents={agents} onClose={() => setForm(null)} onSave={save} onRemove={remove} />
    </Stack>
  );
}
