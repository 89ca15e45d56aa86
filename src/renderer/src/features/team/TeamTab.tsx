// The Schedule's Team tab: every agent's profile (home zone, languages, skills, covered queues,
// capacity) with an edit form, one agent's time off at a time, and the shifts as .ics downloads.
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, QueueId, QueueSummary } from '@shared/domain';
import type { AgentProfile } from '@shared/schedule';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { formatList, formatNumber, languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { affectsQueues } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { downloadText } from '../library/download';
import { useQueueNamer } from '../queues/useQueueName';
import { useAgents, useSchedule } from '../schedule/useSchedule';
import { emptyProfile } from './profileForm';
import { ProfileFormModal, type ProfileTarget } from './ProfileFormModal';
import { shiftsIcsFileName } from './timeOffForm';
import { TimeOffPanel } from './TimeOffPanel';

const DAY = 86400_000;
/** Time off listed: from a month back to a year ahead. */
const PAST_DAYS = 31;
const FUTURE_DAYS = 366;

/** Queues an agent can cover: everything, an account, a language (not views like Mine or Urgent). */
const coverable = (id: QueueId) => id === 'all' || id.startsWith('account:') || id.startsWith('language:');

export function TeamTab({ self }: { self: Agent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const desk = useDesk();
  const directory = useAgents();
  const nameQueue = useQueueNamer();
  const [range] = useState(() => {
    const today = Math.floor(Date.now() / DAY) * DAY;
    return { from: today - PAST_DAYS * DAY, to: today + FUTURE_DAYS * DAY };
  });
  const schedule = useSchedule(range);
  const loadQueues = useCallback(() => desk.listQueues({}), [desk]);
  const queues = useLiveQuery<QueueSummary[]>('queues', loadQueues, affectsQueues);
  const [editing, setEditing] = useState<ProfileTarget | null>(null);
  const [timeOffOf, setTimeOffOf] = useState(self.id);
  const [exportFailure, setExportFailure] = useState<string | null>(null);
  const data = schedule.current;

  const profileOf = (agent: Agent): AgentProfile => data?.profiles.find((p) => p.agentId === agent.id) ?? emptyProfile(agent.id, agent.timeZone);
  const queueChoices = (queues.current ?? []).filter((q) => coverable(q.id)).map((q) => ({ value: q.id as string, label: nameQueue(q.id) }));

  const exportIcs = async (agent: Agent | null) => {
    setExportFailure(null);
    try {
      const { text } = await desk.exportShiftsIcs({ agentId: agent?.id ?? null });
      downloadText(shiftsIcsFileName(agent?.name ?? null), text, 'text/calendar');
    } catch (e) {
      setExportFailure(describeError(t, e));
    }
  };

  if (schedule.error && !schedule.loading) {
    return (
      <Alert color="red" role="alert" title={t('schedule.loadFailed')}>
        {describeError(t, schedule.error)}
      </Alert>
    );
  }
  if (!data) return <Loader size="sm" aria-label={t('schedule.loading')} />;
  const list = (items: string[]) => (items.length === 0 ? t('team.none') : formatList(items, locale, 'unit'));
  const selected = directory.agents.find((a) => a.id === timeOffOf) ?? self;
  const selectedZone = profileOf(selected).timeZone;

  return (
    <Stack gap="md">
      <Group>
        <Button variant="default" onClick={() => void exportIcs(self)}>
          {t('team.exportMine')}
        </Button>
        <Button variant="default" onClick={() => void exportIcs(null)}>
          {t('team.exportTeam')}
        </Button>
      </Group>
      {exportFailure && (
        <Alert color="red" role="alert" title={t('team.exportFailed')}>
          {exportFailure}
        </Alert>
      )}
      <Table striped withTableBorder aria-label={t('team.listLabel')} data-testid="team-profiles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.columns.agent')}</Table.Th>
            <Table.Th>{t('team.columns.zone')}</Table.Th>
            <Table.Th>{t('team.columns.languages')}</Table.Th>
            <Table.Th>{t('team.columns.skills')}</Table.Th>
            <Table.Th>{t('team.columns.queues')}</Table.Th>
            <Table.Th>{t('team.columns.capacity')}</Table.Th>
            <Table.Th>{t('team.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {directory.agents.map((agent) => {
            const profile = profileOf(agent);
            return (
              <Table.Tr key={agent.id} data-agent={agent.id}>
                <Table.Th scope="row">{agent.name}</Table.Th>
                <Table.Td>{profile.timeZone.replace(/_/g, ' ')}</Table.Td>
                <Table.Td>{list(profile.languages.map((l) => languageName(l, locale)))}</Table.Td>
                <Table.Td>{list(profile.skills)}</Table.Td>
                <Table.Td>{list(profile.queues.map((q) => nameQueue(q as QueueId)))}</Table.Td>
                <Table.Td>{formatNumber(profile.capacity, locale)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" aria-label={t('team.edit', { name: agent.name })} onClick={() => setEditing({ name: agent.name, profile })}>
                      {t('team.editShort')}
                    </Button>
                    <Button
                      size="xs"
                      variant={agent.id === selected.id ? 'filled' : 'subtle'}
                      aria-pressed={agent.id === selected.id}
                      aria-label={t('team.showTimeOff', { name: agent.name })}
                      onClick={() => setTimeOffOf(agent.id)}
                    >
                      {t('team.timeOffShort')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {directory.agents.length === 0 && <Text size="sm">{t('team.noAgents')}</Text>}
      <TimeOffPanel
        key={selected.id}
        agentId={selected.id}
        name={selected.name}
        zone={selectedZone}
        timeOff={data.timeOff.filter((o) => o.agentId === selected.id).sort((a, b) => a.start - b.start)}
      />
      <ProfileFormModal target={editing} queueChoices={queueChoices} onClose={() => setEditing(null)} onSave={(profile) => desk.saveAgentProfile(profile)} />
    </Stack>
  );
}
