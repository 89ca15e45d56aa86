// The canned-response library and the brand voice, as one dialog opened from the queue rail (or
// with L): Responses (search as you type, grouped by folder, Add / Edit / Delete, export and
// import) and Brand voice (per account). The list re-queries when the core says the library changed.
import { Button, Group, Loader, Modal, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryHit } from '@shared/cannedResponses';
import { useDesk } from '../../app/deskContext';
import { useWorkspace } from '../../app/workspaceContext';
import { markers } from '../../components/templateParts';
import { TemplateText } from '../../components/TemplateText';
import { ViewFocus } from '../../components/ViewFocus';
import type { ChangeSet } from '../../live/changeSet';
import { useLiveQuery } from '../../live/useLiveQuery';
import { RemoveConfirm } from '../sla/RemoveConfirm';
import { BrandVoiceEditor } from './BrandVoiceEditor';
import { ResponseForm } from './ResponseForm';
import { ResponseList, type ResponseAction } from './ResponseList';
import { SharePanel } from './SharePanel';

type Tab = 'responses' | 'brandVoice';
type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit' | 'remove'; id: string };
type Notice = { key: 'added' | 'saved' | 'removed'; title: string } | null;

/** The most the core returns in one search: the whole library of any desk we know of. */
const LIBRARY_LIMIT = 500;
const SEARCH_DELAY_MS = 150;
const affectsLibrary = (changes: ChangeSet) => changes.all || changes.tables.has('canned');

export interface LibraryDialogProps {
  opened: boolean;
  onClose(): void;
}

export function LibraryDialog({ opened, onClose }: LibraryDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { workspace } = useWorkspace();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [tab, setTab] = useState<Tab>('responses');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<Notice>(null);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      // Opened again: nothing left over from last time.
      setTab('responses');
      setView({ kind: 'list' });
      setNotice(null);
      setSearch('');
    }
  }

  const load = useCallback((key: string) => desk.searchCannedResponses({ query: key.slice('library:'.length), limit: LIBRARY_LIMIT }), [desk]);
  // The whole library (for shortcuts taken, folders and includes) and what the search finds.
  const all = useLiveQuery<LibraryHit[]>(opened ? 'library:' : null, load, affectsLibrary);
  const found = useLiveQuery<LibraryHit[]>(opened && debouncedSearch ? `library:${debouncedSearch}` : null, load, affectsLibrary);
  // While the next search runs, the last results stay (no flicker as the agent types).
  const hits = debouncedSearch ? (found.current ?? found.data) : all.current;
  const library = all.current?.map((h) => h.response);

  const target = 'id' in view ? library?.find((r) => r.id === view.id) : undefined;
  // What the view speaks of was removed meanwhile: back to the list.
  const effective: View = 'id' in view && library && !target ? { kind: 'list' } : view;

  const toList = (next: Notice = null) => {
    setNotice(next);
    setView({ kind: 'list' });
  };
  const open = (next: View) => {
    setNotice(null);
    setView(next);
  };
  const action = (kind: ResponseAction, hit: LibraryHit) => open({ kind, id: hit.response.id });

  const title = { list: t('library.title'), add: t('library.form.addTitle'), edit: t('library.form.editTitle'), remove: t('library.removeTitle') }[effective.kind];

  let body: ReactNode;
  if (!library) {
    body =
      all.error && !all.loading ? (
        <Stack gap="xs" role="alert">
          <Text size="sm">{t('library.loadFailed')}</Text>
          <Button size="xs" variant="light" onClick={all.reload} w="fit-content">
            {t('library.retry')}
          </Button>
        </Stack>
      ) : (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label={t('library.loading')} />
        </Group>
      );
  } else {
    switch (effective.kind) {
      case 'list':
        body = (
          <Tabs
            value={tab}
            onChange={(v) => {
              if (!v) return;
              setTab(v as Tab);
              setNotice(null);
            }}
            keepMounted={false}
          >
            <Tabs.List mb="sm">
              <Tabs.Tab value="responses">{t('library.tabs.responses')}</Tabs.Tab>
              <Tabs.Tab value="brandVoice">{t('library.tabs.brandVoice')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="responses">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-end" gap="sm" wrap="nowrap">
                  <TextInput
                    type="search"
                    label={t('library.search')}
                    description={t('library.searchHint')}
                    value={search}
                    onChange={(e) => setSearch(e.currentTarget.value)}
                    style={{ flex: 1 }}
                    maxLength={200}
                    data-autofocus
                  />
                  <Button onClick={() => open({ kind: 'add' })} style={{ flexShrink: 0 }}>
                    {t('library.add')}
                  </Button>
                </Group>
                <ResponseList hits={hits ?? []} searching={debouncedSearch !== ''} onAction={action} />
                <SharePanel onImported={() => setNotice(null)} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="brandVoice">
              <BrandVoiceEditor accounts={workspace?.accounts ?? []} />
            </Tabs.Panel>
          </Tabs>
        );
        break;
      case 'add':
      case 'edit':
        body = (
          <ResponseForm
            response={target ?? null}
            library={library}
            onSaved={(saved) => {
              all.reload();
              toList({ key: target ? 'saved' : 'added', title: saved.title });
            }}
            onCancel={() => toList()}
          />
        );
        break;
      case 'remove':
        body = target && (
          <RemoveConfirm
            testId="library-remove"
            question={<TemplateText template={t('library.removeQuestion', markers('title'))} values={{ title: target.title }} />}
            details={t('library.removeDetails', { shortcut: target.shortcut })}
            confirmLabel={t('library.removeConfirm')}
            failedTitle={t('library.removeFailed')}
            onConfirm={() => desk.removeCannedResponse({ id: target.id })}
            onRemoved={() => {
              all.reload();
              toList({ key: 'removed', title: target.title });
            }}
            onCancel={() => toList()}
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
      size="xl"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('library.close') }}
      data-testid="library-dialog"
      data-view={effective.kind}
    >
      <div role="status" aria-atomic="true" data-testid="library-notice">
        {notice && effective.kind === 'list' && (
          <Text size="sm" c="teal.8" fw={500} mb="sm">
            <TemplateText template={t(`library.notice.${notice.key}`, markers('title'))} values={{ title: notice.title }} />
          </Text>
        )}
      </div>
      {/* Keyed by the view and by whether the library has loaded: the focus goes into the view once it is there. */}
      <ViewFocus key={`${library ? 'ready' : 'loading'}:${effective.kind}:${'id' in effective ? effective.id : ''}`}>{body}</ViewFocus>
    </Modal>
  );
}
