// A queue's name, the same in the rail and the list heading.
import { useTranslation } from 'react-i18next';
import { queueLanguage, UNKNOWN_LANGUAGE, type QueueId } from '@shared/domain';
import { useAccountLabel } from '../../components/useAccountLabel';
import { useWorkspace } from '../../app/workspaceContext';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';

export const queueAccountId = (id: QueueId): string | null => (id.startsWith('account:') ? id.slice('account:'.length) : null);

export function useQueueName(id: QueueId): string {
  return useQueueNamer()(id);
}

/** Names any queue (for lists of queues, where one hook per queue will not do). */
export function useQueueNamer(): (id: QueueId) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const { account } = useWorkspace();
  const accountLabel = useAccountLabel();
  return (id) => {
    const language = queueLanguage(id);
    if (language !== null) return language === UNKNOWN_LANGUAGE ? t('queues.unknownLanguage') : languageName(language, locale);
    const accountId = queueAccountId(id);
    if (accountId === null) return t(`queues.${id as 'all' | 'mine' | 'unassigned' | 'urgent' | 'listening'}`);
    const found = account(accountId);
    return found ? accountLabel(found) : accountId;
  };
}
