// The command palette (Ctrl/Cmd+K): canned responses to insert into the open reply, and queues
// to go to. Responses are searched in the core as the agent types (titles, tags, bodies, ranked
// by this agent's use); with no conversation open, they are not offered.
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueId, QueueSummary } from '@shared/domain';
import { requestInsert } from '../composer/composerRequests';
import { useCannedSearch } from '../composer/useCannedSearch';
import { useQueueNamer } from '../queues/useQueueName';

const MAX_RESPONSES = 8;

export interface CommandPaletteProps {
  queues: QueueSummary[] | undefined;
  /** Responses are offered only while a conversation (and so a reply box) is open. */
  conversationOpen: boolean;
  onOpenQueue(id: QueueId): void;
}

export function CommandPalette({ queues, conversationOpen, onOpenQueue }: CommandPaletteProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { results: responses } = useCannedSearch(conversationOpen ? query : null, MAX_RESPONSES);

  const queueName = useQueueNamer();
  const words = query.trim().toLocaleLowerCase();
  const shownResponses = conversationOpen ? responses : [];
  const shownQueues = (queues ?? []).map((q) => ({ id: q.id, name: queueName(q.id) })).filter((q) => !words || q.name.toLocaleLowerCase().includes(words));
  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={420}>
      <Spotlight.Search placeholder={t('palette.placeholder')} aria-label={t('palette.label')} />
      <Spotlight.ActionsList aria-label={t('palette.label')}>
        {shownResponses.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.responses')}>
            {shownResponses.map(({ response }) => (
              <Spotlight.Action
                key={response.id}
                label={response.title}
                description={`/${response.shortcut}`}
                onClick={() => {
                  spotlight.close();
                  requestInsert(response.id);
                }}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {shownQueues.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.queues')}>
            {shownQueues.map((q) => (
              <Spotlight.Action key={q.id} label={t('palette.openQueue', { queue: q.name })} onClick={() => onOpenQueue(q.id)} />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {shownResponses.length === 0 && shownQueues.length === 0 && <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
