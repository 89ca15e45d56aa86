import { describe, expect, it } from 'vitest';
import { DEFAULT_URGENCY_RULES, evaluateUrgency, isUrgent, parseUrgencyRules, URGENT_FOLLOWER_THRESHOLD, type UrgencyRulesInput } from './urgency';

describe('isUrgent', () => {
  it.each([
    'Your site is DOWN again',
    'I want a refund.',
    'My lawyer will hear about this',
    'Quiero un reembolso ya',
    'Ich will eine Erstattung',
    '至急対応してください',
    'എനിക്ക് റീഫണ്ട് വേണം',
    'Mans advokāts zvanīs',
  ])('flags %s', (text) => expect(isUrgent(text, {})).toBe(true));

  it.each(['Where can I download the app?', 'Lovely crew today', 'Refundable fares?', 'countdown to my holiday'])('does not flag %s', (text) =>
    expect(isUrgent(text, {})).toBe(false),
  );

  it('flags any mention from a large audience', () => {
    expect(isUrgent('hello', { followers: URGENT_FOLLOWER_THRESHOLD })).toBe(true);
    expect(isUrgent('hello', { followers: URGENT_FOLLOWER_THRESHOLD - 1 })).toBe(false);
  });
});

describe('evaluateUrgency', () => {
  const rules = (input: Omit<UrgencyRulesInput, 'version'>) => parseUrgencyRules({ version: 1, ...input });

  it('matches the default rules exactly as isUrgent does, and says why', () => {
    const verdict = evaluateUrgency({ body: 'Quiero un REEMBOLSO ya', language: 'es' }, {}, DEFAULT_URGENCY_RULES);
    expect(verdict).toEqual({
      urgent: true,
      mustInterrupt: false,
      reasons: [{ rule: 'keywords', kind: 'keywords', mustInterrupt: false, terms: [{ term: 'reembolso', language: 'es' }], detail: "mentions 'reembolso' (es)" }],
    });
    expect(evaluateUrgency({ body: 'Lovely crew today' }, { verified: true }, DEFAULT_URGENCY_RULES)).toEqual({ urgent: false, mustInterrupt: false, reasons: [] });
  });

  it('reports a shared term from the message language, else from the first list holding it', () => {
    const at = (language: string | null) => evaluateUrgency({ body: 'quero reembolso', language }, {}, DEFAULT_URGENCY_RULES).reasons[0];
    expect(at('pt-BR')).toMatchObject({ terms: [{ term: 'reembolso', language: 'pt-BR' }] });
    expect(at('pt')).toMatchObject({ terms: [{ term: 'reembolso', language: 'pt' }] });
    expect(at(null)).toMatchObject({ terms: [{ term: 'reembolso', language: 'es' }] });
  });

  it('matches keywords accent- and case-insensitively, phrases across spaces, hashtags, not handles or links', () => {
    const terms = (body: string) => evaluateUrgency({ body }, {}, DEFAULT_URGENCY_RULES).reasons.flatMap((r) => (r.kind === 'keywords' ? r.terms.map((t) => t.term) : []));
    expect(terms('el servidor está CAIDO')).toEqual(['caído']);
    expect(terms('Mans advokats zvanīs')).toEqual(['advokāts']);
    expect(terms('we will take LEGAL   ACTION')).toEqual(['legal action']);
    expect(terms('#RefundNow please')).toEqual(['refund']);
    expect(terms('@downdetector says hi https://example.com/refund')).toEqual([]);
    expect(terms('refund, lawyer, scam and fraud')).toEqual(['refund', 'lawyer', 'scam', 'fraud']);
    expect(evaluateUrgency({ body: 'refund, lawyer, scam and fraud' }, {}, DEFAULT_URGENCY_RULES).reasons[0]!.detail).toBe(
      "mentions 'refund' (en), 'lawyer' (en), 'scam' (en) and 1 more",
    );
  });

  it('flags an author above the follower threshold', () => {
    expect(evaluateUrgency({ body: 'hello' }, { followers: 250_000 }, DEFAULT_URGENCY_RULES).reasons).toEqual([
      { rule: 'followers', kind: 'followers', mustInterrupt: false, followers: 250_000, threshold: 100_000, detail: 'author has 250,000 followers' },
    ]);
  });

  it('flags VIP customers by platform id or handle, optionally on one platform', () => {
    const vip = rules({
      rules: [
        {
          id: 'vip',
          kind: 'vip',
          customers: [{ platformId: '42' }, { handle: '@BigCorp', label: 'BigCorp Ltd' }, { platform: 'bluesky', handle: 'jane.bsky.social' }],
        },
      ],
    });
    expect(evaluateUrgency({ body: 'hi' }, { platformId: '42', handle: 'someone' }, vip).reasons[0]).toMatchObject({ kind: 'vip', match: 'platformId', detail: 'VIP customer @someone' });
    expect(evaluateUrgency({ body: 'hi' }, { handle: 'bigcorp' }, vip).reasons[0]).toMatchObject({ match: 'handle', who: 'BigCorp Ltd', detail: 'VIP customer BigCorp Ltd' });
    expect(evaluateUrgency({ body: 'hi', platform: 'bluesky' }, { handle: '@Jane.bsky.social' }, vip).urgent).toBe(true);
    expect(evaluateUrgency({ body: 'hi', platform: 'x' }, { handle: 'jane.bsky.social' }, vip).urgent).toBe(false);
    expect(evaluateUrgency({ body: 'hi' }, { platformId: '43', handle: 'other' }, vip).urgent).toBe(false);
  });

  it('flags verified authors and strongly negative messages once those rules are on', () => {
    const on = rules({
      rules: [
        { id: 'verified', kind: 'verified' },
        { id: 'angry', kind: 'negativeSentiment', threshold: -0.6 },
      ],
    });
    expect(evaluateUrgency({ body: 'hi' }, { verified: true }, on).reasons).toEqual([{ rule: 'verified', kind: 'verified', mustInterrupt: false, detail: 'verified author' }]);
    expect(evaluateUrgency({ body: 'worst ever', sentiment: { score: -0.82 } }, {}, on).reasons).toEqual([
      { rule: 'angry', kind: 'negativeSentiment', mustInterrupt: false, score: -0.82, threshold: -0.6, detail: 'strongly negative (-0.82)' },
    ]);
    expect(evaluateUrgency({ body: 'meh', sentiment: { score: -0.59 } }, {}, on).urgent).toBe(false);
    expect(evaluateUrgency({ body: 'no score' }, {}, on).urgent).toBe(false);
    // Off in the defaults: today's behaviour.
    expect(evaluateUrgency({ body: 'worst ever', sentiment: { score: -0.99 } }, { verified: true }, DEFAULT_URGENCY_RULES).urgent).toBe(false);
  });

  it('sets mustInterrupt only from matching rules marked so, and lists every matching rule in order', () => {
    const config = rules({
      rules: [
        { id: 'legal', kind: 'keywords', mustInterrupt: true, terms: { en: ['lawyer'], de: ['anwalt'] } },
        { id: 'money', kind: 'keywords', terms: { en: ['refund'] } },
        { id: 'big', kind: 'followers', threshold: 1000 },
        { id: 'off', kind: 'keywords', enabled: false, terms: { en: ['hello'] } },
      ],
    });
    const refund = evaluateUrgency({ body: 'hello, refund please' }, { followers: 5000 }, config);
    expect(refund.reasons.map((r) => r.rule)).toEqual(['money', 'big']);
    expect(refund.mustInterrupt).toBe(false);
    const legal = evaluateUrgency({ body: 'Mein Anwalt meldet sich' }, {}, config);
    expect(legal).toMatchObject({ urgent: true, mustInterrupt: true, reasons: [{ rule: 'legal', mustInterrupt: true, terms: [{ term: 'anwalt', language: 'de' }] }] });
  });

  it('round-trips through JSON and rejects malformed rules', () => {
    expect(parseUrgencyRules(JSON.parse(JSON.stringify(DEFAULT_URGENCY_RULES)))).toEqual(DEFAULT_URGENCY_RULES);
    expect(DEFAULT_URGENCY_RULES.spikes).toEqual({ enabled: true, mustInterrupt: false, minMessages: 5, windowMinutes: 10 });
    expect(parseUrgencyRules({ version: 1, rules: [] }).spikes.minMessages).toBe(5);
    const bad = [
      { version: 2, rules: [] },
      { version: 1, rules: [{ id: 'x', kind: 'followers', threshold: -1 }] },
      { version: 1, rules: [{ id: 'x', kind: 'negativeSentiment', threshold: 0.5 }] },
      { version: 1, rules: [{ id: 'x', kind: 'vip', customers: [{ label: 'nobody' }] }] },
      { version: 1, rules: [{ id: 'x', kind: 'keywords', terms: { 'not a tag!': ['a'] } }] },
      { version: 1, rules: [{ id: 'x', kind: 'verified' }, { id: 'x', kind: 'verified' }] },
      { version: 1, rules: [{ id: 'x', kind: 'astrology' }] },
    ];
    for (const input of bad) expect(() => parseUrgencyRules(input), JSON.stringify(input)).toThrow();
  });
});
