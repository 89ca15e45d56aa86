// Adding or editing an SLA policy: name, conditions, targets, the calendar they count in, when
// agents are warned, and the automatic acknowledgement. Checked here with a message per field;
// a refusal by the core is shown in its own words.
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/domain';
import type { SlaCalendar, SlaPolicy } from '@shared/sla';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { FormSection as Section } from './FormSection';
import { AckFields, ackFieldId } from './AckFields';
import { ConditionFields, conditionFieldId } from './ConditionFields';
import { MAX_TARGET_SECONDS } from './durationInput';
import {
  emptyPolicyValues,
  firstPolicyError,
  MAX_ACK_LENGTH,
  MAX_POLICY_NAME,
  MAX_WARN_PERCENT,
  MIN_WARN_PERCENT,
  policyToValues,
  validatePolicy,
  valuesToPolicy,
  type PolicyErrors,
  type PolicyField,
  type PolicyValues,
} from './policyForm';
import { SlaFeedback, type SlaError } from './SlaFeedback';
import { TargetInput } from './TargetInput';

const fieldId = (field: PolicyField): string => {
  if (field === 'languages') return conditionFieldId('languages');
  if (field === 'ack' || field.startsWith('ack.')) return ackFieldId(field as Parameters<typeof ackFieldId>[0]);
  return `sla-policy-${field}`;
};

export function PolicyForm({
  policy,
  calendars,
  accounts,
  onSaved,
  onCancel,
}: {
  /** The policy to edit; null adds one (tried after the others). */
  policy: SlaPolicy | null;
  calendars: SlaCalendar[];
  accounts: readonly Account[];
  onSaved(policy: SlaPolicy): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const desk = useDesk();
  const defaultAck = t('slaSettings.policyForm.ackDefault', { customer: '{{customer}}', expected: '{{expected}}' });
  const [values, setValues] = useState<PolicyValues>(() => (policy ? policyToValues(policy, defaultAck) : emptyPolicyValues(defaultAck)));
  const [id] = useState(() => policy?.id ?? `policy-${crypto.randomUUID()}`);
  const [errors, setErrors] = useState<PolicyErrors>({});
  const [failure, setFailure] = useState<SlaError>(null);
  const [busy, setBusy] = useState(false);

  const change = <K extends keyof PolicyValues>(key: K, value: PolicyValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // What the change may have fixed is checked again on the next save.
    const stale = (f: string) => f === key || (key === 'ackMessages' && f.startsWith('ack')) || (key === 'ackEnabled' && f.startsWith('ack'));
    if (Object.keys(errors).some(stale)) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !stale(f))) as PolicyErrors);
  };

  const errorText = (field: PolicyField): string | undefined => {
    const problem = errors[field];
    if (problem === undefined) return undefined;
    switch (problem) {
      case 'warnRange':
        return t('slaSettings.policyErrors.warnRange', { min: MIN_WARN_PERCENT / 100, max: MAX_WARN_PERCENT / 100 });
      case 'tooLong':
        return t('slaSettings.policyErrors.tooLong', { days: MAX_TARGET_SECONDS / 86_400 });
      case 'textTooLong':
        return t('slaSettings.policyErrors.textTooLong', { max: MAX_ACK_LENGTH });
      default:
        return t(`slaSettings.policyErrors.${problem}`);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validatePolicy(
      values,
      calendars.map((c) => c.id),
    );
    setErrors(found);
    const first = firstPolicyError(values, found);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await desk.saveSlaPolicy(valuesToPolicy(values, id)));
    } catch (e) {
      setFailure({ title: t('slaSettings.policyForm.saveFailed'), message: describeError(t, e) });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="sla-policy-form">
      <Stack gap="md">
        <TextInput
          id={fieldId('name')}
          label={t('slaSettings.policyForm.name')}
          description={t('slaSettings.policyForm.nameHint')}
          value={values.name}
          onChange={(e) => change('name', e.currentTarget.value)}
          error={errorText('name')}
          maxLength={MAX_POLICY_NAME}
          autoComplete="off"
          required
          data-autofocus
        />

        <Section title={t('slaSettings.policyForm.conditions')} hint={t('slaSettings.policyForm.conditionsHint')}>
          <ConditionFields values={values} accounts={accounts} change={change} languagesError={errorText('languages')} />
        </Section>

        <Section title={t('slaSettings.policyForm.targets')} hint={t('slaSettings.policyForm.targetsHint')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TargetInput
              id={fieldId('firstResponse')}
              label={t('slaSettings.policies.firstResponse')}
              value={values.firstResponse}
              onChange={(v) => change('firstResponse', v)}
              error={errorText('firstResponse')}
              required
            />
            <TargetInput
              id={fieldId('nextResponse')}
              label={t('slaSettings.policies.nextResponse')}
              value={values.nextResponse}
              onChange={(v) => change('nextResponse', v)}
              error={errorText('nextResponse')}
              required
            />
            <TargetInput
              id={fieldId('resolution')}
              label={t('slaSettings.policies.resolution')}
              placeholder={t('slaSettings.policyForm.resolutionNone')}
              value={values.resolution}
              onChange={(v) => change('resolution', v)}
              error={errorText('resolution')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={6}>
            {t('slaSettings.policyForm.resolutionHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="sm">
            <NativeSelect
              id={fieldId('calendarId')}
              label={t('slaSettings.policyForm.calendar')}
              description={t('slaSettings.policyForm.calendarHint')}
              value={values.calendarId}
              onChange={(e) => change('calendarId', e.currentTarget.value)}
              error={errorText('calendarId')}
              data={[{ value: '', label: t('slaSettings.aroundTheClock') }, ...calendars.map((c) => ({ value: c.id, label: c.name }))]}
            />
            <NumberInput
              id={fieldId('warnPercent')}
              label={t('slaSettings.policyForm.warnAt')}
              description={t('slaSettings.policyForm.warnHint')}
              value={values.warnPercent}
              onChange={(v) => change('warnPercent', v)}
              error={errorText('warnPercent')}
              min={MIN_WARN_PERCENT}
              max={MAX_WARN_PERCENT}
              step={5}
              suffix=" %"
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
            />
          </SimpleGrid>
        </Section>

        <Section title={t('slaSettings.policyForm.ack')}>
          <AckFields values={values} change={change} errorText={errorText} />
        </Section>

        <SlaFeedback error={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy}>
            {t('slaSettings.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {policy ? t('slaSettings.policyForm.save') : t('slaSettings.policyForm.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
