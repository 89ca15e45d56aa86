import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../uiLanguages';
import { DEFAULT_SURVEY_QUESTIONS, DEFAULT_SURVEY_SETTINGS, surveyQuestionFor, surveySettingsSchema, type SurveySettings } from './surveySettings';
import { measure } from '../platformLength';

const csat: SurveySettings = { ...DEFAULT_SURVEY_SETTINGS, mode: 'csat' };

describe('survey questions', () => {
  it('has a built-in question in every UI language that fits on X', () => {
    for (const mode of ['csat', 'nps'] as const) {
      expect(Object.keys(DEFAULT_SURVEY_QUESTIONS[mode]).sort()).toEqual([...UI_LANGUAGES].sort());
      for (const body of Object.values(DEFAULT_SURVEY_QUESTIONS[mode])) expect(measure('x', body).over).toBe(false);
    }
  });

  it("asks in the customer's language: the workspace's text first, then pt-BR for pt, then English", () => {
    const settings = { ...csat, questions: { es: '¿Del 1 al 5?' } };
    expect(surveyQuestionFor(settings, 'es-MX', 'x')).toEqual({ language: 'es', body: '¿Del 1 al 5?' });
    expect(surveyQuestionFor(settings, 'pt', 'x')).toEqual({ language: 'pt-BR', body: DEFAULT_SURVEY_QUESTIONS.csat['pt-BR'] });
    expect(surveyQuestionFor(settings, 'it', 'x')?.language).toBe('en');
    expect(surveyQuestionFor(settings, null, 'x')?.language).toBe('en');
    expect(surveyQuestionFor({ ...settings, mode: 'off' }, 'es', 'x')).toBeNull();
  });

  it("falls back to a text that fits the platform's limit", () => {
    const long = 'x'.repeat(400);
    const settings = { ...csat, questions: { de: long } };
    expect(surveyQuestionFor(settings, 'de', 'bluesky')).toEqual({ language: 'de', body: DEFAULT_SURVEY_QUESTIONS.csat.de });
    expect(surveyQuestionFor(settings, 'de', 'email')).toEqual({ language: 'de', body: long });
    const nothingFits = { ...csat, questions: { de: long, en: long } };
    expect(surveyQuestionFor(nothingFits, 'de', 'x')?.body).toBe(DEFAULT_SURVEY_QUESTIONS.csat.de);
  });

  it('refuses bad settings with a reason', () => {
    const bad = surveySettingsSchema.safeParse({ ...csat, delayMinutes: 99_999 });
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['At most a week']);
    expect(surveySettingsSchema.safeParse({ ...csat, questions: { 'not a tag': 'x' } }).success).toBe(false);
    expect(surveySettingsSchema.safeParse({ ...csat, questions: { en: '  ' } }).error!.issues[0]!.message).toBe('Write the question');
  });
});
