// Urgency at the desk: every customer's message is analysed as it is stored (language,
// sentiment, the urgency rules and their reasons), and bursts sharing a term on one account are
// grouped into incidents that notify the agent once. The language and sentiment models load
// after start-up; until then messages get the basic analysis (the platform's language tag and
// the default rules).
import type { Incident } from '@shared/domain';
import { DEFAULT_URGENCY_RULES, parseUrgencyRules, type UrgencyRules } from '@shared/urgency';
import type { EventBus } from '../events';
import type { Translate } from '../i18n/translator';
import type { NotificationCenter } from '../notify/notificationCenter';
import type { Clock, Logger } from '../ports';
import type { Repos } from '../repos';
import { basicAnalysis, NO_LANGUAGE, type Analyze, type IngestResult } from '../sync/ingest';
import { Timer } from '../sync/timer';
import { loadUrgencyAnalyzer, type UrgencyAnalyzer } from './analyzer';
import { normalizeLanguageTag, PLATFORM_CONFIDENCE } from './language';
import { SpikeDetector, spikeOptions, type SpikeEvent } from './spikes';

const RULES_SETTING = 'urgency.rules';
const SPIKES_SETTING = (accountId: string) => `urgency.spikes.${accountId}`;
const TICK_MS = 60_000;

export interface UrgencyServiceDeps {
  repos: Repos;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  notifications: NotificationCenter;
  t: Translate;
  /** Loads the models (tests may give a stub or a shared instance). */
  loadAnalyzer?: () => Promise<UrgencyAnalyzer>;
}

export class UrgencyService {
  private analyzer: UrgencyAnalyzer | null = null;
  private rules: UrgencyRules;
  private readonly detectors = new Map<string, SpikeDetector>();
  private readonly timer = new Timer(() => this.tick());

  constructor(private readonly deps: UrgencyServiceDeps) {
    const saved = deps.repos.workspace.setting(RULES_SETTING);
    this.rules = saved ? this.readRules(saved) : DEFAULT_URGENCY_RULES;
  }

  private readRules(saved: string): UrgencyRules {
    try {
      return parseUrgencyRules(JSON.parse(saved));
    } catch (error) {
      this.deps.logger.error('the saved urgency rules cannot be read: using the defaults', { error: String(error) });
      return DEFAULT_URGENCY_RULES;
    }
  }

  /** Loads the language and sentiment models; a failure leaves the basic analysis in place. */
  async load(): Promise<void> {
    try {
      this.analyzer = await (this.deps.loadAnalyzer ?? sharedAnalyzer)();
    } catch (error) {
      this.deps.logger.error('language and sentiment analysis is unavailable', { error: String(error) });
    }
  }

  start(): void {
    this.timer.schedule(TICK_MS);
  }

  readonly analyze: Analyze = (item, platform) => {
    if (!this.analyzer) return basicAnalysis(item, platform);
    const a = this.analyzer.analyze({ body: item.body, language: item.language, platform }, item.author, this.rules);
    const sentiment = { score: a.sentiment.score, label: a.sentiment.label };
    if (a.language) return { language: a.language, languageSource: a.languageSource, languageConfidence: a.languageConfidence, sentiment, urgency: a.urgency };
    // The platform's tag, set aside by the script or the detector but with nothing better to replace it.
    const tag = normalizeLanguageTag(item.language);
    const fallback = tag ? { language: tag, languageSource: 'platform' as const, languageConfidence: PLATFORM_CONFIDENCE.contradicted } : NO_LANGUAGE;
    return { ...fallback, sentiment, urgency: a.urgency };
  };

  getRules(): UrgencyRules {
    return this.rules;
  }

  saveRules(input: unknown): UrgencyRules {
    const rules = parseUrgencyRules(input);
    this.deps.repos.workspace.setSetting(RULES_SETTING, JSON.stringify(rules));
    this.rules = rules;
    // Spike settings may have changed: detectors start again with them (keeping what they learnt).
    for (const [accountId, detector] of this.detectors) this.detectors.set(accountId, SpikeDetector.restore(detector.snapshot(), this.spikeOptions(accountId)));
    return rules;
  }

  /** New customers' messages of one account: bursts sharing a term open or grow incidents. */
  observe(accountId: string, inbound: IngestResult['inbound']): void {
    if (!this.rules.spikes.enabled || inbound.length === 0) return;
    const detector = this.detector(accountId);
    const conversations = new Map(inbound.map((m) => [String(m.messageId), m.conversationId]));
    const events = inbound.flatMap((m) =>
      detector.observe({ messageId: String(m.messageId), time: m.createdAt, text: m.body, language: m.language, authorId: m.authorId }),
    );
    this.apply(accountId, events, conversations);
  }

  private tick(): void {
    const now = this.deps.clock.now();
    for (const [accountId, detector] of this.detectors) this.apply(accountId, detector.tick(now), new Map());
    this.timer.schedule(TICK_MS);
  }

  private apply(accountId: string, events: SpikeEvent[], conversations: Map<string, number>): void {
    if (events.length === 0) return;
    const { repos, notifications, t } = this.deps;
    const opened: Incident[] = [];
    const touched = new Set<number>();
    repos.db.transaction(() => {
      for (const event of events) {
        if (event.type === 'closed') {
          repos.incidents.close(event.incident.id, event.incident.lastAt);
          continue;
        }
        if (event.type === 'opened') {
          const { messageIds, ...incident } = event.incident;
          repos.incidents.save({ ...incident, accountId });
          for (const id of repos.incidents.linkMessages(incident.id, messageIds.map(Number))) touched.add(id);
          opened.push({ ...incident, accountId, closedAt: null });
        } else if (event.type === 'joined') {
          const current = repos.incidents.get(event.incidentId);
          if (current) repos.incidents.save({ ...current, lastAt: Math.max(current.lastAt, event.at), messageCount: event.messageCount });
          const conversationId = conversations.get(event.messageId);
          if (conversationId !== undefined) {
            repos.incidents.link(event.incidentId, conversationId);
            touched.add(conversationId);
          }
        } else if (event.type === 'grouped') {
          const current = repos.incidents.get(event.incidentId);
          if (current && !current.terms.includes(event.term)) repos.incidents.save({ ...current, terms: [...current.terms, event.term] });
        }
      }
    })();
    if (touched.size > 0) this.deps.events.emit('changes', { tables: ['conversations'], conversationIds: [...touched] });
    const account = repos.workspace.account(accountId);
    notifications.publish(
      opened.map((incident) => ({
        kind: 'incident' as const,
        conversationId: repos.incidents.firstConversation(incident.id) ?? 0,
        customerName: incident.term,
        mustInterrupt: this.rules.spikes.mustInterrupt,
        title: t('notifications.incident.title', { account: account?.name ?? accountId, term: incident.term }),
        body: t('notifications.incident.body', { count: incident.messageCount, minutes: Math.max(1, Math.round((incident.lastAt - incident.firstAt) / 60_000)) }),
      })),
    );
  }

  private spikeOptions(accountId: string) {
    const account = this.deps.repos.workspace.account(accountId);
    return spikeOptions(this.rules.spikes, { ignore: account ? [account.handle, account.name] : [] });
  }

  private detector(accountId: string): SpikeDetector {
    let detector = this.detectors.get(accountId);
    if (!detector) {
      const saved = this.deps.repos.workspace.setting(SPIKES_SETTING(accountId));
      const options = this.spikeOptions(accountId);
      try {
        detector = saved ? SpikeDetector.restore(JSON.parse(saved), options) : new SpikeDetector(options);
      } catch {
        detector = new SpikeDetector(options);
      }
      this.detectors.set(accountId, detector);
    }
    return detector;
  }

  /** Keeps what the detectors learnt (usual traffic per term, open incidents) for the next start. */
  stop(): void {
    this.timer.cancel();
    for (const [accountId, detector] of this.detectors) this.deps.repos.workspace.setSetting(SPIKES_SETTING(accountId), JSON.stringify(detector.snapshot()));
  }
}

let shared: Promise<UrgencyAnalyzer> | null = null;
/** One set of models per process (they take ~40 MB and half a second to load). */
function sharedAnalyzer(): Promise<UrgencyAnalyzer> {
  shared ??= loadUrgencyAnalyzer();
  shared.catch(() => (shared = null));
  return shared;
}
