import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES, slaPolicySchema, type SlaPolicy } from '@shared/sla';
import { emptyPolicyValues, firstPolicyError, nextAckLanguage, policyToValues, validatePolicy, valuesToMatch, valuesToPolicy, type PolicyValues } from './policyForm';

const ACK = 'Hi {{customer}}, we answer within {{expected}}.';

const vipOnX: SlaPolicy = {
  id: 'vip-x',
  name: 'VIP on X',
  match: { platforms: ['x', 'bluesky'], priorities: ['urgent'], languages: ['es', 'pt-BR'], vip: true },
  firstResponseSeconds: 5 * 60,
  nextResponseSeconds: 90 * 60,
  resolutionSeconds: 2 * 86_400,
  calendarId: 'riga',
  nearBreachShare: 0.8,
  autoAck: { enabled: true, messages: { es: 'Hola {{customer}}', en: 'Hello {{customer}}' } },
};

describe('policy form values', () => {
  it('round-trips a policy through the form unchanged', () => {
    const values = policyToValues(vipOnX, ACK);
    expect(values.firstResponse).toEqual({ amount: 5, unit: 'minutes' });
    expect(values.nextResponse).toEqual({ amount: 90, unit: 'minutes' });
    expect(values.resolution).toEqual({ amount: 2, unit: 'days' });
    expect(values.warnPercent).toBe(80);
    expect(values.vip).toBe('yes');
    // English first.
    expect(values.ackMessages.map((m) => m.language)).toEqual(['en', 'es']);
    expect(validatePolicy(values, ['riga'])).toEqual({});
    expect(valuesToPolicy(values, 'vip-x')).toEqual(vipOnX);
  });

  it('round-trips the default policies, and what it saves passes the core schema', () => {
    for (const { calendar: _calendar, ...policy } of DEFAULT_SLA_POLICIES) {
      const values = policyToValues(policy, ACK);
      expect(validatePolicy(values, [])).toEqual({});
      const saved = valuesToPolicy(values, policy.id);
      // Switched off, the offered English message is kept for when it is switched on.
      expect(saved).toEqual({ ...policy, autoAck: { enabled: false, messages: { en: ACK } } });
      expect(slaPolicySchema.safeParse(saved).success).toBe(true);
    }
  });

  it('a new policy: every condition open, 1 h / 2 h around the clock, warned at 75 %, no acknowledgement sent', () => {
    const values = emptyPolicyValues(ACK);
    const policy = valuesToPolicy({ ...values, name: ' Everything ' }, 'p1');
    expect(policy).toEqual({
      id: 'p1',
      name: 'Everything',
      match: {},
      firstResponseSeconds: 3600,
      nextResponseSeconds: 7200,
      resolutionSeconds: null,
      calendarId: null,
      nearBreachShare: 0.75,
      autoAck: { enabled: false, messages: { en: ACK } },
    });
    expect(slaPolicySchema.safeParse(policy).success).toBe(true);
  });

  it('keeps only the conditions that are set, without duplicates; VIP any / yes / no', () => {
    const values: PolicyValues = { ...emptyPolicyValues(ACK), accountIds: ['demo-x', 'demo-x'], languages: [' es '], vip: 'no' };
    expect(valuesToMatch(values)).toEqual({ accountIds: ['demo-x'], languages: ['es'], vip: false });
    expect(valuesToMatch({ ...values, vip: 'any' })).not.toHaveProperty('vip');
  });

  it('says what is wrong per field, and which field comes first', () => {
    const values: PolicyValues = {
      ...emptyPolicyValues(ACK),
      name: '  ',
      languages: ['es', 'spanish!'],
      firstResponse: { amount: '', unit: 'minutes' },
      nextResponse: { amount: 30, unit: 'days' },
      resolution: { amount: 0.2, unit: 'minutes' },
      calendarId: 'gone',
      warnPercent: 99,
    };
    const errors = validatePolicy(values, ['riga']);
    expect(errors).toEqual({
      name: 'nameRequired',
      languages: 'languageInvalid',
      firstResponse: 'required',
      resolution: 'tooShort',
      calendarId: 'calendarMissing',
      warnPercent: 'warnRange',
    });
    expect(firstPolicyError(values, errors)).toBe('name');
    expect(firstPolicyError(values, { warnPercent: 'warnRange' })).toBe('warnPercent');
    expect(validatePolicy({ ...values, warnPercent: 5 }, []).warnPercent).toBe('warnRange');
    expect(validatePolicy({ ...values, warnPercent: '' }, []).warnPercent).toBe('warnRange');
    expect(validatePolicy({ ...values, warnPercent: 10 }, []).warnPercent).toBeUndefined();
  });

  it('asks for a complete English acknowledgement and valid, distinct languages only while it is switched on', () => {
    const base = { ...emptyPolicyValues(ACK), name: 'Ack' };
    const rows = [
      { language: 'es', text: 'Hola' },
      { language: 'ES', text: ' ' },
      { language: 'x y', text: 'Bad tag' },
      { language: '', text: 'No tag' },
    ];
    const on: PolicyValues = { ...base, ackEnabled: true, ackMessages: rows };
    expect(validatePolicy(on, [])).toEqual({
      ack: 'ackEnglish',
      'ack.1.language': 'languageTwice',
      'ack.1.text': 'textRequired',
      'ack.2.language': 'languageInvalid',
      'ack.3.language': 'languageRequired',
    });
    expect(firstPolicyError(on, validatePolicy(on, []))).toBe('ack');
    // With its English row left empty, that row says so.
    const english = { ...on, ackMessages: [{ language: 'en', text: ' ' }, rows[0]!] };
    expect(validatePolicy(english, [])).toEqual({ 'ack.0.text': 'englishRequired' });
    // Switched off: nothing is asked, incomplete rows are dropped rather than refused.
    const off = { ...on, ackEnabled: false };
    expect(validatePolicy(off, [])).toEqual({});
    expect(valuesToPolicy(off, 'p').autoAck).toEqual({ enabled: false, messages: { es: 'Hola' } });
  });

  it('offers the next language of the conditions that has no message yet', () => {
    const values = { ...emptyPolicyValues(ACK), languages: ['en', 'es', 'pt'], ackMessages: [{ language: 'en', text: 'Hi' }, { language: 'ES', text: 'Hola' }] };
    expect(nextAckLanguage(values)).toBe('pt');
    expect(nextAckLanguage({ ...values, languages: [] })).toBe('');
  });
});
