// A queue's name, the same in the rail and the list heading.
import { useTranslation } from 'react-i18next';
import type { QueueId } from '@shared/domain';
import { useAccountLabel } from '../../components/useAccountLabel';
import { useWorkspace } from '../../app/workspaceContext';

export const queueAccountId = (id: QueueId): string | null => (id.startsWith('account:') ? id.slice('account:'.length) : null);

export function useQueueName(id: QueueId): string {
  const { t } = useTranslation();
  const { account } = useWorkspace();
  const accountLabel = useAccountLabel();
  const accountId = queueAccountId(id);
  if (accountId === null) return t(`queues.${id as 'all' | 'mine' | 'unassigned' | 'urgent' | 'listening'}`);
  const found = account(accountId);
  return found ? accountLabel(found) : accountId;
}
