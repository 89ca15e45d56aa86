// The selected queue's rows, live.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { QueueId } from '@shared/domain';
import { useChangeFeed, useDesk } from '../../app/deskContext';
import { ConversationListStore, type ListSnapshot } from './conversationListStore';

export interface ConversationList extends ListSnapshot {
  loadMore(): void;
  reload(): void;
}

export function useConversationList(queue: QueueId): ConversationList {
  const desk = useDesk();
  const feed = useChangeFeed();
  const [store] = useState(
    () => new ConversationListStore(feed, (q, limit, after) => desk.listConversations({ queue: q, limit, after }), queue),
  );
  useEffect(() => store.setQueue(queue), [store, queue]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...snapshot, loadMore: store.loadMore, reload: store.reload };
}
