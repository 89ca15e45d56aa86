import { describe, expect, it } from 'vitest';
import { parseSurveyAnswer, type SurveyKind } from './parseSurveyAnswer';

type Row = [reply: string, language: string | null, score: number | null];

const score = (kind: SurveyKind, reply: string, language: string | null) => parseSurveyAnswer(kind, reply, language)?.score ?? null;

describe('parseSurveyAnswer (CSAT 1–5)', () => {
  const rows: Row[] = [
    // numbers in any script, with or without the scale
    ['4', 'en', 4],
    ['4/5', 'en', 4],
    [' 5 ', null, 5],
    ['٤', 'ar', 4],
    ['۵', 'ar', 5],
    ['５', 'ja', 5],
    ['５点です', 'ja', 5],
    ['4️⃣', null, 4],
    ['৪', 'bn', 4],
    ['൪', 'ml', 4],
    ['I would give it a 4', 'en', 4],
    ['Hi! 5', 'en', 5],
    ['Hola, un 4', 'es', 4],
    ['Hi, I waited 2 hours', 'en', null],
    ['4 stars, thanks!', 'en', 4],
    ['le doy un 5, gracias', 'es', 5],
    ['5 étoiles', 'fr', 5],
    ['4 Sterne', 'de', 4],
    ['5 estrelas, obrigado', 'pt', 5],
    ['5 zvaigznes', 'lv', 5],
    ['٥ نجوم', 'ar', 5],
    ['8/10', 'en', 4],
    // emoji
    ['⭐⭐⭐⭐', null, 4],
    ['⭐⭐⭐⭐⭐', null, 5],
    ['😀', null, 5],
    ['🙂', null, 4],
    ['😐', null, 3],
    ['🙁', null, 2],
    ['😡', null, 1],
    ['👍', null, 5],
    ['👎', null, 1],
    ['🙂🙂', null, 4],
    // words in the customer's language
    ['excellent', 'en', 5],
    ['Excellent, thank you!', 'en', 5],
    ['pretty good', 'en', 4],
    ['the service was terrible', 'en', 1],
    ['not good', 'en', 2],
    ['muy bien', 'es', 5],
    ['Muy mal', 'es', 1],
    ['regular', 'es', 3],
    ['muito bom!', 'pt', 5],
    ['péssimo', 'pt', 1],
    ['schlecht', 'de', 2],
    ['sehr gut, danke', 'de', 5],
    ['très bien', 'fr', 5],
    ['pas mal', 'fr', 3],
    ['labi', 'lv', 4],
    ['ļoti slikti', 'lv', 1],
    ['最高', 'ja', 5],
    ['最高です！', 'ja', 5],
    ['まあまあ', 'ja', 3],
    ['ممتاز', 'ar', 5],
    ['سيء', 'ar', 2],
    // a word known in another language than the detected one (short replies are often misdetected)
    ['gut', 'en', 4],
    // not an answer
    ['I have 2 problems', 'en', null],
    ['2 problems with my order', 'en', null],
    ['Tengo 2 pedidos sin entregar', 'es', null],
    ['Mein Paket kam nach 3 Tagen nicht an', 'de', null],
    ['where is my refund?', 'en', null],
    ['not excellent', 'en', null],
    ['7', 'en', null],
    ['0', 'en', null],
    ['123', 'en', null],
    ['4 or 5', 'en', null],
    ['⭐⭐⭐⭐⭐⭐', null, null],
    ['😀😡', null, null],
    ['', 'en', null],
    ['thanks', 'en', null],
  ];
  it.each(rows)('%j (%s) → %s', (reply, language, expected) => {
    expect(score('csat', reply, language)).toBe(expected);
  });
});

describe('parseSurveyAnswer (NPS 0–10)', () => {
  const rows: Row[] = [
    ['9', 'en', 9],
    ['0', 'en', 0],
    ['10', 'en', 10],
    ['🔟', null, 10],
    ['9 out of 10', 'en', 9],
    ['9 de 10', 'es', 9],
    ['9 de 10', 'pt', 9],
    ['8 von 10', 'de', 8],
    ['7 sur 10', 'fr', 7],
    ['9 no 10', 'lv', 9],
    ['10点中9点', 'ja', 9],
    ['٩ من ١٠', 'ar', 9],
    ['１０', 'ja', 10],
    ['4/5', 'en', 8],
    ['excellent', 'en', 10],
    ['schlecht', 'de', 3],
    ['11', 'en', null],
    ['I called 3 times', 'en', null],
    ['between 7 and 8', 'en', null],
  ];
  it.each(rows)('%j (%s) → %s', (reply, language, expected) => {
    expect(score('nps', reply, language)).toBe(expected);
  });
});

describe('confidence and what the reply says besides', () => {
  it('is surest of a bare number and less of words, emoji and rescaled grades', () => {
    const bare = parseSurveyAnswer('csat', '4')!;
    expect(bare).toEqual({ score: 4, confidence: 0.95, saysMore: false });
    expect(parseSurveyAnswer('csat', 'good', 'en')!.confidence).toBeLessThan(bare.confidence);
    expect(parseSurveyAnswer('csat', '👍')!.confidence).toBeLessThan(parseSurveyAnswer('csat', '⭐⭐⭐⭐')!.confidence);
    expect(parseSurveyAnswer('csat', '8/10')!.confidence).toBeLessThan(bare.confidence);
    expect(parseSurveyAnswer('nps', 'excellent', 'en')!.confidence).toBeLessThan(parseSurveyAnswer('csat', 'excellent', 'en')!.confidence);
  });

  it('reads an answer followed by a remark, and says the reply says more', () => {
    expect(parseSurveyAnswer('csat', '5 - but the app still crashes when I log in', 'en')).toEqual({ score: 5, confidence: 0.6, saysMore: true });
    expect(parseSurveyAnswer('nps', '9. Ana was lovely', 'en')).toMatchObject({ score: 9, saysMore: true });
    expect(parseSurveyAnswer('csat', '4 stars, thanks!', 'en')!.saysMore).toBe(false);
  });
});
