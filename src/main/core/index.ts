// The Shiftdesk core: one engine, run by the Electron main process and by the browser-mode
// host alike. It owns the replica, sync, SLA monitoring and notifications, and exposes the
// contract's handlers and events.
import { isolate } from '@shared/bidi';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DeskHandlers } from '@shared/contract';
import { DeskError } from '@shared/errors';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import type { Connector } from './connectors/connector';
import { createSimulatorConnector } from './connectors/simulator/simulatorConnector';
import type { SimulatedPlatform } from './connectors/simulator/platform';
import { lockDataDir } from './db/dataDirLock';
import { openDatabase } from './db/database';
import { DEMO_CONNECTOR, setUpDemo, type DemoOptions } from './demo/demoWorkspace';
import { EventBus } from './events';
import { createLiveTranslator, type Translator } from './i18n/translator';
import { systemLanguagesFromEnv } from './i18n/systemLanguages';
import { AccountService } from './accounts/accountService';
import { MastodonSignIns } from './accounts/mastodonSignIns';
import { InboxService } from './inbox/inboxService';
import { NotificationCenter } from './notify/notificationCenter';
import { systemClock, type Badge, type Clock, type Logger, type Notifier, type SecretStore, type Updater } from './ports';
import { createRepos, type Repos } from './repos';
import { SlaMonitor } from './sla/slaMonitor';
import { SlaSettings } from './sla/slaSettings';
import { route } from './notify/routing';
import { UrgencyService } from './urgency/urgencyService';
import { BrandVoice } from './canned/brandVoice';
import { ScheduleService } from './schedule/scheduleService';
import { CannedLibrary } from './canned/cannedLibrary';
import { prepareCannedReply } from './canned/cannedReply';
import type { UrgencyAnalyzer } from './urgency/analyzer';
import { DEFAULT_BACKOFF, type BackoffOptions } from './sync/backoff';
import { SyncEngine } from './sync/syncEngine';
import { TranslationService } from './translation/translationService';
import { CoverageService } from './schedule/coverageService';
import { AutoAssigner } from './handover/autoAssign';
import { HandoverService } from './handover/handoverService';
import { storedSchedule } from './handover/shiftSchedule';
import { SurveyService } from './surveys/surveyService';
import { createNoUpdater } from './adapters/noUpdater';
import { UpdateService } from './update/updateService';
import { ReportService } from './reports/reportService';
import { shiftRegionLookup } from './reports/shiftRegions';

export interface CoreOptions {
  /** Folder of the replica (shiftdesk.sqlite) and the demo platforms; ':memory:' in tests. */
  dataDir: string;
  /** Whether the OS is in Do Not Disturb (null: cannot tell). */
  doNotDisturb?: () => boolean | null;
  /** Loads the language and sentiment models (default: once per process). */
  loadAnalyzer?: () => Promise<UrgencyAnalyzer>;
  notifier: Notifier;
  badge: Badge;
  secrets: SecretStore;
  logger: Logger;
  clock?: Clock;
  /** The agent at this desk. */
  selfName?: string;
  timeZone?: string;
  /** The built-in demo workspace (on by default). */
  demo?: DemoOptions | false;
  /** Poll every account this often, overriding each connector's own interval (tests, local servers). */
  pullIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Simulated network latency of the demo platforms. */
  demoLatencyMs?: number;
  /** fetch for the connectors (tests pass the one msw intercepts; default: global fetch). */
  fetch?: typeof fetch;
  /** How long notifications after a first one are held and grouped (default 10 s). */
  notificationGroupWindowMs?: number;
  /** How long a translation provider may take to answer (default 20 s). */
  translationTimeoutMs?: number;
  /**
   * The OS's preferred languages, read whenever the agent follows the system (Electron:
   * app.getPreferredSystemLanguages; default: the POSIX locale variables).
   */
  systemLanguages?: () => readonly string[];
  /** The app's updater (the desktop app's electron-updater; default: none, as in browser mode). */
  updater?: Updater;
}

export interface Core {
  readonly handlers: DeskHandlers;
  readonly events: EventBus;
  readonly repos: Repos;
  readonly sync: SyncEngine;
  /** Native strings in the agent's language (notifications here; the tray and dialogs in the host). */
  readonly translator: Translator;
  /** The demo's simulated platforms, when the demo workspace is on. */
  readonly demoPlatform: SimulatedPlatform | null;
  start(): void;
  stop(): Promise<void>;
  /**
   * Before the app restarts into an update: stops like stop() (sends in flight get a moment to
   * finish, else stay in flight for an exactly-once resend by their idempotency key), then
   * checkpoints the WAL into the database file and closes it.
   */
  prepareForRestart(): Promise<void>;
}

export const DATABASE_FILE = 'shiftdesk.sqlite';
/** Urgent messages older than this when they arrive do not raise a notification. */
const URGENT_NOTIFY_MAX_AGE_MS = 15 * 60_000;

function ensureSelfAgent(repos: Repos, name: string, timeZone: string, now: number): void {
  if (repos.workspace.agents().some((a) => a.isSelf)) return;
  repos.workspace.addAgent({ id: randomUUID(), name, timeZone, isSelf: true }, now);
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const { logger } = options;
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const inMemory = options.dataDir === ':memory:';
  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDataDir(options.dataDir);
  let db;
  try {
    db = openDatabase(inMemory ? ':memory:' : join(options.dataDir, DATABASE_FILE));
  } catch (error) {
    unlock();
    throw error;
  }
  const repos = createRepos(db);
  const now = clock.now();
  repos.db.transaction(() => {
    ensureSelfAgent(repos, options.selfName ?? 'You', timeZone, now);
    if (repos.sla.policies().length === 0) DEFAULT_SLA_POLICIES.forEach((p) => repos.sla.savePolicy(p));
  })();
  const demoPlatform = options.demo === false ? null : setUpDemo(repos, options.dataDir, clock, options.demo);

  const connectors = new Map<string, Connector>();
  for (const account of repos.workspace.accounts()) {
    if (account.connector === DEMO_CONNECTOR && demoPlatform) {
      connectors.set(account.id, createSimulatorConnector(demoPlatform, account, options.demoLatencyMs));
    }
  }

  const events = new EventBus();
  const systemLanguages = options.systemLanguages ?? (() => systemLanguagesFromEnv());
  const translator = createLiveTranslator();
  const followLanguage = () => translator.follow(repos.workspace.selfAgent().uiLanguage, systemLanguages());
  followLanguage();
  const { t } = translator;
  const timeFormats = new Map<string, Intl.DateTimeFormat>();
  const formatTime = (ms: number) => {
    const language = translator.language();
    let format = timeFormats.get(language);
    if (!format) timeFormats.set(language, (format = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone })));
    return format.format(ms);
  };
  const notifications = new NotificationCenter({
    notifier: options.notifier,
    events,
    clock,
    logger,
    t,
    groupWindowMs: options.notificationGroupWindowMs,
    route: (draft) => {
      const self = repos.workspace.selfAgent();
      const now = clock.now();
      const hours = self.workingCalendarId ? slaSettings.calendar(self.workingCalendarId) : null;
      return route(
        { kind: draft.kind, assigneeId: draft.assigneeId ?? null, mustInterrupt: draft.mustInterrupt ?? false },
        { agent: self, onShift: schedule.isWorking(self.id, now, hours), doNotDisturb: options.doNotDisturb?.() ?? null, now },
      );
    },
  });
  const sla = new SlaMonitor({ repos, clock, badge: options.badge, events, notifications, t, formatTime, policies: () => slaSettings.policies() });
  const slaSettings = new SlaSettings({ repos, events, onDeadlinesChanged: () => sla.poke() });
  const canned = new CannedLibrary({ repos, clock, events });
  const brandVoice = new BrandVoice({ repos, clock, events });
  const schedule = new ScheduleService({ repos, clock, events });
  const urgency = new UrgencyService({ repos, clock, logger, events, notifications, t, loadAnalyzer: options.loadAnalyzer });
  const policies = slaSettings.policies;
  const shifts = storedSchedule(repos, schedule);
  const handovers = new HandoverService({ repos, schedule: shifts, clock, events, notifications, t, formatTime });
  const autoAssign = new AutoAssigner({ repos, schedule: shifts, clock });
  const reports = new ReportService({ repos, clock, events });
  repos.events.setShiftRegions(shiftRegionLookup(shifts));
  // A shift moved or ended early: who owes a handover may have changed.
  events.on('changes', (change) => change.tables.includes('schedule') && handovers.poke());

  const surveys = new SurveyService({ repos, clock, events, logger, onQueued: () => sync.replyQueued() });
  const sync = new SyncEngine({
    repos,
    clock,
    logger,
    connectors,
    policies,
    analyze: urgency.analyze,
    readSurveyReply: surveys.readReply,
    pullIntervalMs: options.pullIntervalMs,
    backoff: options.backoff ?? { ...DEFAULT_BACKOFF, capMs: 30_000 },
    onIngested: (accountId, result) => {
      if (result.newMessages === 0) return;
      // Before the notifications below, so they go to the new owner.
      autoAssign.assign(result.newConversationIds);
      urgency.observe(accountId, result.inbound);
      if (result.autoAcknowledged > 0) sync.replyQueued();
      events.emit('changes', { tables: ['conversations', 'messages'], conversationIds: result.conversationIds });
      // Urgent messages from a backfill (first sync, after an outage) are in the queue, sorted
      // first; only fresh ones interrupt the agent.
      const freshSince = clock.now() - URGENT_NOTIFY_MAX_AGE_MS;
      notifications.publish(
        result.urgent.filter((u) => u.createdAt >= freshSince).map((u) => ({
          kind: 'urgent' as const,
          conversationId: u.conversationId,
          customerName: u.customerName,
          title: t('notifications.urgent.title', { customer: isolate(u.customerName) }),
          body: t('notifications.urgent.body', { text: u.body }),
          assigneeId: repos.conversations.state(u.conversationId)?.assigneeId ?? null,
          mustInterrupt: u.mustInterrupt,
        })),
      );
      sla.poke();
    },
    onOutboxChanged: (conversationIds) => events.emit('changes', { tables: ['messages', 'outbox', 'conversations'], conversationIds }),
    onStatus: (status) => events.emit('syncStatus', status),
    simulatedOutage: (accountId) => (demoPlatform ? !demoPlatform.isReachable(accountId) : false),
  });

  const signIns = new MastodonSignIns({ clock, logger, fetch: options.fetch });
  const accounts = new AccountService({
    repos,
    secrets: options.secrets,
    clock,
    logger,
    fetch: options.fetch,
    signIns,
    onConnected: (accountId, connector) => sync.connect(accountId, connector),
    onRemoved: (accountId) => sync.disconnect(accountId),
    onChanged: () => {
      events.emit('changes', { tables: ['accounts', 'conversations'], conversationIds: [] });
      sync.publishStatus();
    },
  });

  const translation = new TranslationService({ repos, secrets: options.secrets, clock, logger, events, fetch: options.fetch, timeoutMs: options.translationTimeoutMs });

  const inbox = new InboxService({
    repos,
    clock,
    events,
    policies,
    onQueued: () => sync.replyQueued(),
    onDeadlinesChanged: () => sla.poke(),
  });

  const coverage = new CoverageService({
    repos,
    clock,
    events,
    staffing: { occurrences: (from, to) => schedule.occurrences(from, to), profiles: () => repos.schedule.profiles() },
  });

  const updates = new UpdateService({ repos, updater: options.updater ?? createNoUpdater(), events, logger, prepareForRestart: () => core.prepareForRestart() });

  const handlers: DeskHandlers = {
    getWorkspace: () => ({
      self: repos.workspace.selfAgent(),
      agents: repos.workspace.agents(),
      accounts: repos.workspace.accounts(),
      demo: demoPlatform !== null,
    }),
    listQueues: () =>
      repos.conversations.queueCounts(
        repos.workspace.selfAgent().id,
        repos.workspace.accounts().map((a) => a.id),
        clock.now(),
      ),
    listConversations: ({ queue, limit, after }) => inbox.listConversations(queue, limit, after),
    getConversation: ({ id }) => inbox.getConversation(id),
    sendReply: ({ conversationId, body, clientId }) => inbox.sendReply(conversationId, body, clientId),
    moveToEmail: (input) => inbox.moveToEmail(input),
    retryMessage: ({ messageId }) => inbox.retryMessage(messageId),
    saveDraft: ({ conversationId, body }) => inbox.saveDraft(conversationId, body),
    resolveConversation: ({ id }) => {
      const summary = inbox.setStatus(id, 'resolved');
      surveys.resolved(id);
      return summary;
    },
    reopenConversation: ({ id }) => inbox.setStatus(id, 'open'),
    assignConversation: ({ id, agentId }) => {
      const summary = inbox.assign(id, agentId);
      // Given to an agent who is off shift: handed over (and warned about) at once.
      handovers.poke();
      return summary;
    },
    getSyncStatus: () => sync.status(),
    searchMessages: ({ query, limit }) => repos.messages.search(query, limit),
    cancelFirstSync: ({ accountId }) => {
      if (!repos.workspace.account(accountId)) throw new DeskError('NotFound', `Account ${accountId} was not found`);
      if (!sync.cancelFirstSync(accountId)) throw new DeskError('Conflict', 'This account has no first sync running');
      sync.publishStatus();
      return sync.status();
    },
    listSlaSettings: () => slaSettings.list(),
    saveSlaPolicy: (policy) => slaSettings.savePolicy(policy),
    removeSlaPolicy: ({ id }) => (slaSettings.removePolicy(id), null),
    reorderSlaPolicies: ({ ids }) => slaSettings.reorderPolicies(ids),
    saveBusinessCalendar: (calendar) => slaSettings.saveCalendar(calendar),
    removeBusinessCalendar: ({ id }) => (slaSettings.removeCalendar(id), null),
    setCustomerVip: ({ customerId, vip }) => slaSettings.setVip(customerId, vip),
    setMyPreferences: (preferences) => {
      if (preferences.workingCalendarId !== null && !slaSettings.calendar(preferences.workingCalendarId)) {
        throw new DeskError('NotFound', `Business calendar ${preferences.workingCalendarId} was not found`);
      }
      const self = repos.workspace.selfAgent();
      repos.workspace.setAgentPreferences(self.id, preferences);
      events.emit('changes', { tables: ['accounts'], conversationIds: [] });
      return repos.workspace.selfAgent();
    },
    setMyUiLanguage: ({ uiLanguage }) => {
      repos.workspace.setAgentUiLanguage(repos.workspace.selfAgent().id, uiLanguage);
      followLanguage();
      events.emit('changes', { tables: ['accounts'], conversationIds: [] });
      return repos.workspace.selfAgent();
    },
    searchCannedResponses: ({ query, limit }) => canned.search(query, limit),
    saveCannedResponse: (response) => canned.save(response),
    removeCannedResponse: ({ id }) => (canned.remove(id), null),
    recordCannedUse: ({ id }) => (canned.recordUse(id), null),
    prepareCannedReply: ({ id, conversationId }) => prepareCannedReply({ repos, policies, conversation: (cid) => inbox.getConversation(cid) }, id, conversationId),
    importCannedResponses: ({ format, text }) => canned.import(format, text),
    exportCannedResponses: ({ format }) => canned.export(format),
    getBrandVoice: ({ accountId }) => brandVoice.get(accountId),
    saveBrandVoice: ({ accountId, guidelines }) => brandVoice.save(accountId, guidelines),
    getUrgencyRules: () => urgency.getRules(),
    saveUrgencyRules: (rules) => urgency.saveRules(rules),
    listListeningStreams: () => repos.listening.list(),
    addListeningStream: async ({ accountId, name, query, intent }) => {
      if (!repos.workspace.account(accountId)) throw new DeskError('NotFound', `Account ${accountId} was not found`);
      if (!sync.canListen(accountId)) throw new DeskError('NotAvailable', 'This platform offers no search to listen with');
      const id = randomUUID();
      repos.listening.add({ id, accountId, name, query, intent }, clock.now());
      await sync.restartAccount(accountId);
      return repos.listening.get(id)!;
    },
    removeListeningStream: async ({ id }) => {
      const stream = repos.listening.get(id);
      if (!stream) throw new DeskError('NotFound', `Listening stream ${id} was not found`);
      repos.listening.remove(id);
      await sync.restartAccount(stream.accountId);
      return null;
    },
    takeFromListening: ({ id }) => inbox.takeFromListening(id),
    testAccountConnection: (draft) => accounts.test(draft),
    addAccount: (draft) => accounts.add(draft),
    updateAccount: ({ id, ...fields }) => accounts.update(id, fields),
    removeAccount: async ({ id }) => {
      await accounts.remove(id);
      return null;
    },
    startMastodonSignIn: ({ instanceUrl, accountId }) =>
      accounts.startMastodonSignIn(accountId !== undefined ? { accountId } : { instanceUrl: instanceUrl ?? '' }),
    finishMastodonSignIn: ({ signInId, code }) => accounts.finishMastodonSignIn(signInId, code),
    cancelMastodonSignIn: ({ signInId }) => {
      accounts.cancelMastodonSignIn(signInId);
      return null;
    },
    getTranslationSettings: () => translation.settings(),
    saveTranslationSettings: (settings) => translation.save(settings),
    testTranslationSettings: (settings) => translation.test(settings),
    translateMessage: ({ messageId, target }) => translation.translateMessage(messageId, target),
    translateText: ({ text, target }) => translation.translateText(text, target),
    getSchedule: ({ from, to }) => schedule.schedule(from, to),
    saveShift: (shift) => schedule.saveShift(shift),
    removeShift: ({ id }) => (schedule.removeShift(id), null),
    saveAgentProfile: (profile) => schedule.saveProfile(profile),
    saveTimeOff: (timeOff) => schedule.saveTimeOff(timeOff),
    removeTimeOff: ({ id }) => (schedule.removeTimeOff(id), null),
    getOnShift: () => schedule.onShift(),
    exportShiftsIcs: ({ agentId }) => ({ text: schedule.exportIcs(agentId, t) }),
    importTimeOffIcs: ({ agentId, text }) => schedule.importTimeOffIcs(agentId, text),
    getCoverage: (input) => coverage.report(input),
    setCoverageTarget: ({ messagesPerAgentHour }) => coverage.setTarget(messagesPerAgentHour),
    listHandovers: () => handovers.list(),
    reassignHandover: ({ itemId, to, note }) => handovers.reassign(itemId, to, note),
    acknowledgeHandover: ({ itemId }) => handovers.acknowledge(itemId),
    getAutoAssignment: () => autoAssign.settings(),
    setAutoAssignment: ({ enabled }) => {
      const settings = autoAssign.setEnabled(enabled);
      events.emit('changes', { tables: ['accounts'], conversationIds: [] });
      return settings;
    },
    setDemoPlatformReachable: ({ accountId, reachable }) => {
      if (!demoPlatform) throw new DeskError('NotAvailable', 'The demo workspace is off');
      if (accountId !== null && repos.workspace.account(accountId)?.connector !== DEMO_CONNECTOR) {
        throw new DeskError('NotFound', `Demo account ${accountId} was not found`);
      }
      demoPlatform.setReachable(accountId, reachable);
      if (reachable) sync.syncNow(accountId);
      sync.publishStatus();
      return sync.status();
    },
    getSurveySettings: () => surveys.settings(),
    saveSurveySettings: (settings) => surveys.save(settings),
    getUpdateSettings: () => updates.settings(),
    saveUpdateSettings: (settings) => updates.save(settings),
    getUpdateState: () => updates.state(),
    checkForUpdates: () => updates.check(),
    downloadUpdate: () => updates.download(),
    restartToUpdate: async () => {
      await updates.restartToUpdate();
      return null;
    },
    getReport: (query) => reports.report(query),
    exportReportCsv: (query) => reports.csv(query),
    setAccountRegion: ({ accountId, region }) => reports.setRegion(accountId, region),
  };

  let stopping: Promise<void> | null = null;
  const core: Core = {
    handlers,
    events,
    repos,
    sync,
    translator,
    demoPlatform,
    start() {
      // Messages are analysed (language, sentiment) from the first pull on: the models load first.
      void urgency.load().then(() => {
        if (stopping) return;
        sync.start();
        urgency.start();
      });
      sla.start();
      handovers.start();
      surveys.start();
      void accounts.connectAll().catch((error: unknown) => logger.error('could not connect accounts', { error: String(error) }));
    },
    stop() {
      stopping ??= (async () => {
        await signIns.clear();
        sla.stop();
        handovers.stop();
        surveys.stop();
        urgency.stop();
        notifications.stop();
        await sync.stop();
        demoPlatform?.close();
        try {
          // Everything in the main file: the next version opens it with no WAL to replay.
          if (!inMemory) db.pragma('wal_checkpoint(TRUNCATE)');
        } catch (error) {
          logger.warn('WAL checkpoint at shutdown failed', { error: String(error) });
        }
        db.close();
        unlock();
      })();
      return stopping;
    },
    prepareForRestart() {
      return core.stop();
    },
  };
  return core;
}
