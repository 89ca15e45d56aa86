import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_QUESTIONS, DEFAULT_SURVEY_SETTINGS, type SurveySettings } from '@shared/surveys/surveySettings';
import type { InboundItem } from '../connectors/connector';
import { ACCOUNT_ID, inbound, makeRepos, manualClock, T0, tempDir } from '../../../../test/support/coreFixtures';
import { silentLogger } from '../adapters/logger';
import { EventBus } from '../events';
import type { Repos } from '../repos';
import { ingestPage } from '../sync/ingest';
import { SurveyService, type SurveyAnswerSink } from './surveyService';

const MINUTE = 60_000;
const open: Repos[] = [];

function setUp(settings: Partial<SurveySettings> = { mode: 'csat' }, path = join(tempDir('shiftdesk-surveys-'), 'shiftdesk.sqlite')) {
  const repos = makeRepos(path);
  open.push(repos);
  const clock = manualClock(T0);
  let queued = 0;
  const surveys = new SurveyService({ repos, clock, events: new EventBus(), logger: silentLogger, onQueued: () => queued++ });
  surveys.save({ ...DEFAULT_SURVEY_SETTINGS, ...settings });
  const ingest = (items: InboundItem[]) =>
    ingestPage(repos, ACCOUNT_ID, items, `c${clock.now()}`, [], clock.now(), { readSurveyReply: surveys.readReply });
  /** A conversation with the customer's message in `language`, answered and resolved by the agent. */
  const resolvedConversation = (thread: string, language = 'en') => {
    ingest([inbound({ thread, user: `u-${thread}`, language, body: 'My order never arrived', createdAt: clock.now() })]);
    const id = repos.conversations.stateByPlatformId(ACCOUNT_ID, thread)!.id;
    resolve(id);
    return id;
  };
  const resolve = (id: number) => {
    repos.conversations.patch(id, { status: 'resolved', awaitingSince: null });
    surveys.resolved(id);
  };
  const surveyMessages = (id: number) => repos.messages.forConversation(id).filter((m) => m.direction === 'out');
  return { repos, clock, surveys, ingest, resolvedConversation, resolve, surveyMessages, queued: () => queued, path };
}

afterEach(() => {
  for (const repos of open.splice(0)) if (repos.db.open) repos.db.close();
});

describe('survey after resolution', () => {
  it("is queued once through the outbox, in the customer's language, after the delay", () => {
    const t = setUp({ mode: 'csat', delayMinutes: 30 });
    const id = t.resolvedConversation('t1', 'es');
    t.clock.advance(29 * MINUTE);
    expect(t.surveys.sendDue()).toEqual([]);
    t.clock.advance(MINUTE);
    expect(t.surveys.sendDue()).toEqual([id]);
    expect(t.queued()).toBe(1);
    expect(t.surveyMessages(id).map((m) => [m.status, m.body, m.surveyQuestion])).toEqual([['queued', DEFAULT_SURVEY_QUESTIONS.csat.es, true]]);
    expect(t.repos.outbox.counts()).toEqual([expect.objectContaining({ accountId: ACCOUNT_ID, state: 'pending', n: 1 })]);
    expect(t.repos.surveys.get(id)).toMatchObject({ state: 'sent', language: 'es', kind: 'csat' });
    // Not an answer: the conversation stays resolved, nothing awaits the agent.
    expect(t.repos.conversations.state(id)).toMatchObject({ status: 'resolved', awaitingSince: null });

    // Reopened and resolved again, later: never a second survey.
    t.resolve(id);
    t.clock.advance(60 * MINUTE);
    expect(t.surveys.sendDue()).toEqual([]);
    expect(t.surveyMessages(id)).toHaveLength(1);
  });

  it('is not sent when the conversation reopens before it goes out; a later resolution schedules it again', () => {
    const t = setUp({ mode: 'nps', delayMinutes: 10 });
    const id = t.resolvedConversation('t2', 'de');
    // The customer writes again before the survey is due: the conversation reopens.
    t.clock.advance(5 * MINUTE);
    t.ingest([inbound({ thread: 't2', user: 'u-t2', body: 'Noch eine Frage', language: 'de', createdAt: t.clock.now() })]);
    expect(t.repos.conversations.state(id)!.status).toBe('open');
    t.clock.advance(10 * MINUTE);
    expect(t.surveys.sendDue()).toEqual([]);
    expect(t.repos.surveys.get(id)!.state).toBe('cancelled');
    expect(t.surveyMessages(id)).toEqual([]);

    t.resolve(id);
    t.clock.advance(10 * MINUTE);
    expect(t.surveys.sendDue()).toEqual([id]);
    expect(t.surveyMessages(id).map((m) => m.body)).toEqual([DEFAULT_SURVEY_QUESTIONS.nps.de]);
  });

  it('is not sent when surveys are off or not asked for on that platform', () => {
    const off = setUp({ mode: 'off' });
    off.resolvedConversation('t3');
    expect(off.surveys.sendDue()).toEqual([]);
    const emailOnly = setUp({ mode: 'csat', platforms: ['email'] });
    emailOnly.resolvedConversation('t4');
    expect(emailOnly.surveys.sendDue()).toEqual([]);
    expect(emailOnly.repos.outbox.counts()).toEqual([]);
  });

  it('survives a restart while it waits (scheduled in the replica, not in memory)', () => {
    const t = setUp({ mode: 'csat', delayMinutes: 60 });
    const id = t.resolvedConversation('t5', 'pt-BR');
    t.repos.db.close();
    const again = setUp({ mode: 'csat', delayMinutes: 60 }, t.path);
    again.clock.set(T0 + 61 * MINUTE);
    expect(again.surveys.sendDue()).toEqual([id]);
    expect(again.surveyMessages(id).map((m) => m.body)).toEqual([DEFAULT_SURVEY_QUESTIONS.csat['pt-BR']]);
  });
});

describe('survey answers', () => {
  function sent(language = 'en', settings: Partial<SurveySettings> = { mode: 'csat' }) {
    const t = setUp(settings);
    const thread = `a-${Math.random()}`;
    const id = t.resolvedConversation(thread, language);
    t.surveys.sendDue();
    t.clock.advance(5 * MINUTE);
    const reply = (body: string, replyLanguage: string | null = language) =>
      t.ingest([inbound({ thread, user: `u-${thread}`, body, language: replyLanguage, createdAt: t.clock.now() })]);
    return { ...t, id, reply };
  }

  it("records the answer on the customer's message and leaves the conversation resolved", () => {
    const t = sent('ar');
    t.reply('٤');
    expect(t.repos.surveys.answers(t.id)).toEqual([expect.objectContaining({ kind: 'csat', score: 4, confidence: 0.95 })]);
    expect(t.repos.surveys.get(t.id)!.state).toBe('answered');
    expect(t.repos.events.forConversation(t.id).filter((e) => e.kind === 'survey_answer')).toEqual([expect.objectContaining({ surveyKind: 'csat', score: 4 })]);
    expect(t.repos.conversations.state(t.id)).toMatchObject({ status: 'resolved', awaitingSince: null });
    const answer = t.repos.messages.forConversation(t.id).at(-1)!;
    expect(answer).toMatchObject({ body: '٤', direction: 'in', survey: { kind: 'csat', score: 4 } });
  });

  it('reads a word in their language, and an NPS grade', () => {
    const es = sent('es');
    es.reply('muy bien, gracias');
    expect(es.repos.surveys.answers(es.id).map((a) => a.score)).toEqual([5]);
    const nps = sent('fr', { mode: 'nps' });
    nps.reply('9 sur 10');
    expect(nps.repos.surveys.answers(nps.id).map((a) => [a.kind, a.score])).toEqual([['nps', 9]]);
  });

  it('reopens the conversation when the answer says more, and records the answer', () => {
    const t = sent();
    t.reply('2 - and my refund is still missing');
    expect(t.repos.surveys.answers(t.id).map((a) => a.score)).toEqual([2]);
    expect(t.repos.conversations.state(t.id)!.status).toBe('open');
  });

  it('ends the survey unanswered when the next reply is about something else; later numbers are not read', () => {
    const t = sent();
    t.reply('I have 2 problems with the new order');
    expect(t.repos.surveys.get(t.id)!.state).toBe('expired');
    expect(t.repos.conversations.state(t.id)!.status).toBe('open');
    t.clock.advance(MINUTE);
    t.reply('5');
    expect(t.repos.surveys.answers(t.id)).toEqual([]);
  });

  it('records through the sink it is given (the reports events at merge)', () => {
    const t = setUp();
    const recorded: unknown[] = [];
    const sink: SurveyAnswerSink = { record: (a) => recorded.push(a) };
    const surveys = new SurveyService({ repos: t.repos, clock: t.clock, events: new EventBus(), logger: silentLogger, sink, onQueued: () => {} });
    t.ingest([inbound({ thread: 's', user: 'u-s', language: 'ja', createdAt: t.clock.now() })]);
    const id = t.repos.conversations.stateByPlatformId(ACCOUNT_ID, 's')!.id;
    t.repos.conversations.patch(id, { status: 'resolved', awaitingSince: null });
    surveys.resolved(id);
    surveys.sendDue();
    ingestPage(t.repos, ACCOUNT_ID, [inbound({ thread: 's', user: 'u-s', body: '最高です', language: 'ja', createdAt: t.clock.now() + 1 })], 'x', [], t.clock.now(), {
      readSurveyReply: surveys.readReply,
    });
    expect(recorded).toEqual([expect.objectContaining({ conversationId: id, kind: 'csat', score: 5 })]);
    expect(t.repos.surveys.answers(id)).toEqual([]);
  });
});
