import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './businessHours';
import { businessCalendarSchema } from './businessHours';
import { NO_DEADLINE } from './domain';
import {
  DEFAULT_SLA_POLICIES,
  matchPolicy,
  resolutionSpentAfterAnswer,
  slaDeadlines,
  slaMatchSchema,
  slaPolicySchema,
  type ResolvedSlaPolicy,
  type SlaSubject,
} from './sla';

const MIN = 60_000;
const HOUR = 60 * MIN;
const riga = (iso: string) => Date.parse(iso);

const officeHours: BusinessCalendar = businessCalendarSchema.parse({
  zone: 'Europe/Riga',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [{ date: '2026-11-18', name: 'Proclamation Day' }],
});

const policy = (over: Partial<ResolvedSlaPolicy>): ResolvedSlaPolicy => ({
  id: 'p',
  name: 'P',
  match: {},
  firstResponseSeconds: 3600,
  nextResponseSeconds: 7200,
  resolutionSeconds: null,
  calendarId: null,
  calendar: null,
  nearBreachShare: 0.75,
  autoAck: { enabled: false, messages: {} },
  ...over,
});

const subject = (over: Partial<SlaSubject> = {}): SlaSubject => ({
  accountId: 'acc',
  platform: 'x',
  kind: 'mention',
  priority: 'normal',
  language: 'en',
  intent: null,
  vip: false,
  status: 'open',
  awaitingSince: riga('2026-11-20T10:00:00+02:00'),
  firstRespondedAt: null,
  resolutionSpentMs: 0,
  ...over,
});

describe('SLA policies', () => {
  it('match by account, platform, kind, priority, language, intent and VIP; the first match wins', () => {
    const policies = [
      policy({ id: 'vip', match: { vip: true } }),
      policy({ id: 'sales-pt', match: { intents: ['sales'], languages: ['pt'] } }),
      policy({ id: 'x-dm', match: { platforms: ['x'], kinds: ['dm'], accountIds: ['acc'] } }),
      policy({ id: 'urgent', match: { priorities: ['urgent'] } }),
      policy({ id: 'rest', match: {} }),
    ];
    const id = (over: Partial<SlaSubject>) => matchPolicy(policies, subject(over))?.id;
    expect(id({ vip: true, priority: 'urgent' })).toBe('vip');
    expect(id({ intent: 'sales', language: 'pt-BR' })).toBe('sales-pt');
    expect(id({ intent: 'sales', language: 'es' })).toBe('rest');
    expect(id({ intent: null, language: 'pt' })).toBe('rest');
    expect(id({ kind: 'dm' })).toBe('x-dm');
    expect(id({ kind: 'dm', accountId: 'other' })).toBe('rest');
    expect(id({ priority: 'urgent' })).toBe('urgent');
    // 'pt-BR' asks for exactly that.
    expect(matchPolicy([policy({ match: { languages: ['pt-BR'] } })], subject({ language: 'pt' }))).toBeNull();
  });

  it('reads policies saved with one value per condition', () => {
    expect(slaMatchSchema.parse({ priority: 'urgent', kind: 'email' })).toEqual({ priorities: ['urgent'], kinds: ['email'] });
    expect(matchPolicy(DEFAULT_SLA_POLICIES, subject({ kind: 'email' }))?.id).toBe('email');
  });

  it('refuses settings that make no sense, saying which', () => {
    const valid = { ...policy({}), calendar: undefined };
    delete valid.calendar;
    expect(slaPolicySchema.safeParse(valid).success).toBe(true);
    const issues = (over: object) => slaPolicySchema.safeParse({ ...valid, ...over }).error?.issues.map((i) => i.message);
    expect(issues({ firstResponseSeconds: 10 })).toEqual(['First response: at least one minute']);
    expect(issues({ nearBreachShare: 1 })).toEqual(['Warn at 95 % of the target or earlier']);
    expect(issues({ match: { languages: ['portuguese!'] } })).toEqual(['Use a language tag such as en, pt or pt-BR']);
    expect(issues({ autoAck: { enabled: true, messages: { de: 'Danke' } } })).toEqual(['An acknowledgement in English (en) is needed as the fallback']);
  });
});

describe('deadlines', () => {
  it('run on calendar time without a business calendar, and warn at the share of the target', () => {
    const s = subject();
    expect(slaDeadlines([policy({})], s)).toEqual({ policyId: 'p', dueAt: s.awaitingSince! + HOUR, warnAt: s.awaitingSince! + 45 * MIN });
    expect(slaDeadlines([policy({})], subject({ firstRespondedAt: 1 })).dueAt).toBe(s.awaitingSince! + 2 * HOUR);
  });

  it('count only open hours: a message on Friday evening is due on Monday morning', () => {
    const p = policy({ calendarId: 'riga', calendar: officeHours });
    const friday = subject({ awaitingSince: riga('2026-11-20T17:30:00+02:00') });
    const { dueAt, warnAt } = slaDeadlines([p], friday);
    expect(new Date(dueAt).toISOString()).toBe('2026-11-23T07:30:00.000Z'); // Mon 09:30 in Riga
    expect(new Date(warnAt).toISOString()).toBe('2026-11-23T07:15:00.000Z');
    // The holiday is skipped: Tuesday 17:45 + 1 h open time = Thursday 09:45 (Wednesday is closed).
    const tuesday = subject({ awaitingSince: riga('2026-11-17T17:45:00+02:00') });
    expect(new Date(slaDeadlines([p], tuesday).dueAt).toISOString()).toBe('2026-11-19T07:45:00.000Z');
  });

  it('stop while the agent awaits the customer, and when nothing awaits', () => {
    expect(slaDeadlines([policy({})], subject({ awaitingSince: null }))).toEqual({ policyId: 'p', dueAt: NO_DEADLINE, warnAt: NO_DEADLINE });
    expect(slaDeadlines([policy({})], subject({ status: 'resolved' })).dueAt).toBe(NO_DEADLINE);
    expect(slaDeadlines([], subject())).toEqual({ policyId: null, dueAt: NO_DEADLINE, warnAt: NO_DEADLINE });
  });

  it('keep the resolution clock across waits on the customer: it resumes with what is left', () => {
    const p = policy({ resolutionSeconds: 3 * 3600, firstResponseSeconds: 8 * 3600, nextResponseSeconds: 8 * 3600 });
    const start = subject();
    expect(slaDeadlines([p], start).dueAt).toBe(start.awaitingSince! + 3 * HOUR);
    // Answered after 2 h: 2 h spent. The customer writes back a day later: 1 h is left.
    const spent = resolutionSpentAfterAnswer([p], start, start.awaitingSince! + 2 * HOUR);
    expect(spent).toBe(2 * HOUR);
    const later = subject({ awaitingSince: start.awaitingSince! + 26 * HOUR, firstRespondedAt: 1, resolutionSpentMs: spent });
    expect(slaDeadlines([p], later)).toEqual({ policyId: 'p', dueAt: later.awaitingSince! + HOUR, warnAt: later.awaitingSince! + 15 * MIN });
    // With business hours, only open time is spent: 17:00 to Monday 10:00 is 2 open hours.
    const q = { ...p, calendar: officeHours };
    const friday = subject({ awaitingSince: riga('2026-11-20T17:00:00+02:00') });
    expect(resolutionSpentAfterAnswer([q], friday, riga('2026-11-23T10:00:00+02:00'))).toBe(2 * HOUR);
  });

  it('never comes for a calendar that never opens again', () => {
    const closed = businessCalendarSchema.parse({ zone: 'Europe/Riga', weekly: { mon: [{ start: '09:00', end: '10:00' }] }, holidays: [] });
    // Valid on its own, but a policy whose calendar has no open time left yields no deadline.
    const p = policy({ calendar: { ...closed, weekly: {} } as BusinessCalendar });
    expect(slaDeadlines([p], subject()).dueAt).toBe(NO_DEADLINE);
  });
});
