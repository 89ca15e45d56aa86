// One SLA target: an amount and its unit (minutes, hours, days), side by side under one label.
import { Group, NativeSelect, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DURATION_UNITS, type DurationUnitChoice, type DurationValue } from './durationInput';

/** The unit's label takes the label's height but is not shown: the amount's label names both. */
const HIDDEN_LABEL = { style: { visibility: 'hidden' as const } };

export function TargetInput({
  id,
  label,
  value,
  onChange,
  error,
  required = false,
  placeholder,
}: {
  id: string;
  label: string;
  value: DurationValue;
  onChange(value: DurationValue): void;
  error?: string;
  required?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const count = typeof value.amount === 'number' ? value.amount : 2;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <NumberInput
        id={id}
        label={label}
        value={value.amount}
        onChange={(amount) => onChange({ ...value, amount })}
        error={error}
        required={required}
        placeholder={placeholder}
        min={0}
        step={1}
        decimalScale={2}
        allowNegative={false}
        clampBehavior="none"
        hideControls
        style={{ flex: 1, minWidth: 0 }}
      />
      <NativeSelect
        label={t('slaSettings.policyForm.unit')}
        labelProps={HIDDEN_LABEL}
        aria-label={t('slaSettings.policyForm.unitOf', { target: label })}
        value={value.unit}
        onChange={(e) => onChange({ ...value, unit: e.currentTarget.value as DurationUnitChoice })}
        data={DURATION_UNITS.map((unit) => ({ value: unit, label: t(`slaSettings.units.${unit}`, { count }) }))}
        w={104}
        style={{ flexShrink: 0 }}
      />
    </Group>
  );
}
