// The automatic acknowledgement of a policy: on or off, and the message per language (English
// is required, as the fallback for customers whose language has none).
import { Button, CloseButton, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { FALLBACK_ACK_LANGUAGE, LANGUAGE_TAG, MAX_ACK_LENGTH, nextAckLanguage, type AckMessageValue, type PolicyErrors, type PolicyValues } from './policyForm';
import classes from './SlaSettings.module.css';

export const ackFieldId = (field: 'ack' | `ack.${number}.language` | `ack.${number}.text`) => `sla-policy-${field.replace(/\./g, '-')}`;

export function AckFields({
  values,
  change,
  errorText,
}: {
  values: PolicyValues;
  change<K extends keyof PolicyValues>(key: K, value: PolicyValues[K]): void;
  errorText(field: keyof PolicyErrors): string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = values.ackMessages;
  const setRow = (index: number, patch: Partial<AckMessageValue>) => change('ackMessages', rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const placeholders = { customer: '{{customer}}', expected: '{{expected}}' };

  return (
    <Stack gap="sm">
      <Switch
        id={ackFieldId('ack')}
        label={t('slaSettings.policyForm.ackEnabled')}
        description={t('slaSettings.policyForm.ackHint')}
        checked={values.ackEnabled}
        onChange={(e) => change('ackEnabled', e.currentTarget.checked)}
        error={errorText('ack')}
      />
      {values.ackEnabled && (
        <Stack gap="xs" role="group" aria-label={t('slaSettings.policyForm.ackMessages')}>
          <Text size="xs" c="dimmed" data-testid="ack-placeholders">
            {t('slaSettings.policyForm.ackPlaceholders', placeholders)}
          </Text>
          {rows.map((row, index) => {
            const tag = row.language.trim();
            const name = LANGUAGE_TAG.test(tag) ? `${languageName(tag, locale)} (${tag})` : tag || t('slaSettings.policyForm.ackNewLanguage');
            const isFallback = index === 0 && tag === FALLBACK_ACK_LANGUAGE;
            return (
              <div key={index} className={classes.ackRow}>
                <TextInput
                  id={ackFieldId(`ack.${index}.language`)}
                  label={t('slaSettings.policyForm.ackLanguage')}
                  aria-label={t('slaSettings.policyForm.ackLanguageOf', { position: index + 1 })}
                  value={row.language}
                  onChange={(e) => setRow(index, { language: e.currentTarget.value })}
                  error={errorText(`ack.${index}.language`)}
                  readOnly={isFallback}
                  maxLength={35}
                  autoComplete="off"
                  spellCheck={false}
                />
                <Textarea
                  id={ackFieldId(`ack.${index}.text`)}
                  label={t('slaSettings.policyForm.ackMessageIn', { language: name })}
                  value={row.text}
                  onChange={(e) => setRow(index, { text: e.currentTarget.value })}
                  error={errorText(`ack.${index}.text`)}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={MAX_ACK_LENGTH}
                  dir="auto"
                />
                {isFallback ? (
                  <span style={{ width: 28 }} />
                ) : (
                  <CloseButton
                    mt={26}
                    aria-label={t('slaSettings.policyForm.ackRemove', { language: name })}
                    onClick={() => change('ackMessages', rows.filter((_, i) => i !== index))}
                  />
                )}
              </div>
            );
          })}
          <Button
            size="xs"
            variant="light"
            w="fit-content"
            onClick={() => change('ackMessages', [...rows, { language: nextAckLanguage(values), text: '' }])}
            disabled={rows.length >= 50}
          >
            {t('slaSettings.policyForm.ackAdd')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
