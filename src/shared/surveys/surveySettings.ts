// A workspace's satisfaction survey: off, CSAT (1–5) or NPS (0–10); the question per language;
// on which platforms it goes out (as a reply there; for e-mail conversations as an e-mail); how
// long after resolution. Shared: the core stores and applies it, the renderer edits it.
import { z } from 'zod';
import { PLATFORMS, type Platform } from '../domain';
import { languageChain } from '../cannedResponses';
import { measure, type LengthOptions } from '../platformLength';

export const SURVEY_MODES = ['off', 'csat', 'nps'] as const;
export type SurveyMode = (typeof SURVEY_MODES)[number];

/** At most a week: an answer about a conversation long forgotten says little. */
export const MAX_SURVEY_DELAY_MINUTES = 7 * 24 * 60;
/** A survey not answered within this long after it was sent is expired. */
export const SURVEY_ANSWER_WINDOW_MS = 7 * 24 * 3_600_000;

const question = z.string().trim().min(1, 'Write the question').max(1000, 'Keep the question under 1,000 characters');

export const surveySettingsSchema = z
  .object({
    mode: z.enum(SURVEY_MODES),
    /** Questions per BCP-47 tag for the chosen mode; languages left out use the built-in text. */
    questions: z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or pt-BR'), question),
    /** Platforms whose resolved conversations get the survey (e-mail: sent as an e-mail). */
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length),
    delayMinutes: z.number().int().min(0).max(MAX_SURVEY_DELAY_MINUTES, 'At most a week'),
  })
  .strict();
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { mode: 'off', questions: {}, platforms: [...PLATFORMS], delayMinutes: 0 };

/**
 * Built-in questions, one per UI language (src/shared/uiLanguages.ts). Short enough for any
 * platform's limit, and each says how to answer.
 */
export const DEFAULT_SURVEY_QUESTIONS: Readonly<Record<Exclude<SurveyMode, 'off'>, Readonly<Record<string, string>>>> = {
  csat: {
    en: 'How did we do? Reply with a number from 1 (very bad) to 5 (excellent).',
    es: '¿Qué tal lo hicimos? Responde con un número del 1 (muy mal) al 5 (excelente).',
    'pt-BR': 'Como foi o nosso atendimento? Responda com um número de 1 (muito ruim) a 5 (excelente).',
    fr: 'Comment était notre service ? Répondez par un chiffre de 1 (très mauvais) à 5 (excellent).',
    de: 'Wie zufrieden waren Sie mit uns? Antworten Sie mit einer Zahl von 1 (sehr schlecht) bis 5 (ausgezeichnet).',
    lv: 'Kā mums veicās? Atbildiet ar skaitli no 1 (ļoti slikti) līdz 5 (izcili).',
    ja: '本日の対応はいかがでしたか？1（とても悪い）から5（とても良い）の数字でご返信ください。',
    ar: 'كيف كانت خدمتنا؟ رد برقم من 1 (سيئة جدًا) إلى 5 (ممتازة).',
    ml: 'ഞങ്ങളുടെ സേവനം എങ്ങനെയായിരുന്നു? 1 (വളരെ മോശം) മുതൽ 5 (മികച്ചത്) വരെയുള്ള ഒരു സംഖ്യ മറുപടിയായി അയയ്ക്കുക.',
    gu: 'અમારી સેવા કેવી રહી? 1 (ખૂબ ખરાબ) થી 5 (ઉત્તમ) સુધીનો એક આંકડો જવાબમાં મોકલો.',
    bn: 'আমাদের সেবা কেমন ছিল? 1 (খুব খারাপ) থেকে 5 (চমৎকার) পর্যন্ত একটি সংখ্যা লিখে উত্তর দিন।',
    te: 'మా సేవ ఎలా ఉంది? 1 (చాలా బాగాలేదు) నుండి 5 (అద్భుతం) వరకు ఒక సంఖ్యతో జవాబు ఇవ్వండి.',
  },
  nps: {
    en: 'How likely are you to recommend us to a friend? Reply with a number from 0 (not at all) to 10 (extremely likely).',
    es: '¿Qué probabilidad hay de que nos recomiendes a un amigo? Responde con un número del 0 (nada) al 10 (muy probable).',
    'pt-BR': 'Qual a chance de você nos recomendar a um amigo? Responda com um número de 0 (nenhuma) a 10 (com certeza).',
    fr: 'Quelle est la probabilité que vous nous recommandiez à un ami ? Répondez par un chiffre de 0 (pas du tout) à 10 (très probable).',
    de: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund empfehlen? Antworten Sie mit einer Zahl von 0 (gar nicht) bis 10 (sehr wahrscheinlich).',
    lv: 'Cik ticams, ka jūs mūs ieteiktu draugam? Atbildiet ar skaitli no 0 (nemaz) līdz 10 (ļoti ticami).',
    ja: '当社を友人に勧める可能性はどのくらいですか？0（まったくない）から10（非常に高い）の数字でご返信ください。',
    ar: 'ما مدى احتمال أن توصي بنا لصديق؟ رد برقم من 0 (مستبعد تمامًا) إلى 10 (مرجح جدًا).',
    ml: 'ഞങ്ങളെ ഒരു സുഹൃത്തിന് ശുപാർശ ചെയ്യാൻ എത്രത്തോളം സാധ്യതയുണ്ട്? 0 (ഒട്ടും ഇല്ല) മുതൽ 10 (തീർച്ചയായും) വരെയുള്ള ഒരു സംഖ്യ മറുപടിയായി അയയ്ക്കുക.',
    gu: 'તમે અમને કોઈ મિત્રને ભલામણ કરો તેની કેટલી શક્યતા છે? 0 (બિલકુલ નહીં) થી 10 (ચોક્કસ) સુધીનો એક આંકડો જવાબમાં મોકલો.',
    bn: 'আপনি বন্ধুকে আমাদের সুপারিশ করবেন, তার সম্ভাবনা কতটা? 0 (একেবারেই না) থেকে 10 (অবশ্যই) পর্যন্ত একটি সংখ্যা লিখে উত্তর দিন।',
    te: 'మమ్మల్ని స్నేహితుడికి సిఫార్సు చేసే అవకాశం ఎంత? 0 (అస్సలు లేదు) నుండి 10 (ఖచ్చితంగా) వరకు ఒక సంఖ్యతో జవాబు ఇవ్వండి.',
  },
};

export interface SurveyQuestion {
  /** The tag of the text chosen (the customer's, a more general one, or en). */
  language: string;
  body: string;
}

/**
 * The question for a customer: the workspace's text, else the built-in one, in the customer's
 * language (pt-BR → pt → any pt → en), that fits the platform's limit. Null when none fits.
 */
export function surveyQuestionFor(settings: SurveySettings, customerLanguage: string | null, platform: Platform, options: LengthOptions = {}): SurveyQuestion | null {
  if (settings.mode === 'off') return null;
  const builtIn = DEFAULT_SURVEY_QUESTIONS[settings.mode];
  const fits = (body: string) => !measure(platform, body, options).over;
  for (const texts of [settings.questions, builtIn]) {
    const found = pickByLanguage(texts, customerLanguage);
    if (found && fits(found.body)) return found;
  }
  // The customer's language had no text that fits: English rather than nothing.
  for (const texts of [settings.questions, builtIn]) {
    const english = pickByLanguage(texts, 'en');
    if (english && fits(english.body)) return english;
  }
  return null;
}

function pickByLanguage(texts: Readonly<Record<string, string>>, language: string | null): SurveyQuestion | null {
  const tags = Object.keys(texts);
  const find = (wanted: string) => tags.find((t) => t.toLowerCase() === wanted.toLowerCase());
  const chain = language ? languageChain(language) : [];
  for (const wanted of chain) {
    const tag = find(wanted);
    if (tag) return { language: tag, body: texts[tag]! };
  }
  const base = chain.at(-1)?.toLowerCase();
  const related = base ? tags.find((t) => t.toLowerCase().split('-')[0] === base) : undefined;
  if (related) return { language: related, body: texts[related]! };
  const english = language === null ? find('en') : undefined;
  return english ? { language: english, body: texts[english]! } : null;
}
