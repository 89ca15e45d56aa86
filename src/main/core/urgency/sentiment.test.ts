import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_POSTS } from './fixtures/posts';
import { createSentimentScorer, loadSentimentScorer, type SentimentScorer } from './sentiment';

let scorer: SentimentScorer;
beforeAll(async () => {
  scorer = await loadSentimentScorer();
});
const score = (text: string, language: string | null = 'en') => scorer.score(text, language).score;

describe('sentiment', () => {
  it('reads the tone of every sample post in the product languages', () => {
    const product = new Set(['en', 'es', 'pt', 'de', 'fr', 'lv', 'ja']);
    const wrong = SAMPLE_POSTS.filter((p) => product.has(p.language))
      .map((p) => ({ text: p.text, tone: p.tone, got: scorer.score(p.text, p.language) }))
      .filter((p) => p.got.label !== p.tone);
    expect(wrong).toEqual([]);
  });

  it('stays in [-1, 1] and is neutral without sentiment words', () => {
    expect(scorer.score('How do I change my seat?', 'en')).toEqual({ score: 0, label: 'neutral', lexicon: 'en', hits: 0, confidence: 0.3 });
    expect(score('😡🤬😡🤬😡🤬 worst worst worst horrible TERRIBLE!!!!!!')).toBeGreaterThanOrEqual(-1);
    expect(score('😡🤬😡🤬😡🤬 worst worst worst horrible TERRIBLE!!!!!!')).toBeLessThan(-0.95);
  });

  it('handles negation', () => {
    expect(score('I am happy')).toBeGreaterThan(0.5);
    expect(score('I am not happy')).toBeLessThan(-0.3);
    expect(score("I'm not happy with this")).toBeLessThan(-0.3);
    expect(score('not bad at all')).toBeGreaterThan(0.3);
    expect(score('no problem')).toBeGreaterThan(0);
    expect(score('never helpful')).toBeLessThan(0);
    // A negation does not reach across a sentence.
    expect(score('Not sure. Great service!')).toBeGreaterThan(0.5);
    expect(score('no estoy contento', 'es')).toBeLessThan(0);
    expect(score("ce n'est pas bon", 'fr')).toBeLessThan(0);
    expect(score('pas mal', 'fr')).toBeGreaterThan(0);
    expect(score('überhaupt nicht zufrieden', 'de')).toBeLessThan(0);
    expect(score('não gostei, nada bom', 'pt')).toBeLessThan(0);
    expect(score('nav labi', 'lv')).toBeLessThan(0);
    expect(score('満足していない', 'ja')).toBeLessThan(0);
    expect(score('悪くない', 'ja')).toBeGreaterThan(0);
  });

  it('handles intensifiers and dampeners', () => {
    expect(score('the service was very slow')).toBeLessThan(score('the service was slow'));
    expect(score('I am extremely happy')).toBeGreaterThan(score('I am happy'));
    expect(score('slightly annoying')).toBeGreaterThan(score('annoying'));
    expect(score('muy malo', 'es')).toBeLessThan(score('malo', 'es'));
    expect(score('sehr gut', 'de')).toBeGreaterThan(score('gut', 'de'));
    expect(score('ļoti slikti', 'lv')).toBeLessThan(score('slikti', 'lv'));
    expect(score('とても良い', 'ja')).toBeGreaterThan(score('良い', 'ja'));
  });

  it('scores emoji and emoticons in any language, skin tones and ZWJ sequences included', () => {
    expect(scorer.score('😡', 'en')).toMatchObject({ label: 'negative', hits: 1 });
    expect(scorer.score('👍', null)).toMatchObject({ label: 'positive', hits: 1 });
    expect(scorer.score('👍🏽👍🏽', 'it')).toMatchObject({ label: 'positive', lexicon: null, hits: 2 });
    expect(scorer.score('🤦‍♂️', 'en').label).toBe('negative');
    expect(scorer.score('❤️', 'sv').label).toBe('positive');
    expect(scorer.score(':( still nothing', 'en').label).toBe('negative');
    expect(scorer.score('thanks :D', 'en').score).toBeGreaterThan(scorer.score('thanks', 'en').score);
    // Not an emoticon: inside a link, or glued to a word.
    expect(scorer.score('see https://example.com/a:(b', 'en').hits).toBe(0);
  });

  it('hears ALL CAPS and repeated "!" as emphasis', () => {
    expect(score('this is TERRIBLE')).toBeLessThan(score('this is terrible'));
    expect(score('this is terrible!!!')).toBeLessThan(score('this is terrible'));
    expect(score('THIS IS TERRIBLE!!!')).toBeLessThan(score('this is TERRIBLE'));
    expect(score('thank you!!!')).toBeGreaterThan(score('thank you'));
    // Shouting with no praise reads as a complaint; shouted praise stays praise.
    expect(scorer.score('WHERE IS MY PACKAGE', 'en').label).toBe('negative');
    expect(scorer.score('THANK YOU SO MUCH!!!', 'en').label).toBe('positive');
    // "!" alone carries no sign.
    expect(score('Where is my package!!!')).toBe(0);
  });

  it('weighs what follows "but" more', () => {
    expect(score('the crew was nice but the flight was a disaster')).toBeLessThan(0);
    expect(score('the flight was a disaster but the crew was amazing')).toBeGreaterThan(0);
    expect(score('el vuelo fue malo pero el personal excelente', 'es')).toBeGreaterThan(0);
  });

  it('reads support-desk English as a customer means it', () => {
    expect(score('I need help with my order')).toBe(0);
    expect(score('can you help me please')).toBe(0);
    expect(score('this is a joke')).toBeLessThan(0);
    expect(score('the app is down again')).toBeLessThan(0);
    expect(score('does not work')).toBeLessThan(-0.5);
  });

  it('falls back to English for unknown language and to emoji only for languages without a lexicon', () => {
    expect(scorer.score('terrible service', null)).toMatchObject({ lexicon: 'en', label: 'negative' });
    expect(scorer.score('servizio terribile', 'it')).toMatchObject({ lexicon: null, label: 'neutral' });
    expect(scorer.score('pésimo servicio', 'es-MX')).toMatchObject({ lexicon: 'es', label: 'negative' });
    expect(scorer.languages.sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'lv', 'pt']);
  });

  it('works without AFINN, on the hand-made English list alone', () => {
    const small = createSentimentScorer(null);
    expect(small.score('unacceptable, still waiting', 'en').label).toBe('negative');
    expect(small.score('terrific', 'en').hits).toBe(0);
  });
});
