// Satisfaction surveys (issue #8): when an agent resolves a conversation, a CSAT or NPS question
// is scheduled (once per conversation); when it is due, and the conversation is still resolved,
// it is queued as a reply through the outbox (offline-safe, exactly once) in the customer's
// language; the customer's next reply is read as the answer and recorded through a
// SurveyAnswerSink (the survey_answers row and the reports' survey_answer event).
import { randomUUID } from 'node:crypto';
import { parseSurveyAnswer } from '@shared/surveys/parseSurveyAnswer';
import { DEFAULT_SURVEY_SETTINGS, SURVEY_ANSWER_WINDOW_MS, surveyQuestionFor, surveySettingsSchema, type SurveySettings } from '@shared/surveys/surveySettings';
import type { EventBus } from '../events';
import { recordEvent } from '../reports/recordEvents';
import type { Clock, Logger } from '../ports';
import type { Repos } from '../repos';
import type { SurveyAnswerRecord } from '../repos/surveys';
import type { SurveyReplyReader } from '../sync/ingest';
import { Timer } from '../sync/timer';

/** Where answers go; called inside the transaction that stores the customer's reply. */
export interface SurveyAnswerSink {
  record(answer: SurveyAnswerRecord): void;
}

/** The answer's row (its message, confidence) and the event reports read, together. */
const storedAnswers = (repos: Repos): SurveyAnswerSink => ({
  record: (answer) => {
    repos.surveys.insertAnswer(answer);
    recordEvent(repos, { kind: 'survey_answer', conversationId: answer.conversationId, surveyKind: answer.kind, score: answer.score, at: answer.answeredAt });
  },
});

const SETTINGS_KEY = 'surveys';
/** Re-check at least this often (expiry, a clock that jumped). */
const TICK_MS = 60_000;
const BATCH = 50;

export interface SurveyServiceDeps {
  repos: Repos;
  clock: Clock;
  events: EventBus;
  logger: Logger;
  sink?: SurveyAnswerSink;
  /** Surveys were queued: wake the outbox worker. */
  onQueued: () => void;
}

export class SurveyService {
  private readonly sink: SurveyAnswerSink;
  private readonly timer = new Timer(() => this.tick());
  private running = false;

  constructor(private readonly deps: SurveyServiceDeps) {
    this.sink = deps.sink ?? storedAnswers(deps.repos);
  }

  settings(): SurveySettings {
    const stored = this.deps.repos.workspace.setting(SETTINGS_KEY);
    if (stored === null) return DEFAULT_SURVEY_SETTINGS;
    // Settings written by a newer version that this one cannot read: surveys off rather than wrong.
    const parsed = surveySettingsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_SURVEY_SETTINGS;
  }

  save(settings: SurveySettings): SurveySettings {
    const valid = surveySettingsSchema.parse(settings);
    this.deps.repos.workspace.setSetting(SETTINGS_KEY, JSON.stringify(valid));
    this.deps.events.emit('changes', { tables: ['surveys'], conversationIds: [] });
    return valid;
  }

  /** An agent resolved the conversation: schedule its survey, unless one was already sent. */
  resolved(conversationId: number): void {
    const settings = this.settings();
    if (settings.mode === 'off') return;
    const state = this.deps.repos.conversations.state(conversationId);
    if (!state || state.status !== 'resolved' || !settings.platforms.includes(state.platform)) return;
    const sendAt = this.deps.clock.now() + settings.delayMinutes * 60_000;
    if (this.deps.repos.surveys.schedule(conversationId, settings.mode, sendAt)) this.poke();
  }

  /** Queues every survey that is due; returns the conversations that got one. */
  sendDue(): number[] {
    const { repos, clock, logger } = this.deps;
    const now = clock.now();
    const settings = this.settings();
    const sent: number[] = [];
    repos.db.transaction(() => {
      repos.surveys.expire(now - SURVEY_ANSWER_WINDOW_MS, now);
      for (const survey of repos.surveys.due(now, BATCH)) {
        const state = repos.conversations.state(survey.conversationId);
        // Reopened (by the agent or by the customer writing again) before it went out: not now.
        if (!state || state.status !== 'resolved' || settings.mode === 'off' || !settings.platforms.includes(state.platform)) {
          repos.surveys.close(survey.conversationId, 'scheduled', 'cancelled', now);
          continue;
        }
        const customer = repos.conversations.customer(state.customerId);
        const account = repos.workspace.account(state.accountId);
        const question = surveyQuestionFor({ ...settings, mode: survey.kind }, state.language ?? customer?.language ?? null, state.platform, {
          mastodonLimit: account?.replyLimit ?? undefined,
        });
        if (!question) {
          logger.warn('no survey question fits this platform', { conversationId: survey.conversationId, platform: state.platform });
          repos.surveys.close(survey.conversationId, 'scheduled', 'cancelled', now);
          continue;
        }
        const messageId = this.queue(state.id, state.accountId, question.body, question.language, now);
        repos.surveys.markSent(state.id, messageId, question.language, now);
        sent.push(state.id);
      }
    })();
    if (sent.length > 0) {
      this.deps.events.emit('changes', { tables: ['messages', 'outbox', 'surveys'], conversationIds: sent });
      this.deps.onQueued();
    }
    return sent;
  }

  /** The question as a reply of the desk (no agent), through the outbox like any reply. */
  private queue(conversationId: number, accountId: string, body: string, language: string, now: number): number {
    const { repos } = this.deps;
    const clientId = randomUUID();
    const firstNewId = repos.messages.maxId();
    const id = repos.messages.insertReturningId({
      conversationId,
      accountId,
      platformId: null,
      direction: 'out',
      customerId: null,
      agentId: null,
      body,
      language,
      urgent: false,
      createdAt: now,
      status: 'queued',
      clientId,
    });
    repos.messages.indexSince(firstNewId);
    // Not an answer to the customer: a failed survey gives nothing back to wait for.
    repos.outbox.add({ id: clientId, accountId, conversationId, messageId: id, restoreAwaitingSince: null, now });
    return id;
  }

  /** For ingest: the first customer message after a survey went out is its answer, or ends it. */
  readonly readReply: SurveyReplyReader = ({ conversationId, messageId, body, language, createdAt }) => {
    const { repos } = this.deps;
    const survey = repos.surveys.get(conversationId);
    if (!survey || survey.state !== 'sent' || survey.sentAt === null || createdAt < survey.sentAt) return null;
    const now = this.deps.clock.now();
    if (createdAt - survey.sentAt > SURVEY_ANSWER_WINDOW_MS) {
      repos.surveys.close(conversationId, 'sent', 'expired', now);
      return null;
    }
    const answer = parseSurveyAnswer(survey.kind, body, language ?? survey.language);
    if (!answer) {
      // They wrote about something else: the survey is over, the conversation reopens.
      repos.surveys.close(conversationId, 'sent', 'expired', now);
      return { keepResolved: false };
    }
    this.sink.record({ conversationId, messageId, kind: survey.kind, score: answer.score, confidence: answer.confidence, answeredAt: createdAt });
    repos.surveys.close(conversationId, 'sent', 'answered', now);
    return { keepResolved: !answer.saysMore };
  };

  start(): void {
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    this.timer.cancel();
  }

  /** Something was scheduled: look again at once. */
  poke(): void {
    if (this.running) this.timer.schedule(0);
  }

  private tick(): void {
    if (!this.running) return;
    try {
      this.sendDue();
    } catch (error) {
      this.deps.logger.error('could not send surveys', { error: String(error) });
    }
    const next = this.deps.repos.surveys.nextDueAt();
    this.timer.schedule(next === null ? TICK_MS : Math.min(TICK_MS, Math.max(0, next - this.deps.clock.now())));
  }
}

