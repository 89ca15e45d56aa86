// A policy's conditions: each a multi-select (any of the chosen values matches; none chosen
// matches all), languages as tags, VIP yes / no / either.
import { Group, MultiSelect, Radio, SimpleGrid, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account, ConversationIntent, ConversationKind, Platform, Priority } from '@shared/domain';
import { useAccountLabel } from '../../components/useAccountLabel';
import { CONVERSATION_KINDS, INTENTS, PLATFORMS, PRIORITIES, VIP_CHOICES, type PolicyValues, type VipChoice } from './policyForm';

/** Suggested language tags (any other can be typed). */
const LANGUAGE_SUGGESTIONS = ['en', 'es', 'pt', 'pt-BR', 'fr', 'de', 'it', 'nl', 'pl', 'lv', 'lt', 'et', 'fi', 'sv', 'uk', 'ru', 'tr', 'ar', 'hi', 'ja', 'ko', 'zh'];

export const conditionFieldId = (field: 'languages') => `sla-policy-${field}`;

type ListKey = 'accountIds' | 'platforms' | 'kinds' | 'priorities' | 'intents' | 'languages';

export function ConditionFields({
  values,
  accounts,
  change,
  languagesError,
}: {
  values: PolicyValues;
  accounts: readonly Account[];
  change<K extends keyof PolicyValues>(key: K, value: PolicyValues[K]): void;
  languagesError?: string;
}) {
  const { t } = useTranslation();
  const accountLabel = useAccountLabel();
  // Accounts a policy names but the workspace no longer has stay visible (by id) until removed.
  const accountData = [
    ...accounts.map((a) => ({ value: a.id, label: accountLabel(a) })),
    ...values.accountIds.filter((id) => !accounts.some((a) => a.id === id)).map((id) => ({ value: id, label: id })),
  ];
  const multi = <K extends Exclude<ListKey, 'languages'>>(key: K, label: string, any: string, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={label}
      placeholder={values[key].length === 0 ? any : undefined}
      data={data}
      value={values[key] as string[]}
      onChange={(v) => change(key, v as PolicyValues[K])}
      clearable
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {multi('priorities', t('slaSettings.policyForm.priorities'), t('slaSettings.policyForm.anyPriority'), PRIORITIES.map((p: Priority) => ({ value: p, label: t(`slaSettings.priority.${p}`) })))}
      {multi('accountIds', t('slaSettings.policyForm.accounts'), t('slaSettings.policyForm.anyAccount'), accountData)}
      {multi('platforms', t('slaSettings.policyForm.platforms'), t('slaSettings.policyForm.anyPlatform'), PLATFORMS.map((p: Platform) => ({ value: p, label: t(`platform.${p}`) })))}
      {multi('kinds', t('slaSettings.policyForm.kinds'), t('slaSettings.policyForm.anyKind'), CONVERSATION_KINDS.map((k: ConversationKind) => ({ value: k, label: t(`kind.${k}`) })))}
      <TagsInput
        id={conditionFieldId('languages')}
        label={t('slaSettings.policyForm.languages')}
        description={t('slaSettings.policyForm.languagesHint')}
        placeholder={values.languages.length === 0 ? t('slaSettings.policyForm.anyLanguage') : undefined}
        data={LANGUAGE_SUGGESTIONS}
        value={values.languages}
        onChange={(v) => change('languages', v.map((tag) => tag.trim()).filter(Boolean))}
        error={languagesError}
        clearable
        splitChars={[',', ' ']}
        acceptValueOnBlur
        comboboxProps={{ withinPortal: true }}
      />
      {multi('intents', t('slaSettings.policyForm.intents'), t('slaSettings.policyForm.anyIntent'), INTENTS.map((i: ConversationIntent) => ({ value: i, label: t(`slaSettings.intent.${i}`) })))}
      <Radio.Group label={t('slaSettings.policyForm.vip')} value={values.vip} onChange={(v) => change('vip', v as VipChoice)}>
        <Group gap="lg" mt={8}>
          {VIP_CHOICES.map((choice) => (
            <Radio key={choice} value={choice} label={t(`slaSettings.policyForm.vipChoice.${choice}`)} />
          ))}
        </Group>
      </Radio.Group>
    </SimpleGrid>
  );
}
