// "Handover" in the header: how many handed-over conversations wait for this agent, and the
// panel that lists them. The list stays live (re-queried when handovers or conversations change).
import { Button, Indicator } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverItem } from '@shared/handover';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useWorkspace } from '../../app/workspaceContext';
import { affectsHandovers } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { HandoverPanel } from './HandoverPanel';
import { pendingForMe } from './handoverView';

export function HandoverButton({ onOpenConversation }: { onOpenConversation(id: number): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { workspace } = useWorkspace();
  const [opened, setOpened] = useState(false);
  const load = useCallback(() => desk.listHandovers({}), [desk]);
  const query = useLiveQuery<HandoverItem[]>('handovers', load, affectsHandovers);
  const items = query.current;
  const mine = items && workspace ? pendingForMe(items, workspace.self.id).length : 0;
  const label = mine > 0 ? t('handover.openWithCount', { count: mine }) : t('handover.open');
  return (
    <>
      <Indicator label={mine} size={16} disabled={mine === 0} color="cyan" aria-hidden={false}>
        <Button variant="default" size="compact-sm" aria-label={label} onClick={() => setOpened(true)} data-testid="handover-button">
          {t('handover.button')}
        </Button>
      </Indicator>
      <HandoverPanel
        opened={opened}
        onClose={() => setOpened(false)}
        items={items}
        error={query.error === undefined || query.error === null ? null : describeError(t, query.error)}
        onOpenConversation={(id) => {
          setOpened(false);
          onOpenConversation(id);
        }}
      />
    </>
  );
}
