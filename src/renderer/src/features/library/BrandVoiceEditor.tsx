// Each account's brand voice: phrases its replies must not use, the sign-off they must end with,
// hints on tone, and slang or idioms to avoid per language (they translate badly). The composer
// underlines what a draft breaks; here the guidelines are edited, one account at a time.
import { ActionIcon, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrandVoiceGuidelines } from '@shared/cannedResponses';
import type { Account } from '@shared/domain';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { useAccountLabel } from '../../components/useAccountLabel';
import { FormSection } from '../sla/FormSection';
import { SlaFeedback, type SlaError } from '../sla/SlaFeedback';
import {
  brandVoiceToValues,
  firstBrandVoiceError,
  MAX_HINT,
  MAX_HINTS,
  MAX_PHRASE,
  MAX_PHRASES,
  newSlang,
  validateBrandVoice,
  valuesToBrandVoice,
  type BrandVoiceErrors,
  type BrandVoiceField,
  type BrandVoiceValues,
  type SlangValues,
} from './brandVoiceForm';

const fieldId = (field: BrandVoiceField): string => `brand-voice-${field.replace(/\./g, '-')}`;

type Loaded = { accountId: string; guidelines: BrandVoiceGuidelines; session: number } | { accountId: string; error: string } | null;

export function BrandVoiceEditor({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const accountLabel = useAccountLabel();
  const [chosenId, setAccountId] = useState(accounts[0]?.id ?? '');
  // The accounts may arrive after the editor opened: the first one until the agent picks.
  const accountId = accounts.some((a) => a.id === chosenId) ? chosenId : (accounts[0]?.id ?? '');
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!accountId) return;
    let current = true;
    desk.getBrandVoice({ accountId }).then(
      (guidelines) => current && setLoaded({ accountId, guidelines, session: Date.now() }),
      (error: unknown) => current && setLoaded({ accountId, error: describeError(t, error) }),
    );
    return () => {
      current = false;
    };
  }, [accountId, attempt, desk, t]);

  if (accounts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('library.brandVoice.noAccounts')}
      </Text>
    );
  }
  const account = accounts.find((a) => a.id === accountId);
  const ready = loaded && loaded.accountId === accountId ? loaded : null;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('library.brandVoice.intro')}
      </Text>
      <NativeSelect
        label={t('library.brandVoice.account')}
        value={accountId}
        onChange={(e) => setAccountId(e.currentTarget.value)}
        data={accounts.map((a) => ({ value: a.id, label: accountLabel(a) }))}
        w={{ base: '100%', sm: '24rem' }}
      />
      {ready === null ? (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label={t('library.brandVoice.loading')} />
        </Group>
      ) : 'error' in ready ? (
        <Stack gap="xs" role="alert">
          <Text size="sm">{t('library.brandVoice.loadFailed')}</Text>
          <Text size="sm" c="dimmed">
            {ready.error}
          </Text>
          <Button size="xs" variant="light" w="fit-content" onClick={() => setAttempt((n) => n + 1)}>
            {t('library.retry')}
          </Button>
        </Stack>
      ) : (
        <BrandVoiceForm key={`${ready.accountId}:${ready.session}`} accountId={ready.accountId} accountName={account ? accountLabel(account) : ready.accountId} guidelines={ready.guidelines} />
      )}
    </Stack>
  );
}

function BrandVoiceForm({ accountId, accountName, guidelines }: { accountId: string; accountName: string; guidelines: BrandVoiceGuidelines }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [values, setValues] = useState<BrandVoiceValues>(() => brandVoiceToValues(guidelines));
  const [errors, setErrors] = useState<BrandVoiceErrors>({});
  const [failure, setFailure] = useState<SlaError>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const clear = (...fields: string[]) => {
    setSaved(false);
    if (fields.some((f) => f in errors)) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f))) as BrandVoiceErrors);
  };
  const change = <K extends keyof BrandVoiceValues>(key: K, value: BrandVoiceValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  };
  const changeSlang = (index: number, patch: Partial<SlangValues>) => {
    setValues((v) => ({ ...v, slang: v.slang.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
    clear(...Object.keys(patch).map((k) => `slang.${index}.${k}`));
  };
  const addSlang = () => {
    setValues((v) => ({ ...v, slang: [...v.slang, newSlang()] }));
    setSaved(false);
    requestAnimationFrame(() => document.getElementById(fieldId(`slang.${values.slang.length}.language`))?.focus());
  };
  const removeSlang = (index: number) => {
    setValues((v) => ({ ...v, slang: v.slang.filter((_, i) => i !== index) }));
    setSaved(false);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith('slang.'))) as BrandVoiceErrors);
    requestAnimationFrame(() => document.getElementById('brand-voice-add-slang')?.focus());
  };

  const errorText = (field: BrandVoiceField): string | undefined => {
    const problem = errors[field];
    return problem === undefined ? undefined : t(`library.brandVoice.errors.${problem}`, { max: problem === 'hintTooLong' ? MAX_HINT : problem === 'tooManyHints' ? MAX_HINTS : problem === 'tooManyPhrases' ? MAX_PHRASES : MAX_PHRASE });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validateBrandVoice(values);
    setErrors(found);
    const first = firstBrandVoiceError(values, found);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const stored = await desk.saveBrandVoice({ accountId, guidelines: valuesToBrandVoice(values) });
      setValues(brandVoiceToValues(stored));
      setSaved(true);
    } catch (error) {
      setFailure({ title: t('library.brandVoice.saveFailed'), message: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="brand-voice-form">
      <Stack gap="md">
        <Textarea
          id={fieldId('bannedPhrases')}
          label={t('library.brandVoice.banned')}
          description={t('library.brandVoice.onePerLine')}
          value={values.bannedPhrases}
          onChange={(e) => change('bannedPhrases', e.currentTarget.value)}
          error={errorText('bannedPhrases')}
          autosize
          minRows={3}
          maxRows={8}
        />
        <TextInput
          id={fieldId('requiredSignOff')}
          label={t('library.brandVoice.signOff')}
          description={t('library.brandVoice.signOffHint')}
          value={values.requiredSignOff}
          onChange={(e) => change('requiredSignOff', e.currentTarget.value)}
          error={errorText('requiredSignOff')}
          autoComplete="off"
        />
        <Textarea
          id={fieldId('toneHints')}
          label={t('library.brandVoice.toneHints')}
          description={t('library.brandVoice.toneHintsHint')}
          value={values.toneHints}
          onChange={(e) => change('toneHints', e.currentTarget.value)}
          error={errorText('toneHints')}
          autosize
          minRows={2}
          maxRows={6}
        />
        <FormSection
          title={t('library.brandVoice.slang')}
          hint={t('library.brandVoice.slangHint')}
          actions={
            <Button id="brand-voice-add-slang" size="xs" variant="light" onClick={addSlang}>
              {t('library.brandVoice.addLanguage')}
            </Button>
          }
        >
          {values.slang.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('library.brandVoice.noSlang')}
            </Text>
          )}
          {values.slang.map((row, index) => {
            const n = index + 1;
            const removeLabel = t('library.brandVoice.removeLanguage', { n });
            return (
              <Paper key={row.key} withBorder p="sm" component="fieldset" style={{ margin: 0, minWidth: 0 }} aria-label={t('library.brandVoice.slangLabel', { n })}>
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    id={fieldId(`slang.${index}.language`)}
                    label={t('library.form.language')}
                    aria-label={t('library.brandVoice.languageOf', { n })}
                    placeholder="en"
                    value={row.language}
                    onChange={(e) => changeSlang(index, { language: e.currentTarget.value })}
                    error={errorText(`slang.${index}.language`)}
                    autoComplete="off"
                    spellCheck={false}
                    w="8rem"
                  />
                  <Textarea
                    id={fieldId(`slang.${index}.phrases`)}
                    label={t('library.brandVoice.phrases')}
                    aria-label={t('library.brandVoice.phrasesOf', { n })}
                    value={row.phrases}
                    onChange={(e) => changeSlang(index, { phrases: e.currentTarget.value })}
                    error={errorText(`slang.${index}.phrases`)}
                    autosize
                    minRows={2}
                    maxRows={6}
                    style={{ flex: 1 }}
                  />
                  <Tooltip label={removeLabel} withArrow>
                    <ActionIcon variant="subtle" color="red" mt={26} aria-label={removeLabel} onClick={() => removeSlang(index)}>
                      <span aria-hidden>×</span>
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Paper>
            );
          })}
        </FormSection>
        <SlaFeedback error={failure} />
        <Group justify="space-between" gap="sm">
          <div role="status" aria-atomic="true" data-testid="brand-voice-notice">
            {saved && (
              <Text size="sm" c="teal.8" fw={500}>
                {t('library.brandVoice.saved', { account: accountName })}
              </Text>
            )}
          </div>
          <Button type="submit" loading={busy}>
            {t('library.brandVoice.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
