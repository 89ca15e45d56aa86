import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_QUESTIONS, DEFAULT_SURVEY_SETTINGS } from '@shared/surveys/surveySettings';
import { changeMode, checkSurveyForm, formLanguages, toFormValues, toSettings } from './surveyForm';

describe('survey settings form', () => {
  it('starts every UI language from the built-in question and stores only changed texts', () => {
    const values = toFormValues({ ...DEFAULT_SURVEY_SETTINGS, mode: 'csat', questions: { it: 'Da 1 a 5?' } });
    expect(values.questions.es).toBe(DEFAULT_SURVEY_QUESTIONS.csat.es);
    expect(formLanguages(values).at(-1)).toBe('it');
    const edited = { ...values, questions: { ...values.questions, de: '  Von 1 bis 5?  ' } };
    expect(toSettings(edited).questions).toEqual({ it: 'Da 1 a 5?', de: 'Von 1 bis 5?' });
  });

  it('replaces the questions when the scale changes', () => {
    const values = changeMode(toFormValues({ ...DEFAULT_SURVEY_SETTINGS, mode: 'csat', questions: { en: '1 to 5?' } }), 'nps');
    expect(values.questions.en).toBe(DEFAULT_SURVEY_QUESTIONS.nps.en);
    expect(toSettings(values)).toMatchObject({ mode: 'nps', questions: {} });
  });

  it('says what is wrong before saving', () => {
    const values = { ...toFormValues({ ...DEFAULT_SURVEY_SETTINGS, mode: 'nps' }), platforms: [], delayMinutes: 20_000 };
    expect(checkSurveyForm(values)).toEqual({ platforms: 'noPlatform', delayMinutes: 'delayRange' });
    expect(checkSurveyForm({ ...values, mode: 'off' })).toEqual({});
    expect(checkSurveyForm({ ...toFormValues({ ...DEFAULT_SURVEY_SETTINGS, mode: 'csat' }), delayMinutes: '' })).toEqual({ delayMinutes: 'delayRange' });
  });
});
