// The inbox: queues on the left, the queue's conversations, the open thread, the customer on
// the right, sync status at the bottom. Owns the route and the keyboard shortcuts.
import { AppShell, ScrollArea, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, ConversationDetail, ConversationSummary, QueueSummary } from '@shared/domain';
import { AccountsDialog, type AccountsView } from '../features/accounts/AccountsDialog';
import { ConversationList } from '../features/conversations/ConversationList';
import { anchorAt, neighbourId, type ListAnchor } from '../features/conversations/listNavigation';
import { useConversationList } from '../features/conversations/useConversationList';
import { CustomerPanel } from '../features/customer/CustomerPanel';
import { DemoControls } from '../features/demo/DemoControls';
import { LibraryDialog } from '../features/library/LibraryDialog';
import { ListeningStreamsDialog } from '../features/listening/ListeningStreamsDialog';
import { ScheduleDialog } from '../features/schedule/ScheduleDialog';
import { ReportsDialog } from '../features/reports/ReportsDialog';
import { SlaSettingsDialog } from '../features/sla/SlaSettingsDialog';
import { MyNotificationsDialog } from '../features/notifications/MyNotificationsDialog';
import { useDeskNotifications } from '../features/notifications/useDeskNotifications';
import { QueueRail } from '../features/queues/QueueRail';
import { MoveToEmailDialog } from '../features/moveToEmail/MoveToEmailDialog';
import { FirstSyncProgress } from '../features/status/FirstSyncProgress';
import { StatusBar } from '../features/status/StatusBar';
import { useSyncStatus } from '../features/status/useSyncStatus';
import { CommandPalette } from '../features/palette/CommandPalette';
import { ThreadPane } from '../features/thread/ThreadPane';
import { useConversationActions } from '../features/thread/useConversationActions';
import { UrgencyRulesDialog } from '../features/urgencyRules/UrgencyRulesDialog';
import { TranslationSettingsDialog } from '../features/translation/TranslationSettingsDialog';
import { SurveySettingsDialog } from '../features/surveys/SurveySettingsDialog';
import { UpdatesDialog } from '../features/updates/UpdatesDialog';
import { useAccountLabel } from '../components/useAccountLabel';
import { markers } from '../components/templateParts';
import { TemplateText } from '../components/TemplateText';
import { affectsConversation, affectsQueues, type ChangeSet } from '../live/changeSet';
import { useLiveQuery } from '../live/useLiveQuery';
import { AppHeader } from './AppHeader';
import { ConnectionBanner } from './ConnectionBanner';
import { useDesk } from './deskContext';
import { focusTarget } from './focus';
import { ShortcutsHelp } from './ShortcutsHelp';
import { showInfoToast } from './toasts';
import { useWorkspace } from './workspaceContext';
import { useDocumentTitle } from './useDocumentTitle';
import { useInboxShortcuts } from './useInboxShortcuts';
import { getRouteConversation, useRoute } from './useRoute';
import classes from './Shell.module.css';

const affectsOpenConversation = (changes: ChangeSet, key: string) => affectsConversation(changes, Number(key));

const NAVBAR_ID = 'queue-navbar';
/** Below Mantine's sm breakpoint (768 px) the queue rail is a panel opened from the header. */
const SMALL_SCREEN = '(max-width: 47.99em)';

export function Shell() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [route, navigate] = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const [accountsView, setAccountsView] = useState<AccountsView | null>(null);
  const [listeningOpen, setListeningOpen] = useState(false);
  const [moveOpen, setMoveOpen] = useState(false);
  const [slaOpen, setSlaOpen] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [urgencyOpen, setUrgencyOpen] = useState(false);
  const [preferencesOpen, setPreferencesOpen] = useState(false);
  const [translationOpen, setTranslationOpen] = useState(false);
  const [surveysOpen, setSurveysOpen] = useState(false);
  const [scheduleOpen, setScheduleOpen] = useState(false);
  const [updatesOpen, setUpdatesOpen] = useState(false);
  const [reportsOpen, setReportsOpen] = useState(false);
  const { workspace } = useWorkspace();
  const accountLabel = useAccountLabel();
  const [navOpened, nav] = useDisclosure(false);
  const smallScreen = useMediaQuery(SMALL_SCREEN) ?? false;
  // On a small screen the rail covers the inbox: picking a queue (or a conversation) closes it.
  const closeNav = nav.close;
  useEffect(() => closeNav(), [route.queue, route.conversationId, closeNav]);

  const loadQueues = useCallback(() => desk.listQueues({}), [desk]);
  const queues = useLiveQuery<QueueSummary[]>('queues', loadQueues, affectsQueues);
  const list = useConversationList(route.queue);
  const loadDetail = useCallback((key: string) => desk.getConversation({ id: Number(key) }), [desk]);
  const detailQuery = useLiveQuery<ConversationDetail>(
    route.conversationId === null ? null : String(route.conversationId),
    loadDetail,
    affectsOpenConversation,
  );
  const detail = detailQuery.current;
  const sync = useSyncStatus();
  // A listening hit taken into the inbox leaves the Listening queue: the view follows it to its
  // account's queue (Back returns to the Listening queue).
  const followTaken = useCallback(
    (taken: ConversationSummary) =>
      navigate((current) =>
        current.queue === 'listening' && current.conversationId === taken.id ? { queue: `account:${taken.accountId}`, conversationId: taken.id } : current,
      ),
    [navigate],
  );
  const actions = useConversationActions({ onTaken: followTaken });

  // Where the agent last put the selection in the list: j/k continue from there even when the
  // open conversation moves (answered) or leaves the list (resolved).
  const anchor = useRef<ListAnchor | null>(null);
  const rowIds = list.rows.map((r) => r.id);
  const rowIdsRef = useRef(rowIds);
  useEffect(() => {
    rowIdsRef.current = rowIds;
  });
  useEffect(() => {
    anchor.current = null;
  }, [route.queue]);

  const openConversation = useCallback(
    (id: number, options?: { replace?: boolean }) => {
      anchor.current = anchorAt(rowIdsRef.current, id);
      navigate((current) => ({ ...current, conversationId: id }), options);
    },
    [navigate],
  );
  const selectFromList = useCallback((id: number) => openConversation(id, { replace: true }), [openConversation]);
  const openFromElsewhere = useCallback((id: number) => openConversation(id), [openConversation]);
  useDeskNotifications(openFromElsewhere);

  const move = useCallback(
    (delta: 1 | -1) => {
      const id = neighbourId(rowIdsRef.current, getRouteConversation(), anchor.current, delta);
      if (id !== null) selectFromList(id);
    },
    [selectFromList],
  );

  useInboxShortcuts(
    {
      next: () => {
        move(1);
        focusTarget('list');
      },
      previous: () => {
        move(-1);
        focusTarget('list');
      },
      focusThread: () => focusTarget('thread'),
      reply: () => focusTarget('composer'),
      resolve: () => {
        if (detail?.conversation.status === 'open') void actions.resolve(detail.conversation.id);
        else if (detail?.conversation.status === 'listening') void actions.dismiss(detail.conversation.id);
      },
      take: () => {
        if (detail?.conversation.status === 'listening') void actions.take(detail.conversation.id);
      },
      help: () => setHelpOpen(true),
      library: () => setLibraryOpen(true),
    },
    !helpOpen && accountsView === null && !listeningOpen && !moveOpen && !slaOpen && !libraryOpen && !urgencyOpen && !preferencesOpen && !translationOpen && !surveysOpen && !scheduleOpen && !updatesOpen && !reportsOpen,
  );

  const accountAdded = (account: Account) => {
    // Straight to the new account's queue: its conversations appear there as the first sync reads them.
    navigate({ queue: `account:${account.id}`, conversationId: null });
    showInfoToast(
      t('accounts.notice.added'),
      <TemplateText template={t('accounts.notice.addedBody', markers('account'))} values={{ account: accountLabel(account) }} />,
    );
  };
  const movedToEmail = (email: ConversationSummary) => {
    setMoveOpen(false);
    navigate({ queue: `account:${email.accountId}`, conversationId: email.id });
    const account = workspace?.accounts.find((a) => a.id === email.accountId);
    showInfoToast(t('moveToEmail.done'), account ? t('moveToEmail.doneBody', { account: accountLabel(account) }) : undefined);
  };
  const accountRemoved = (account: Account) => {
    // Leave the queue and the conversation that went with the account.
    navigate((current) => {
      const inQueue = current.queue === `account:${account.id}`;
      const openHere = detail?.conversation.accountId === account.id;
      return inQueue || openHere ? { queue: inQueue ? 'all' : current.queue, conversationId: null } : current;
    });
  };

  const allQueue = queues.current?.find((q) => q.id === 'all');
  useDocumentTitle(allQueue?.breached);

  const accountStatus = detail ? sync?.accounts.find((a) => a.accountId === detail.conversation.accountId) : undefined;

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      aside={{ width: 300, breakpoint: 'lg', collapsed: { mobile: true } }}
      footer={{ height: 36 }}
      padding={0}
    >
      <AppShell.Header>
        <UnstyledButton className={classes.skip} onClick={() => focusTarget('list')}>
          {t('app.skipToList')}
        </UnstyledButton>
        <AppHeader onHelp={() => setHelpOpen(true)} onMyNotifications={() => setPreferencesOpen(true)} onSchedule={() => setScheduleOpen(true)} onOpenConversation={openFromElsewhere} onUpdates={() => setUpdatesOpen(true)} navbar={{ id: NAVBAR_ID, opened: navOpened, toggle: nav.toggle }} />
      </AppShell.Header>
      {/* Off screen while collapsed on a small screen: out of the tab order too. */}
      <AppShell.Navbar id={NAVBAR_ID} role="none" p="xs" inert={smallScreen && !navOpened}>
        <AppShell.Section grow component={ScrollArea} type="scroll" scrollbarSize={6}>
          <nav aria-label={t('queues.label')}>
            <QueueRail
              queues={queues.current}
              route={route}
              sync={sync}
              onManageAccounts={() => setAccountsView({ kind: 'list' })}
              onAddAccount={() => setAccountsView({ kind: 'add', fromList: false })}
              onManageListening={() => setListeningOpen(true)}
              onSlaSettings={() => setSlaOpen(true)}
              onLibrary={() => setLibraryOpen(true)}
              onManageUrgency={() => setUrgencyOpen(true)}
              onTranslationSettings={() => setTranslationOpen(true)}
              onSurveySettings={() => setSurveysOpen(true)}
              onSchedule={() => setScheduleOpen(true)}
              onUpdates={() => setUpdatesOpen(true)}
              onReports={() => setReportsOpen(true)}
            />
          </nav>
        </AppShell.Section>
        <AppShell.Section className={classes.demo}>
          <DemoControls sync={sync} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <ConnectionBanner />
        <FirstSyncProgress status={sync} />
        <div className={classes.panes}>
          <div className={classes.list}>
            <ConversationList
              queue={route.queue}
              list={list}
              selectedId={route.conversationId}
              onSelect={selectFromList}
              onMove={move}
              onOpenThread={() => focusTarget('thread')}
            />
          </div>
          <ThreadPane
            conversationId={route.conversationId}
            detail={detail}
            failed={Boolean(detailQuery.error) && !detailQuery.loading}
            accountStatus={accountStatus}
            actions={actions}
            onMoveToEmail={() => setMoveOpen(true)}
            onOpenConversation={openFromElsewhere}
          />
        </div>
      </AppShell.Main>
      <AppShell.Aside aria-label={t('customer.label')}>
        <ScrollArea h="100%" type="scroll" scrollbarSize={6}>
          <CustomerPanel detail={detail} onOpen={openFromElsewhere} />
        </ScrollArea>
      </AppShell.Aside>
      <AppShell.Footer>
        <StatusBar status={sync} />
      </AppShell.Footer>
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <AccountsDialog view={accountsView} onView={setAccountsView} sync={sync} onAdded={accountAdded} onRemoved={accountRemoved} />
      {detail && <MoveToEmailDialog detail={detail} opened={moveOpen} onClose={() => setMoveOpen(false)} onMoved={movedToEmail} />}
      <ListeningStreamsDialog opened={listeningOpen} onClose={() => setListeningOpen(false)} sync={sync} />
      <SlaSettingsDialog opened={slaOpen} onClose={() => setSlaOpen(false)} />
      <LibraryDialog opened={libraryOpen} onClose={() => setLibraryOpen(false)} />
      <CommandPalette queues={queues.current} conversationOpen={detail !== undefined} onOpenQueue={(queue) => navigate({ queue, conversationId: null })} />
      <UrgencyRulesDialog opened={urgencyOpen} onClose={() => setUrgencyOpen(false)} />
      <MyNotificationsDialog opened={preferencesOpen} onClose={() => setPreferencesOpen(false)} />
      <TranslationSettingsDialog opened={translationOpen} onClose={() => setTranslationOpen(false)} />
      <SurveySettingsDialog opened={surveysOpen} onClose={() => setSurveysOpen(false)} />
      <ScheduleDialog opened={scheduleOpen} onClose={() => setScheduleOpen(false)} />
      <UpdatesDialog opened={updatesOpen} onClose={() => setUpdatesOpen(false)} />
      <ReportsDialog opened={reportsOpen} onClose={() => setReportsOpen(false)} />
    </AppShell>
  );
}
