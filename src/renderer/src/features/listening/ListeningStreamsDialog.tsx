// The listening streams, as one dialog with views: the list (per account), Add stream and the
// confirmation of Remove. Opened from the gear next to SOCIAL LISTENING in the queue rail. The
// streams are loaded when it opens, after each change made here, and again whenever the core
// pushes a sync status (streams run with their account's sync: "last run" and errors move).
import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListeningStream, SyncStatus } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { useWorkspace } from '../../app/workspaceContext';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { useAccountLabel } from '../../components/useAccountLabel';
import { affectsWorkspace } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { AddStreamForm } from './AddStreamForm';
import { RemoveStreamConfirm } from './RemoveStreamConfirm';
import { StreamList } from './StreamList';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'remove'; streamId: string };
type Notice = { key: 'added' | 'removed'; name: string } | null;

const STREAMS_KEY = 'listening-streams';

/** The core's order: by account, then by name. */
const sortStreams = (streams: ListeningStream[]) =>
  [...streams].sort((a, b) => (a.accountId === b.accountId ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.accountId < b.accountId ? -1 : 1));

export interface ListeningStreamsDialogProps {
  opened: boolean;
  onClose(): void;
  sync: SyncStatus | undefined;
}

export function ListeningStreamsDialog({ opened, onClose, sync }: ListeningStreamsDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { workspace, account } = useWorkspace();
  const accountLabel = useAccountLabel();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const load = useCallback(() => desk.listListeningStreams({}), [desk]);
  // Removing an account removes its streams.
  const query = useLiveQuery<ListeningStream[]>(opened ? STREAMS_KEY : null, load, affectsWorkspace);
  const { reload, push } = query;
  useEffect(() => reload(), [sync, reload]);

  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<Notice>(null);
  const [focusStreamId, setFocusStreamId] = useState<string | null>(null);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      // Opened again: nothing left over from last time.
      setView({ kind: 'list' });
      setNotice(null);
      setFocusStreamId(null);
    }
  }

  const streams = query.current;
  const accounts = workspace?.accounts ?? [];
  const target = view.kind === 'remove' ? streams?.find((s) => s.id === view.streamId) : undefined;
  // A stream gone meanwhile: back to the list.
  const effective: View = view.kind === 'remove' && streams && !target ? { kind: 'list' } : view;

  const toList = (next: Notice = null, streamId: string | null = null) => {
    setNotice(next);
    setFocusStreamId(streamId);
    setView({ kind: 'list' });
  };

  const title = { list: t('listening.manage'), add: t('listening.addTitle'), remove: t('listening.removeTitle') }[effective.kind];

  let body: ReactNode;
  switch (effective.kind) {
    case 'list':
      body = (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('listening.intro')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button
              size="xs"
              onClick={() => {
                setNotice(null);
                setView({ kind: 'add' });
              }}
              data-autofocus={focusStreamId === null || undefined}
            >
              {t('listening.add')}
            </Button>
          </Group>
          {streams ? (
            <StreamList
              streams={streams}
              accounts={accounts}
              focusStreamId={focusStreamId}
              onRemove={(stream) => {
                setNotice(null);
                setView({ kind: 'remove', streamId: stream.id });
              }}
            />
          ) : query.error && !query.loading ? (
            <Stack gap="xs" role="alert">
              <Text size="sm">{t('listening.loadFailed')}</Text>
              <Button size="xs" variant="light" onClick={reload} w="fit-content">
                {t('listening.retry')}
              </Button>
            </Stack>
          ) : (
            <Group justify="center" p="md">
              <Loader size="sm" aria-label={t('listening.loading')} />
            </Group>
          )}
        </Stack>
      );
      break;
    case 'add':
      body = (
        <AddStreamForm
          accounts={accounts}
          onAdded={(stream) => {
            push(sortStreams([...(streams ?? []), stream]));
            reload();
            toList({ key: 'added', name: stream.name }, stream.id);
          }}
          onCancel={() => toList()}
        />
      );
      break;
    case 'remove': {
      const owner = target && account(target.accountId);
      body = target && (
        <RemoveStreamConfirm
          stream={target}
          accountLabel={owner ? accountLabel(owner) : target.accountId}
          onRemoved={() => {
            push((streams ?? []).filter((s) => s.id !== target.id));
            reload();
            toList({ key: 'removed', name: target.name });
          }}
          onCancel={() => toList(null, target.id)}
        />
      );
      break;
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('listening.close') }}
      data-testid="listening-dialog"
      data-view={effective.kind}
    >
      {/* Outlives the views, so what just happened is announced when the list comes back. */}
      <div role="status" aria-atomic="true" data-testid="listening-notice">
        {notice && effective.kind === 'list' && (
          <Text size="sm" c="teal.8" fw={500} mb="sm">
            <TemplateText template={t(`listening.notice.${notice.key}`, markers('name'))} values={{ name: notice.name }} />
          </Text>
        )}
      </div>
      <ViewFocus key={`${effective.kind}:${'streamId' in effective ? effective.streamId : ''}`}>{body}</ViewFocus>
    </Modal>
  );
}

/** Each view takes the focus when it appears (its [data-autofocus] element, or its first control),
 * so the keyboard never falls out of the dialog when the previous view's button disappears. */
function ViewFocus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root || root.contains(document.activeElement)) return;
    const target =
      root.querySelector<HTMLElement>('[data-autofocus]') ??
      root.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex="0"]');
    target?.focus();
  }, []);
  return <div ref={ref}>{children}</div>;
}
