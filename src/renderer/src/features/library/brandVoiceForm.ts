// The brand-voice form without the DOM: lists are edited one entry per line; slang and idioms
// per language tag. Checked against the limits of brandVoiceSchema, said per field.
import { brandVoiceSchema, type BrandVoiceGuidelines } from '@shared/cannedResponses';
import { languageTagSchema } from '@shared/languageTags';

export const MAX_PHRASE = 200;
export const MAX_PHRASES = 500;
export const MAX_HINT = 500;
export const MAX_HINTS = 50;

export interface SlangValues {
  key: string;
  language: string;
  /** One phrase per line. */
  phrases: string;
}

export interface BrandVoiceValues {
  /** One phrase per line. */
  bannedPhrases: string;
  requiredSignOff: string;
  /** One hint per line. */
  toneHints: string;
  slang: SlangValues[];
}

type ListProblem = 'phraseTooLong' | 'tooManyPhrases';
export type BrandVoiceErrors = {
  bannedPhrases?: ListProblem;
  requiredSignOff?: 'signOffTooLong';
  toneHints?: 'hintTooLong' | 'tooManyHints';
} & Partial<Record<`slang.${number}.language`, 'languageRequired' | 'languageInvalid' | 'languageTwice'>> &
  Partial<Record<`slang.${number}.phrases`, ListProblem | 'phrasesRequired'>>;

export type BrandVoiceField = keyof BrandVoiceErrors;

/** The non-blank lines, trimmed, each once. */
export function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

let slangCounter = 0;
export function newSlang(language = '', phrases = ''): SlangValues {
  slangCounter += 1;
  return { key: `slang-${slangCounter}`, language, phrases };
}

export function brandVoiceToValues(guidelines: BrandVoiceGuidelines): BrandVoiceValues {
  return {
    bannedPhrases: guidelines.bannedPhrases.join('\n'),
    requiredSignOff: guidelines.requiredSignOff ?? '',
    toneHints: (guidelines.toneHints ?? []).join('\n'),
    slang: Object.entries(guidelines.slangAndIdioms).map(([language, phrases]) => newSlang(language, phrases.join('\n'))),
  };
}

function checkList(text: string): ListProblem | undefined {
  const items = lines(text);
  if (items.length > MAX_PHRASES) return 'tooManyPhrases';
  if (items.some((p) => p.length > MAX_PHRASE)) return 'phraseTooLong';
  return undefined;
}

export function validateBrandVoice(values: BrandVoiceValues): BrandVoiceErrors {
  const errors: BrandVoiceErrors = {};
  const banned = checkList(values.bannedPhrases);
  if (banned) errors.bannedPhrases = banned;
  if (values.requiredSignOff.trim().length > MAX_PHRASE) errors.requiredSignOff = 'signOffTooLong';
  const hints = lines(values.toneHints);
  if (hints.length > MAX_HINTS) errors.toneHints = 'tooManyHints';
  else if (hints.some((h) => h.length > MAX_HINT)) errors.toneHints = 'hintTooLong';
  const seen = new Set<string>();
  values.slang.forEach((row, i) => {
    const language = row.language.trim();
    if (language === '') errors[`slang.${i}.language`] = 'languageRequired';
    else if (!languageTagSchema.safeParse(language).success) errors[`slang.${i}.language`] = 'languageInvalid';
    else if (seen.has(language.toLowerCase())) errors[`slang.${i}.language`] = 'languageTwice';
    seen.add(language.toLowerCase());
    const problem = lines(row.phrases).length === 0 ? 'phrasesRequired' : checkList(row.phrases);
    if (problem) errors[`slang.${i}.phrases`] = problem;
  });
  return errors;
}

export function firstBrandVoiceError(values: BrandVoiceValues, errors: BrandVoiceErrors): BrandVoiceField | null {
  const order: BrandVoiceField[] = [
    'bannedPhrases',
    'requiredSignOff',
    'toneHints',
    ...values.slang.flatMap((_, i) => [`slang.${i}.language` as const, `slang.${i}.phrases` as const]),
  ];
  return order.find((f) => f in errors) ?? null;
}

/** The guidelines to save; call after validateBrandVoice found nothing. */
export function valuesToBrandVoice(values: BrandVoiceValues): BrandVoiceGuidelines {
  const signOff = values.requiredSignOff.trim();
  return brandVoiceSchema.parse({
    bannedPhrases: lines(values.bannedPhrases),
    requiredSignOff: signOff === '' ? null : signOff,
    toneHints: lines(values.toneHints),
    slangAndIdioms: Object.fromEntries(values.slang.map((row) => [row.language.trim(), lines(row.phrases)])),
  });
}
