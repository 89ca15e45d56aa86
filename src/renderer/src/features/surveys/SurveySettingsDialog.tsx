// Survey settings, opened from the SETTINGS group of the queue rail: off, CSAT (1–5) or NPS
// (0–10); the question per language (starting from the built-in text); the platforms whose
// resolved conversations get it (e-mail conversations by e-mail); the delay after resolution.
import { Alert, Button, Checkbox, Group, Loader, Modal, NumberInput, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, type Platform } from '@shared/domain';
import { MAX_SURVEY_DELAY_MINUTES, SURVEY_MODES, type SurveyMode } from '@shared/surveys/surveySettings';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showInfoToast } from '../../app/toasts';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { changeMode, checkSurveyForm, formLanguages, toFormValues, toSettings, type SurveyFormErrors, type SurveyFormValues } from './surveyForm';

export function SurveySettingsDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const locale = useLocale();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [values, setValues] = useState<SurveyFormValues | null>(null);
  const [language, setLanguage] = useState<string>('en');
  const [errors, setErrors] = useState<SurveyFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const [wasOpened, setWasOpened] = useState(false);
  if (opened !== wasOpened) {
    // Opened again: start from what the core has now.
    setWasOpened(opened);
    setValues(null);
    setErrors({});
    setFailure(null);
  }

  useEffect(() => {
    if (!opened) return;
    let current = true;
    desk.getSurveySettings({}).then(
      (settings) => current && setValues(toFormValues(settings)),
      (error: unknown) => current && setFailure(describeError(t, error)),
    );
    return () => {
      current = false;
    };
  }, [opened, desk, t]);

  const update = (next: SurveyFormValues) => {
    setValues(next);
    setErrors({});
    setFailure(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values || saving) return;
    const found = checkSurveyForm(values);
    setErrors(found);
    const firstQuestion = Object.keys(found).find((k) => k.startsWith('question:'));
    if (firstQuestion) setLanguage(firstQuestion.slice('question:'.length));
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await desk.saveSurveySettings(toSettings(values));
      showInfoToast(t('surveys.settings.saved'));
      onClose();
    } catch (error) {
      setFailure(describeError(t, error));
    } finally {
      setSaving(false);
    }
  };

  const questionError = values ? errors[`question:${language}`] : undefined;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('surveys.settings.title')}
      size="lg"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('surveys.settings.close') }}
      data-testid="survey-settings-dialog"
    >
      {!values ? (
        failure ? (
          <Alert color="red" title={t('surveys.settings.loadFailed')}>
            {failure}
          </Alert>
        ) : (
          <Group justify="center" p="lg">
            <Loader size="sm" aria-label={t('surveys.settings.loading')} />
          </Group>
        )
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-busy={saving}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('surveys.settings.intro')}
            </Text>
            <Radio.Group label={t('surveys.settings.mode')} value={values.mode} onChange={(mode) => update(changeMode(values, mode as SurveyMode))}>
              <Stack gap="sm" mt={8}>
                {SURVEY_MODES.map((mode) => (
                  <Radio key={mode} value={mode} label={t(`surveys.settings.modes.${mode}`)} description={t(`surveys.settings.modeHints.${mode}`)} data-testid={`survey-mode-${mode}`} />
                ))}
              </Stack>
            </Radio.Group>
            {values.mode !== 'off' && (
              <>
                <Group align="flex-start" grow>
                  <Select
                    label={t('surveys.settings.language')}
                    data={formLanguages(values).map((l) => ({ value: l, label: languageName(l, locale) }))}
                    value={language}
                    onChange={(l) => l && setLanguage(l)}
                    allowDeselect={false}
                    searchable
                    data-testid="survey-language"
                  />
                  <NumberInput
                    label={t('surveys.settings.delay')}
                    description={t('surveys.settings.delayHint')}
                    min={0}
                    max={MAX_SURVEY_DELAY_MINUTES}
                    allowDecimal={false}
                    allowNegative={false}
                    value={values.delayMinutes}
                    onChange={(delayMinutes) => update({ ...values, delayMinutes })}
                    error={errors.delayMinutes ? t(`surveys.settings.errors.${errors.delayMinutes}`, { max: MAX_SURVEY_DELAY_MINUTES }) : undefined}
                    data-testid="survey-delay"
                  />
                </Group>
                <Textarea
                  label={t('surveys.settings.question', { language: languageName(language, locale) })}
                  description={t('surveys.settings.questionHint')}
                  value={values.questions[language] ?? ''}
                  onChange={(e) => update({ ...values, questions: { ...values.questions, [language]: e.currentTarget.value } })}
                  error={questionError ? t(`surveys.settings.errors.${questionError}`) : undefined}
                  lang={language}
                  dir="auto"
                  autosize
                  minRows={2}
                  maxRows={6}
                  data-testid="survey-question"
                />
                <Checkbox.Group
                  label={t('surveys.settings.platforms')}
                  description={t('surveys.settings.platformsHint')}
                  value={values.platforms}
                  onChange={(platforms) => update({ ...values, platforms: platforms as Platform[] })}
                  error={errors.platforms ? t(`surveys.settings.errors.${errors.platforms}`) : undefined}
                >
                  <Group gap="md" mt={8}>
                    {PLATFORMS.map((p) => (
                      <Checkbox key={p} value={p} label={p === 'email' ? t('surveys.settings.byEmail') : t(`platform.${p}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
              </>
            )}
            <div role="alert">
              {failure && (
                <Alert color="red" title={t('surveys.settings.saveFailed')}>
                  {failure}
                </Alert>
              )}
            </div>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('surveys.settings.cancel')}
              </Button>
              <Button type="submit" loading={saving} data-testid="survey-save">
                {t('surveys.settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
