import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_POSTS, UNCLEAR_POSTS } from './fixtures/posts';
import { detectorConfidence, dominantScript, LanguageDetector, loadLanguageDetector, normalizeLanguageTag, PLATFORM_CONFIDENCE, type EldLike } from './language';

let detector: LanguageDetector;
beforeAll(async () => {
  detector = await loadLanguageDetector();
});

describe('language detection (eld)', () => {
  it('detects every sample post, handles, links, hashtags and emoji included', () => {
    const wrong = SAMPLE_POSTS.map((p) => ({ ...p, got: detector.detect(p.text).language })).filter((p) => p.got !== p.language);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['ありがとう', 'ja', 'script'],
    ['至急対応してください', 'ja', 'script'],
    ['റീഫണ്ട് വേണം', 'ml', 'script'],
    ['mans reiss tika atcelts un neviens man nepalīdz', 'lv', 'detector'],
    ['Ich warte seit Wochen auf meine Erstattung', 'de', 'detector'],
    ['STILL NO REFUND!!! @acme_help 😡😡😡 #fail', 'en', 'detector'],
  ])('%s → %s (%s)', (text, language, source) => expect(detector.detect(text)).toMatchObject({ language, source }));

  it.each([...UNCLEAR_POSTS, 'thanks!', 'merci', 'gracias'])('does not guess on %s', (text) => {
    expect(detector.detect(text).language).toBeNull();
  });

  it('still offers an unsure guess for choosing a lexicon', () => {
    expect(detector.detect('gracias')).toMatchObject({ language: null, guess: 'es' });
  });

  it('prefers the platform language when it is plausible', () => {
    expect(detector.detect('thanks!', 'es')).toMatchObject({ language: 'es', source: 'platform' });
    expect(detector.detect('👍', 'en-US')).toMatchObject({ language: 'en', source: 'platform' });
    expect(detector.detect('Obrigado pelo atendimento rápido', 'pt-BR')).toMatchObject({ language: 'pt', source: 'platform' });
    // Irish is not in eld: nothing can contradict it.
    expect(detector.detect('Go raibh maith agat as an gcabhair ar fad inniu', 'ga')).toMatchObject({ language: 'ga', source: 'platform' });
  });

  it('overrules a platform language the text contradicts', () => {
    const english = 'my flight got cancelled and nobody can tell me anything';
    expect(detector.detect(english, 'ja')).toMatchObject({ language: 'en', overruled: 'script' });
    expect(detector.detect(english, 'es')).toMatchObject({ language: 'en', source: 'detector', overruled: 'detector' });
    expect(detector.detect('mans reiss tika atcelts un neviens man nepalīdz', 'lt')).toMatchObject({ language: 'lv', overruled: 'detector' });
    expect(detector.detect('フライトが欠航', 'en')).toMatchObject({ language: 'ja', source: 'script', overruled: 'script' });
    expect(detector.detect('ok', 'und')).toMatchObject({ language: null });
  });

  it("takes Bengali script without Assamese's letters as Bengali", () => {
    expect(detector.detect('অ্যাপ খুলছে না')).toMatchObject({ language: 'bn', source: 'script', confidence: 0.95 });
    // Assamese (ৰ) is left to eld, which lacks Assamese and says Bengali: not claimed by the script, though.
    expect(detector.detect('মোৰ অৰ্ডাৰটো এতিয়াও অহা নাই, কোনেও উত্তৰ দিয়া নাই')).toMatchObject({ source: 'detector' });
  });

  it('takes Arabic script without Persian, Urdu, Pashto or Kurdish letters as Arabic, even in a few words', () => {
    expect(detector.detect('وين فلوسي؟')).toMatchObject({ language: 'ar', source: 'script', confidence: 0.95 });
    expect(detector.detect('عرض اشتر ٣ وادفع ٢ لسه موجود؟')).toMatchObject({ language: 'ar', source: 'script' });
    expect(detector.detect('سفارش من هنوز نرسیده و کسی جواب نمی‌دهد')).toMatchObject({ language: 'fa', source: 'detector' });
    expect(detector.detect('میرا آرڈر ابھی تک نہیں آیا، کوئی جواب نہیں دے رہا')).toMatchObject({ language: 'ur', source: 'detector' });
  });

  it('uses whatever eld-like detector it is given', () => {
    const fake: EldLike = { detect: () => ({ language: 'nl', getScores: () => ({ nl: 0.8, de: 0.5 }), isReliable: () => true }) };
    expect(new LanguageDetector(fake).detect('whatever text this might be')).toMatchObject({ language: 'nl', source: 'detector' });
  });
});

describe('detection confidence', () => {
  it('rates a platform tag by what the detector made of the text', () => {
    expect(detector.detect('thanks!', 'en')).toMatchObject({ source: 'platform', confidence: PLATFORM_CONFIDENCE.unchecked });
    expect(detector.detect('Ich warte seit Wochen auf meine Erstattung', 'de')).toMatchObject({ source: 'platform', confidence: PLATFORM_CONFIDENCE.confirmed });
    const tie: EldLike = { detect: () => ({ language: 'es', getScores: () => ({ es: 0.8, pt: 0.79 }), isReliable: () => true }) };
    expect(new LanguageDetector(tie).detect('obrigado pelo atendimento de hoje', 'pt')).toMatchObject({ language: 'pt', confidence: PLATFORM_CONFIDENCE.doubted });
  });

  it('rates a script by the share of letters written in it', () => {
    expect(detector.detect('റീഫണ്ട് വേണം')).toMatchObject({ source: 'script', confidence: 0.99 });
    // A Latin brand name among Malayalam letters lowers it.
    const mixed = 'ഓർഡർ ഇതുവരെ വന്നില്ല Flipkart';
    const share = dominantScript(mixed)!.share;
    expect(share).toBeLessThan(0.9);
    expect(detector.detect(mixed)).toMatchObject({ language: 'ml', source: 'script', confidence: Math.round(share * 100) / 100 });
  });

  it("rates the detector's answer by its lead over the runner-up and the length of the text", () => {
    expect(detectorConfidence(0.25, 25)).toBe(0.99);
    expect(detectorConfidence(0.5, 100)).toBe(0.99);
    expect(detectorConfidence(0.01, 12)).toBeLessThan(0.55);
    expect(detectorConfidence(0.1, 25)).toBeGreaterThan(detectorConfidence(0.05, 25));
    expect(detectorConfidence(0.1, 25)).toBeGreaterThan(detectorConfidence(0.1, 12));
    const long = detector.detect('Ich warte seit drei Wochen auf meine Erstattung und niemand antwortet mir');
    expect(long).toMatchObject({ language: 'de', source: 'detector' });
    expect(long.confidence).toBeGreaterThanOrEqual(0.9);
    expect(detector.detect('thanks!').confidence).toBeNull();
  });
});

describe('normalizeLanguageTag', () => {
  it.each([
    ['en-US', 'en'],
    ['pt_BR', 'pt'],
    ['ZH-Hant', 'zh'],
    ['iw', 'he'],
    ['in', 'id'],
    ['fil', 'tl'],
    ['und', null],
    ['zxx', null],
    ['qme', null],
    ['qht', null],
    ['', null],
    [null, null],
    ['english', null],
  ])('%s → %s', (tag, expected) => expect(normalizeLanguageTag(tag)).toBe(expected));
});

describe('dominantScript', () => {
  it('counts kanji with kana as Japanese and names unique scripts', () => {
    expect(dominantScript('欠航になりました')).toMatchObject({ script: 'Kana', unique: 'ja' });
    expect(dominantScript('航班取消了')).toMatchObject({ script: 'Han', unique: null });
    expect(dominantScript('Привет')).toMatchObject({ script: 'Cyrillic', share: 1 });
    expect(dominantScript('123 !')).toBeNull();
  });
});
