// The team's target (messages per agent-hour): a field a lead saves; everyone else reads it.
import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/deskContext';
import { describeError } from '../../app/describeError';
import { showInfoToast } from '../../app/toasts';
import { formatNumber } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { checkTarget } from './coverageGrid';

export interface CoverageTargetFieldProps {
  target: number;
  isDefault: boolean;
  isLead: boolean;
}

export function CoverageTargetField({ target, isDefault, isLead }: CoverageTargetFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const desk = useDesk();
  const [value, setValue] = useState<string | number>(target);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const shown = formatNumber(target, locale, 2);

  if (!isLead) {
    return (
      <Text size="sm">
        {isDefault ? t('coverage.target.default', { target: shown }) : t('coverage.target.readOnly', { target: shown })} {t('coverage.target.leadOnly')}
      </Text>
    );
  }

  const save = async () => {
    const checked = checkTarget(value);
    if (!checked.ok) return setError(t(checked.error));
    setError(null);
    setSaving(true);
    try {
      await desk.setCoverageTarget({ messagesPerAgentHour: checked.value });
      showInfoToast(t('coverage.target.saved'));
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('coverage.target.label')}
          description={isDefault ? t('coverage.target.default', { target: shown }) : t('coverage.target.description')}
          value={value}
          onChange={(next) => {
            setValue(next);
            setError(null);
          }}
          min={0}
          max={1000}
          decimalScale={2}
          error={error}
          w={340}
        />
        <Button type="submit" loading={saving}>
          {t('coverage.target.save')}
        </Button>
      </Group>
    </form>
  );
}
