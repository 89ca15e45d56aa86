import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '@shared/businessHours';
import type { ResolvedSlaPolicy } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, T0 } from '../../../../test/support/coreFixtures';
import { ingestPage } from '../sync/ingest';
import { acknowledgementFor, expectedResponse, fillAcknowledgement } from './autoAck';

const messages = {
  en: 'Hi {{customer}}, thanks for writing. We will answer within {{expected}}.',
  pt: 'Olá {{customer}}, obrigado. Respondemos dentro de {{expected}}.',
  de: 'Hallo {{ customer }}, danke! Antwort bis {{expected}}.',
};

function policy(over: Partial<ResolvedSlaPolicy> = {}): ResolvedSlaPolicy {
  return {
    id: 'ack',
    name: 'Acknowledged',
    match: {},
    firstResponseSeconds: 3600,
    nextResponseSeconds: 7200,
    resolutionSeconds: null,
    calendarId: null,
    calendar: null,
    nearBreachShare: 0.75,
    autoAck: { enabled: true, messages },
    ...over,
  };
}

describe('auto-acknowledgement', () => {
  it('picks the customer\'s language, falling back from pt-BR to pt to English', () => {
    const autoAck = { enabled: true, messages };
    expect(acknowledgementFor(autoAck, 'pt-BR')?.language).toBe('pt');
    expect(acknowledgementFor(autoAck, 'DE')?.language).toBe('de');
    expect(acknowledgementFor(autoAck, 'ja')?.language).toBe('en');
    expect(acknowledgementFor(autoAck, null)?.language).toBe('en');
    expect(fillAcknowledgement(messages.de, { customer: 'Jonas', expected: 'Montag' })).toBe('Hallo Jonas, danke! Antwort bis Montag.');
  });

  it('says the expected time in words while the desk is open, else the day and time it opens to answer', () => {
    expect(expectedResponse(T0 + 3600_000, T0, 3600_000, 'en', 'UTC')).toBe('1 hour');
    expect(expectedResponse(T0 + 1800_000, T0, 1800_000, 'pt', 'UTC')).toBe('30 minutos');
    expect(expectedResponse(T0 + 86_400_000, T0, 86_400_000, 'de', 'UTC')).toBe('1 Tag');
    // Closed until Tuesday 09:00 in Riga.
    expect(expectedResponse(Date.parse('2026-11-24T07:30:00Z'), T0, 3600_000, 'en', 'Europe/Riga')).toMatch(/^Tuesday,? 9:30\sAM (EET|GMT\+2)$/);
  });

  it('is queued for a fresh conversation in its language without stopping the response clock, once', () => {
    const repos = makeRepos();
    const question = inbound({ thread: 't1', user: 'ana', createdAt: T0, language: 'pt-BR' });
    question.author.displayName = 'Ana Costa';
    const result = ingestPage(repos, ACCOUNT_ID, [question], 'c1', [policy()], T0 + 1000);
    expect(result.autoAcknowledged).toBe(1);
    const conversation = repos.conversations.stateByPlatformId(ACCOUNT_ID, 't1')!;
    const sent = repos.messages.forConversation(conversation.id);
    expect(sent.map((m) => [m.direction, m.status, m.body])).toEqual([
      ['in', 'received', question.body],
      ['out', 'queued', 'Olá Ana, obrigado. Respondemos dentro de 1 hora.'],
    ]);
    expect(repos.outbox.counts()).toEqual([expect.objectContaining({ accountId: ACCOUNT_ID, n: 1 })]);
    // Still awaiting the agent: the acknowledgement is not an answer.
    expect(conversation).toMatchObject({ awaitingSince: T0, firstRespondedAt: null, dueAt: T0 + 3600_000 });
    // The same page again, or the customer's next message: no second acknowledgement.
    expect(ingestPage(repos, ACCOUNT_ID, [question], 'c1', [policy()], T0 + 2000).autoAcknowledged).toBe(0);
    expect(ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 't1', user: 'ana', createdAt: T0 + 5000 })], 'c2', [policy()], T0 + 6000).autoAcknowledged).toBe(0);
  });

  it('is not sent for a backlog, when the policy does not ask, or for listening hits', () => {
    const repos = makeRepos();
    const old = inbound({ thread: 'old', createdAt: T0 - 3 * 3600_000 });
    expect(ingestPage(repos, ACCOUNT_ID, [old], 'c1', [policy()], T0).autoAcknowledged).toBe(0);
    const off = policy({ autoAck: { enabled: false, messages } });
    expect(ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'off', createdAt: T0 })], 'c2', [off], T0).autoAcknowledged).toBe(0);
    const hit = ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'hit', createdAt: T0 })], 'c3', [policy()], T0, { listening: { intent: 'sales' }, saveCursor: () => {} });
    expect(hit.autoAcknowledged).toBe(0);
  });

  it('tells when the desk opens, in its calendar\'s zone, outside business hours', () => {
    const repos = makeRepos();
    const calendar = businessCalendarSchema.parse({ zone: 'Europe/Riga', weekly: { tue: [{ start: '09:00', end: '17:00' }] } });
    ingestPage(repos, ACCOUNT_ID, [inbound({ thread: 'late', user: 'bo', createdAt: T0 })], 'c', [policy({ calendarId: 'riga', calendar })], T0);
    const conversation = repos.conversations.stateByPlatformId(ACCOUNT_ID, 'late')!;
    expect(repos.messages.forConversation(conversation.id).at(-1)!.body).toMatch(/^Hi Customer, thanks for writing\. We will answer within Tuesday,? 10:00\sAM (EET|GMT\+2)\.$/);
  });
});
