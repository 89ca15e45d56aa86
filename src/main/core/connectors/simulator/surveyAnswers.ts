// How the demo's simulated customers answer a satisfaction survey: they recognise the built-in
// questions (a workspace's own wording goes unanswered) and reply in the question's language
// with a number, emoji or word, as real customers do.
import { DEFAULT_SURVEY_QUESTIONS } from '@shared/surveys/surveySettings';
import { pick, type Random } from './random';

const CSAT_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  en: ['5', '4', '4/5', 'Excellent, thanks!', '⭐⭐⭐⭐⭐', '3', '🙂'],
  es: ['5', '4', 'muy bien', 'excelente, gracias', '⭐⭐⭐⭐'],
  'pt-BR': ['5', '4', 'muito bom', 'ótimo, obrigado', '⭐⭐⭐⭐⭐'],
  fr: ['5', '4', 'très bien', 'parfait, merci', '⭐⭐⭐⭐'],
  de: ['5', '4', 'sehr gut', 'gut, danke', '⭐⭐⭐⭐⭐'],
  lv: ['5', '4', 'labi', 'lieliski, paldies'],
  ja: ['５', '4', '最高です', 'よかった'],
  ar: ['٥', '٤', 'ممتاز', 'جيد'],
};
const NPS_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  en: ['9', '10', '8 out of 10', '7'],
  es: ['9', '10', '8 de 10'],
  'pt-BR': ['9', '10', '8 de 10'],
  fr: ['9', '10', '8 sur 10'],
  de: ['9', '10', '8 von 10'],
  lv: ['9', '10', '8 no 10'],
  ja: ['９', '10', '10点中8点'],
  ar: ['٩', '١٠', '٨ من ١٠'],
};

/** A customer's answer to `question`, or null when it is not a built-in survey question. */
export function simulatedSurveyAnswer(random: Random, question: string): string | null {
  for (const [mode, answers] of [['csat', CSAT_ANSWERS], ['nps', NPS_ANSWERS]] as const) {
    const language = Object.entries(DEFAULT_SURVEY_QUESTIONS[mode]).find(([, text]) => text === question)?.[0];
    if (language) return pick(random, answers[language] ?? answers.en!);
  }
  return null;
}
