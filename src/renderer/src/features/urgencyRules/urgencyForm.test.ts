import { describe, expect, it } from 'vitest';
import { DEFAULT_URGENCY_RULES, parseUrgencyRules, urgencyRulesSchema, type UrgencyRules } from '@shared/urgency';
import {
  cleanTerms,
  emptyLanguageRow,
  emptyVipRow,
  fieldPath,
  firstUrgencyError,
  numberSeparators,
  readNumber,
  sentimentBand,
  toFormValues,
  toUrgencyRules,
  validateUrgencyForm,
  type RuleValues,
  type UrgencyFormValues,
} from './urgencyForm';

function rule<K extends RuleValues['kind']>(values: UrgencyFormValues, kind: K): Extract<RuleValues, { kind: K }> {
  return values.rules.find((r) => r.kind === kind) as Extract<RuleValues, { kind: K }>;
}

const mixed: UrgencyRules = parseUrgencyRules({
  version: 1,
  rules: [
    { id: 'kw', kind: 'keywords', mustInterrupt: true, terms: { en: ['outage', 'legal action'], 'pt-BR': ['fora do ar'] } },
    { id: 'big', kind: 'followers', threshold: 50_000, enabled: false },
    {
      id: 'vips',
      kind: 'vip',
      customers: [{ handle: '@acme', label: 'Acme Corp' }, { platform: 'x', platformId: '12345' }, { platform: 'mastodon', platformId: '9', handle: 'n@m.social' }],
    },
    { id: 'blue', kind: 'verified', enabled: false },
    { id: 'neg', kind: 'negativeSentiment', threshold: -0.75, mustInterrupt: true },
    { id: 'kw-2', kind: 'keywords', terms: {} },
  ],
  spikes: { enabled: false, mustInterrupt: true, minMessages: 7, windowMinutes: 2.5 },
});

describe('urgency rules form', () => {
  it('round-trips the rules unchanged: every rule, in order, with its id, switches and values', () => {
    for (const rules of [DEFAULT_URGENCY_RULES, mixed]) {
      const values = toFormValues(rules);
      expect(validateUrgencyForm(values)).toEqual({});
      expect(toUrgencyRules(values)).toEqual(rules);
    }
  });

  it('saves what the agent changed, in the shape the core accepts', () => {
    const values = toFormValues(DEFAULT_URGENCY_RULES);
    const keywords = rule(values, 'keywords');
    keywords.mustInterrupt = true;
    keywords.languages.find((l) => l.language === 'es')!.terms.push('  equipaje   perdido ', 'Equipaje perdido', '');
    keywords.languages.push({ ...emptyLanguageRow(), language: ' it ', terms: ['rimborso'] });
    keywords.languages = keywords.languages.filter((l) => l.language !== 'ja');
    rule(values, 'followers').threshold = '25000';
    rule(values, 'vip').customers.push({ ...emptyVipRow(), handle: ' @vipcustomer ', platform: 'x' }, { ...emptyVipRow(), platformId: '42', label: ' Big Co ' });
    rule(values, 'negativeSentiment').threshold = -0.9;
    values.spikes.minMessages = 12;

    expect(validateUrgencyForm(values)).toEqual({});
    const saved = toUrgencyRules(values);
    expect(urgencyRulesSchema.parse(saved)).toEqual(saved);
    const kw = saved.rules.find((r) => r.kind === 'keywords')!;
    expect(kw.mustInterrupt).toBe(true);
    expect(kw.kind === 'keywords' && kw.terms.es!.slice(-1)).toEqual(['equipaje perdido']);
    expect(kw.kind === 'keywords' && kw.terms.it).toEqual(['rimborso']);
    expect(kw.kind === 'keywords' && 'ja' in kw.terms).toBe(false);
    expect(saved.rules.find((r) => r.kind === 'followers')).toMatchObject({ threshold: 25_000 });
    expect(saved.rules.find((r) => r.kind === 'vip')).toMatchObject({
      customers: [{ handle: '@vipcustomer', platform: 'x' }, { platformId: '42', label: 'Big Co' }],
    });
    expect(saved.rules.find((r) => r.kind === 'negativeSentiment')).toMatchObject({ threshold: -0.9 });
    expect(saved.spikes).toEqual({ enabled: true, mustInterrupt: false, minMessages: 12, windowMinutes: 10 });
  });

  it('names each bad field, in the order of the form', () => {
    const values = toFormValues(mixed);
    const keywords = rule(values, 'keywords');
    const blank = { ...emptyLanguageRow(), terms: ['x'] };
    const bad = { ...emptyLanguageRow(), language: 'english', terms: [] };
    const twice = { ...emptyLanguageRow(), language: 'EN', terms: [] };
    const long = { ...emptyLanguageRow(), language: 'fr', terms: ['a'.repeat(101)] };
    keywords.languages.push(blank, bad, twice, long);
    rule(values, 'followers').threshold = -5;
    const nobody = { ...emptyVipRow(), label: 'l'.repeat(101) };
    rule(values, 'vip').customers.push(nobody);
    values.spikes.minMessages = 1;
    values.spikes.windowMinutes = '';

    const errors = validateUrgencyForm(values);
    expect(errors).toEqual({
      [fieldPath.language('kw', blank.key)]: 'languageRequired',
      [fieldPath.language('kw', bad.key)]: 'languageInvalid',
      [fieldPath.language('kw', twice.key)]: 'languageDuplicate',
      [fieldPath.terms('kw', long.key)]: 'termTooLong',
      [fieldPath.threshold('big')]: 'thresholdNegative',
      [fieldPath.vipHandle('vips', nobody.key)]: 'vipWho',
      [fieldPath.vipLabel('vips', nobody.key)]: 'vipLabelTooLong',
      [fieldPath.spikeMessages()]: 'spikeMessages',
      [fieldPath.spikeMinutes()]: 'spikeMinutes',
    });
    expect(firstUrgencyError(errors)).toBe(fieldPath.language('kw', blank.key));
  });

  it('wants a whole follower count, typed or empty', () => {
    const values = toFormValues(DEFAULT_URGENCY_RULES);
    const followers = rule(values, 'followers');
    const check = (threshold: number | string) => {
      followers.threshold = threshold;
      return validateUrgencyForm(values)[fieldPath.threshold('followers')];
    };
    expect(check('')).toBe('thresholdRequired');
    expect(check('-')).toBe('thresholdRequired');
    expect(check(1.5)).toBe('thresholdWhole');
    expect(check('-1')).toBe('thresholdNegative');
    expect(check(0)).toBeUndefined();
    expect(check('1,000,000')).toBeUndefined();
    expect(toUrgencyRules(values).rules.find((r) => r.kind === 'followers')).toMatchObject({ threshold: 1_000_000 });
  });

  it('reads typed numbers and cleans terms', () => {
    expect(readNumber(' 12 500 ')).toBe(12_500);
    expect(readNumber('abc')).toBeNull();
    expect(readNumber(Number.NaN)).toBeNull();
    expect(cleanTerms([' a  b ', 'A B', '', 'c'])).toEqual(['a b', 'c']);
  });

  it('says a sentiment threshold in plain words', () => {
    expect([-1, -0.8, -0.6, -0.5, -0.3, -0.1, 0].map(sentimentBand)).toEqual(['furious', 'furious', 'angry', 'angry', 'unhappy', 'anyNegative', 'anyNegative']);
  });

  it("knows the locale's digit grouping", () => {
    expect(numberSeparators('en-US')).toEqual({ group: ',', decimal: '.' });
    expect(numberSeparators('de-DE')).toEqual({ group: '.', decimal: ',' });
  });
});
