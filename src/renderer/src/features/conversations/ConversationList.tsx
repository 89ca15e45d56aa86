// The selected queue's conversations, soonest deadline first: a virtualized listbox. Arrow
// keys, Home/End (and j/k anywhere) move the selection, which opens the conversation; Enter
// moves to the thread.
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueId } from '@shared/domain';
import { useQueueName } from '../queues/useQueueName';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import { shouldLoadMore } from './listPaging';
import type { ConversationList as ListData } from './useConversationList';
import { FOCUS_TARGETS } from '../../app/focus';
import classes from './ConversationList.module.css';

export const optionId = (conversationId: number) => `conversation-option-${conversationId}`;

export function ConversationList({
  queue,
  list,
  selectedId,
  onSelect,
  onMove,
  onOpenThread,
}: {
  queue: QueueId;
  list: ListData;
  selectedId: number | null;
  onSelect(id: number): void;
  /** One row down (1) or up (-1) from the selection. */
  onMove(delta: 1 | -1): void;
  onOpenThread(): void;
}) {
  const { t } = useTranslation();
  const queueName = useQueueName(queue);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, hasMore, loadMore, loading, loadingMore, error } = list;
  const current = list.queue === queue;

  // TanStack Virtual is a stateful library hook: the React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => rows[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (shouldLoadMore(lastVisible, rows.length, hasMore)) loadMore();
  }, [lastVisible, rows.length, hasMore, loadMore]);

  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
  // Bring a newly selected row into view; a row that moves because its data changed is left
  // where it went, so the list does not jump under the agent's eyes.
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || revealed.current === selectedId) return;
    revealed.current = selectedId;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedId, selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || rows.length === 0) return;
    const jump = (index: number) => {
      event.preventDefault();
      onSelect(rows[Math.max(0, Math.min(rows.length - 1, index))]!.id);
    };
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === 'Home') jump(0);
    else if (event.key === 'End') jump(rows.length - 1);
    else if (event.key === 'PageDown') jump(Math.max(selectedIndex, 0) + 8);
    else if (event.key === 'PageUp') jump(Math.max(selectedIndex, 0) - 8);
    else if (event.key === 'Enter' && selectedId !== null) {
      event.preventDefault();
      event.stopPropagation();
      onOpenThread();
    }
  };

  const countText = hasMore ? t('list.countMore', { count: rows.length }) : t('list.count', { count: rows.length });

  return (
    <Stack gap={0} h="100%" className={classes.pane}>
      <Group justify="space-between" px="md" py={10} className={classes.header} wrap="nowrap">
        <Title order={2} size="h5" lineClamp={1}>
          {queueName}
        </Title>
        <Group gap={6} wrap="nowrap">
          {(loading || loadingMore) && current && rows.length > 0 && <Loader size={12} aria-hidden />}
          {current && !loading && (
            <Text size="xs" c="dimmed" aria-live="polite">
              {countText}
            </Text>
          )}
        </Group>
      </Group>
      {error !== null && current ? (
        <Stack p="md" gap="xs" role="alert">
          <Text size="sm">{t('list.loadFailed')}</Text>
          <Button size="xs" variant="light" onClick={list.reload} w="fit-content">
            {t('list.retry')}
          </Button>
        </Stack>
      ) : null}
      <div className={classes.body}>
        <div
          ref={scrollRef}
          id={FOCUS_TARGETS.list}
          role="listbox"
          aria-label={t('list.label')}
          aria-activedescendant={selectedIndex >= 0 ? optionId(selectedId!) : undefined}
          aria-busy={loading || undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          className={classes.scroller}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <ConversationRow
                  key={row.id}
                  id={optionId(row.id)}
                  row={row}
                  selected={row.id === selectedId}
                  index={item.index}
                  setSize={hasMore ? -1 : rows.length}
                  top={item.start}
                  onSelect={onSelect}
                />
              );
            })}
          </div>
        </div>
        {current && !loading && rows.length === 0 && error === null && (
          <Text size="sm" c="dimmed" p="md" ta="center" className={classes.overlay}>
            {queue === 'listening' ? t('list.emptyListening') : t('list.empty')}
          </Text>
        )}
        {(!current || (loading && rows.length === 0)) && (
          <Text size="sm" c="dimmed" p="md" ta="center" className={`${classes.overlay} ${classes.delayed}`}>
            {t('list.loading')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
