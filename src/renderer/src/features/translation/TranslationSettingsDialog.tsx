// Translation settings, opened from the SETTINGS group of the queue rail: no provider, a
// LibreTranslate-compatible server (address, optional API key) or DeepL (API key). Keys go to the
// OS keychain through the core and never come back: the form only says whether one is stored.
// Save tests the provider first; a refusal shows the core's words and changes nothing.
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showInfoToast } from '../../app/toasts';
import { useTranslationSettings } from './translationSettingsContext';
import { missingField, storedKeyApplies, toFormValues, toSettingsInput, type TranslationFormValues } from './translationForm';

const PROVIDERS = ['none', 'libretranslate', 'deepl'] as const;

type Feedback = { kind: 'error'; title: string; text: string } | { kind: 'tested'; languages: number } | null;

export function TranslationSettingsDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const settings = useTranslationSettings();
  const smallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [values, setValues] = useState<TranslationFormValues>(() => toFormValues(settings));
  const [missing, setMissing] = useState<ReturnType<typeof missingField>>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [wasOpened, setWasOpened] = useState(false);
  const [settingsSeen, setSettingsSeen] = useState(settings !== undefined);
  // Opened before the settings arrived: the form starts from them once they do (Save must never
  // turn translation off, and drop its key, only because they were still loading).
  if (opened && !settingsSeen && settings !== undefined) {
    setSettingsSeen(true);
    setValues(toFormValues(settings));
  }
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      // Opened again: start from what the core has now.
      setValues(toFormValues(settings));
      setMissing(null);
      setFeedback(null);
      setBusy(null);
    }
  }

  const update = (patch: Partial<TranslationFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setMissing(null);
    setFeedback(null);
  };

  const checked = () => {
    const problem = missingField(values, settings);
    setMissing(problem);
    if (problem) document.getElementById(`translation-${problem.field}`)?.focus();
    return problem === null;
  };

  const test = async () => {
    if (busy || !checked()) return;
    setBusy('test');
    setFeedback(null);
    try {
      const result = await desk.testTranslationSettings(toSettingsInput(values));
      setFeedback({ kind: 'tested', languages: result.languages.length });
    } catch (error) {
      setFeedback({ kind: 'error', title: t('translation.settings.testFailed'), text: describeError(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !checked()) return;
    setBusy('save');
    setFeedback(null);
    try {
      await desk.saveTranslationSettings(toSettingsInput(values));
      showInfoToast(t('translation.settings.saved'));
      onClose();
    } catch (error) {
      setFeedback({ kind: 'error', title: t('translation.settings.saveFailed'), text: describeError(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const keyStored = storedKeyApplies(values, settings);
  const keyError = missing?.field === 'apiKey' ? t(`translation.settings.${missing.message}`) : undefined;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('translation.settings.title')}
      size="lg"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': t('translation.settings.close') }}
      data-testid="translation-settings-dialog"
    >
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy !== null}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('translation.settings.intro')}
          </Text>
          <Radio.Group label={t('translation.settings.provider')} value={values.provider} onChange={(provider) => update({ provider: provider as TranslationFormValues['provider'], apiKey: '', removeApiKey: false })}>
            <Stack gap="sm" mt={8}>
              {PROVIDERS.map((p) => (
                <Radio key={p} value={p} label={t(`translation.settings.providers.${p}`)} description={t(`translation.settings.providerHints.${p}`)} data-autofocus={p === values.provider || undefined} />
              ))}
            </Stack>
          </Radio.Group>
          {values.provider === 'libretranslate' && (
            <TextInput
              id="translation-url"
              label={t('translation.settings.url')}
              description={t('translation.settings.urlHint')}
              placeholder="https://translate.example.org"
              value={values.url}
              onChange={(e) => update({ url: e.currentTarget.value })}
              error={missing?.field === 'url' ? t(`translation.settings.${missing.message}`) : undefined}
              required
              autoComplete="off"
              spellCheck={false}
            />
          )}
          {values.provider !== 'none' && (
            <PasswordInput
              id="translation-apiKey"
              label={values.provider === 'deepl' ? t('translation.settings.deeplKey') : t('translation.settings.libreKey')}
              description={keyStored ? t('translation.settings.keyStored') : values.provider === 'deepl' ? t('translation.settings.deeplKeyHint') : t('translation.settings.libreKeyHint')}
              value={values.apiKey}
              onChange={(e) => update({ apiKey: e.currentTarget.value })}
              error={keyError}
              required={values.provider === 'deepl' && !keyStored}
              disabled={values.removeApiKey}
              autoComplete="off"
              visibilityToggleButtonProps={{ 'aria-label': t('translation.settings.showKey') }}
            />
          )}
          {values.provider === 'libretranslate' && keyStored && (
            <Checkbox label={t('translation.settings.removeKey')} checked={values.removeApiKey} onChange={(e) => update({ removeApiKey: e.currentTarget.checked, apiKey: '' })} />
          )}
          <div role="status" aria-live="polite" data-testid="translation-settings-feedback">
            {feedback?.kind === 'tested' && (
              <Text size="sm" c="teal.8">
                {t('translation.settings.tested', { count: feedback.languages })}
              </Text>
            )}
          </div>
          <div role="alert" aria-atomic="true">
            {feedback?.kind === 'error' && (
              <Alert role="none" color="red" variant="light" title={feedback.title} py={8}>
                <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{feedback.text}</span>
              </Alert>
            )}
          </div>
          <Group justify="space-between" gap="sm">
            <div>
              {values.provider !== 'none' && (
                <Button variant="light" onClick={() => void test()} loading={busy === 'test'} disabled={busy === 'save'}>
                  {t('translation.settings.test')}
                </Button>
              )}
            </div>
            <Group gap="sm">
              <Button variant="subtle" color="gray" onClick={onClose} disabled={busy !== null}>
                {t('translation.settings.cancel')}
              </Button>
              <Button type="submit" loading={busy === 'save'} disabled={busy === 'test' || settings === undefined}>
                {t('translation.settings.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
