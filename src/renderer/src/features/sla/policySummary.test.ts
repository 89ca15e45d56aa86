import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '@shared/locales/en.json';
import type { SlaPolicy } from '@shared/sla';
import { conditionLabels, matchesEverything, policiesUsing, summariseConditions, unreachablePolicies } from './policySummary';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });
const labels = conditionLabels(i18n.t, 'en', [{ id: 'demo-x', platform: 'x', name: 'Aurora Air Support' }]);

const policy = (id: string, match: SlaPolicy['match'], calendarId: string | null = null): SlaPolicy => ({
  id,
  name: id,
  match,
  firstResponseSeconds: 60,
  nextResponseSeconds: 60,
  resolutionSeconds: null,
  calendarId,
  nearBreachShare: 0.75,
  autoAck: { enabled: false, messages: {} },
});

describe('policy conditions in words', () => {
  it('reads like the admin thinks of them', () => {
    expect(summariseConditions({ priorities: ['urgent'], platforms: ['x', 'bluesky'], languages: ['es', 'pt'], vip: true }, labels)).toBe(
      'Urgent · X, Bluesky · Spanish, Portuguese · VIP',
    );
    expect(summariseConditions({ accountIds: ['demo-x', 'gone'], kinds: ['dm', 'email'], intents: ['sales'], vip: false }, labels)).toBe(
      'X (Aurora Air Support), gone · DM, Email · Sales · Not VIP',
    );
    expect(summariseConditions({ languages: ['pt-BR'] }, labels)).toBe('Brazilian Portuguese');
    expect(summariseConditions({}, labels)).toBe('All conversations');
  });

  it('uses the locale for lists and language names', () => {
    const de = conditionLabels(i18n.t, 'de', []);
    expect(summariseConditions({ languages: ['es', 'pt'] }, de)).toBe('Spanisch, Portugiesisch');
  });

  it('flags the policies below one that matches everything', () => {
    const policies = [policy('urgent', { priorities: ['urgent'] }), policy('social', {}), policy('email', { kinds: ['email'] }), policy('vip', { vip: true })];
    expect(matchesEverything({})).toBe(true);
    expect(matchesEverything({ vip: false })).toBe(false);
    expect([...unreachablePolicies(policies)]).toEqual([
      ['email', 'social'],
      ['vip', 'social'],
    ]);
    expect(unreachablePolicies(policies.slice(0, 1)).size).toBe(0);
  });

  it('names the policies that count in a calendar, in their order', () => {
    const policies = [policy('b', {}, 'riga'), policy('a', {}, null), policy('c', {}, 'riga')];
    expect(policiesUsing(policies, 'riga')).toEqual(['b', 'c']);
    expect(policiesUsing(policies, 'other')).toEqual([]);
  });
});
