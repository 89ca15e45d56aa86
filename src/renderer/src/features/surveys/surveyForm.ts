// The survey settings form: settings ↔ values (a question per UI language, each starting from
// the built-in text) and the checks shown beside the fields before anything is saved.
import { PLATFORMS, type Platform } from '@shared/domain';
import { DEFAULT_SURVEY_QUESTIONS, MAX_SURVEY_DELAY_MINUTES, type SurveyMode, type SurveySettings } from '@shared/surveys/surveySettings';
import { UI_LANGUAGES } from '@shared/uiLanguages';

export interface SurveyFormValues {
  mode: SurveyMode;
  /** Every UI language and every language with a saved question → its text. */
  questions: Record<string, string>;
  platforms: Platform[];
  delayMinutes: number | string;
}

export type SurveyFormError = 'noPlatform' | 'delayRange' | 'questionEmpty' | 'questionLong';
export type SurveyFormErrors = Partial<Record<'platforms' | 'delayMinutes' | `question:${string}`, SurveyFormError>>;

const builtIn = (mode: SurveyMode, language: string): string => (mode === 'off' ? '' : (DEFAULT_SURVEY_QUESTIONS[mode][language] ?? ''));

/** Languages the form offers: the UI languages, then any other with a saved question. */
export function formLanguages(values: Pick<SurveyFormValues, 'questions'>): string[] {
  const extra = Object.keys(values.questions).filter((l) => !(UI_LANGUAGES as readonly string[]).includes(l));
  return [...UI_LANGUAGES, ...extra.sort()];
}

export function toFormValues(settings: SurveySettings): SurveyFormValues {
  return { mode: settings.mode, questions: withDefaults(settings.mode, settings.questions), platforms: [...settings.platforms], delayMinutes: settings.delayMinutes };
}

function withDefaults(mode: SurveyMode, saved: Record<string, string>): Record<string, string> {
  const questions: Record<string, string> = {};
  for (const language of UI_LANGUAGES) questions[language] = saved[language] ?? builtIn(mode, language);
  return { ...questions, ...saved };
}

/** Another scale: questions written for the old one are replaced by the new built-in texts. */
export function changeMode(values: SurveyFormValues, mode: SurveyMode): SurveyFormValues {
  return { ...values, mode, questions: withDefaults(mode, {}) };
}

/** Only texts that differ from the built-in one are stored: improved defaults reach everyone else. */
export function toSettings(values: SurveyFormValues): SurveySettings {
  const questions: Record<string, string> = {};
  for (const [language, text] of Object.entries(values.questions)) {
    const trimmed = text.trim();
    if (trimmed && trimmed !== builtIn(values.mode, language)) questions[language] = trimmed;
  }
  return { mode: values.mode, questions: values.mode === 'off' ? {} : questions, platforms: PLATFORMS.filter((p) => values.platforms.includes(p)), delayMinutes: Number(values.delayMinutes) };
}

export function checkSurveyForm(values: SurveyFormValues): SurveyFormErrors {
  const errors: SurveyFormErrors = {};
  if (values.mode === 'off') return errors;
  if (values.platforms.length === 0) errors.platforms = 'noPlatform';
  const delay = Number(values.delayMinutes);
  if (values.delayMinutes === '' || !Number.isInteger(delay) || delay < 0 || delay > MAX_SURVEY_DELAY_MINUTES) errors.delayMinutes = 'delayRange';
  for (const [language, text] of Object.entries(values.questions)) {
    // Left empty, a UI language falls back to its built-in text; another language needs one.
    if (text.trim() === '' && !(UI_LANGUAGES as readonly string[]).includes(language)) errors[`question:${language}`] = 'questionEmpty';
    if (text.trim().length > 1000) errors[`question:${language}`] = 'questionLong';
  }
  return errors;
}
