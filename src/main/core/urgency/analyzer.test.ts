import { beforeAll, describe, expect, it } from 'vitest';
import { parseUrgencyRules, DEFAULT_URGENCY_RULES } from '@shared/urgency';
import { mentionStream } from './fixtures/posts';
import { loadUrgencyAnalyzer, SpikeDetector, spikeOptions, type UrgencyAnalyzer } from './index';

let analyzer: UrgencyAnalyzer;
beforeAll(async () => {
  analyzer = await loadUrgencyAnalyzer();
});

const rules = parseUrgencyRules({
  ...DEFAULT_URGENCY_RULES,
  rules: [
    ...DEFAULT_URGENCY_RULES.rules.filter((r) => r.kind !== 'negativeSentiment'),
    { id: 'angry', kind: 'negativeSentiment', threshold: -0.6, mustInterrupt: true },
  ],
});

describe('UrgencyAnalyzer', () => {
  it('gives language, sentiment and the urgency verdict of a message in one call', () => {
    const a = analyzer.analyze({ body: '@IberiaAyuda llevo dos semanas esperando el REEMBOLSO, pésimo servicio!!! 😡', language: null, platform: 'x' }, { followers: 120 }, rules);
    expect(a.language).toBe('es');
    expect(a.languageSource).toBe('detector');
    expect(a.sentiment).toMatchObject({ label: 'negative', lexicon: 'es' });
    expect(a.sentiment.score).toBeLessThan(-0.8);
    expect(a.urgency).toMatchObject({ urgent: true, mustInterrupt: true });
    expect(a.urgency.reasons.map((r) => r.detail)).toEqual(["mentions 'reembolso' (es)", `strongly negative (${a.sentiment.score.toFixed(2)})`]);
  });

  it('uses the platform language and the default rules when none are given', () => {
    const a = analyzer.analyze({ body: 'thanks!', language: 'en-GB' }, { followers: 500_000 });
    expect(a).toMatchObject({ language: 'en', languageSource: 'platform', sentiment: { label: 'positive' }, urgency: { urgent: true, reasons: [{ kind: 'followers' }] } });
  });

  it('scores sentiment with the unsure guess when the language is unclear', () => {
    const a = analyzer.analyze({ body: 'pésimo 😡' }, {});
    expect(a.language).toBeNull();
    expect(a.sentiment.label).toBe('negative');
  });

  it('prints the throughput of 10,000 mentions through language + sentiment + rules + spikes', () => {
    const mentions = mentionStream(10_000);
    const spikes = new SpikeDetector(spikeOptions(rules.spikes, { ignore: ['@acme_help', 'Acme'] }));
    let urgent = 0;
    let opened = 0;
    const languages = new Map<string, number>();
    const started = performance.now();
    for (const m of mentions) {
      const a = analyzer.analyze({ body: m.text, language: m.platformLanguage, platform: 'x' }, m.author, rules);
      if (a.urgency.urgent) urgent++;
      languages.set(a.language ?? 'null', (languages.get(a.language ?? 'null') ?? 0) + 1);
      for (const e of spikes.observe({ messageId: m.messageId, time: m.time, text: m.text, language: a.language, authorId: m.author.platformId })) if (e.type === 'opened') opened++;
    }
    const ms = performance.now() - started;
    console.log(
      `urgency throughput: ${Math.round((mentions.length / ms) * 1000).toLocaleString('en-US')} messages/s ` +
        `(${mentions.length.toLocaleString('en-US')} mentions in ${ms.toFixed(0)} ms; ${urgent} urgent, ${opened} incidents opened, ` +
        `${spikes.stats().terms} terms tracked; languages ${[...languages].map(([l, n]) => `${l}:${n}`).join(' ')})`,
    );
    // Not a speed assertion (that is `npm run bench`): only that the work was done.
    expect(urgent).toBeGreaterThan(0);
    expect(opened).toBeGreaterThan(0);
    expect(spikes.openIncidents().some((i) => i.terms.includes('#acmedown'))).toBe(true);
  });
});
