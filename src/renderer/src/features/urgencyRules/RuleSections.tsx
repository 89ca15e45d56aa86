// One section per urgency rule (a fieldset named by the rule: its switches, then what it checks)
// and the spike settings. Values and errors come from the form; every change goes back up.
import { ActionIcon, Button, Fieldset, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Slider, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '@shared/domain';
import { languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import {
  emptyLanguageRow,
  emptyVipRow,
  fieldId,
  fieldPath,
  LANGUAGE_TAG,
  MAX_SPIKE_MESSAGES,
  MAX_SPIKE_MINUTES,
  MAX_TERM_LENGTH,
  MAX_VIP_LABEL,
  MAX_VIP_TEXT,
  MIN_SPIKE_MESSAGES,
  MIN_SPIKE_MINUTES,
  numberSeparators,
  sentimentBand,
  VIP_PLATFORMS,
  type LanguageRow,
  type RuleValues,
  type SpikeValues,
  type Toggles,
  type UrgencyErrors,
  type VipRow,
} from './urgencyForm';
import classes from './UrgencyRules.module.css';

type ErrorOf = (path: string) => string | undefined;

function useErrorText(errors: UrgencyErrors): ErrorOf {
  const { t } = useTranslation();
  return (path) => {
    const key = errors[path];
    return key === undefined ? undefined : t(`urgencyRules.errors.${key}`);
  };
}

function useNumberFormat() {
  const locale = useLocale();
  return useMemo(() => numberSeparators(locale), [locale]);
}

function Switches({ value, onChange }: { value: Toggles; onChange(next: Partial<Toggles>): void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xl">
      <Switch label={t('urgencyRules.enabled')} checked={value.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
      <Switch
        label={t('urgencyRules.mustInterrupt')}
        color="grape"
        checked={value.mustInterrupt}
        onChange={(e) => onChange({ mustInterrupt: e.currentTarget.checked })}
      />
    </Group>
  );
}

export interface RuleSectionProps {
  rule: RuleValues;
  errors: UrgencyErrors;
  onChange(id: string, update: (rule: RuleValues) => RuleValues): void;
  onClear(...paths: string[]): void;
}

export function RuleSection({ rule, errors, onChange, onClear }: RuleSectionProps) {
  const { t } = useTranslation();
  const update = <R extends RuleValues>(fn: (r: R) => R) => onChange(rule.id, (r) => fn(r as R));
  return (
    <Fieldset legend={t(`urgencyRules.kind.${rule.kind}`)} variant="default" className={classes.section} data-rule={rule.id} data-kind={rule.kind} data-enabled={rule.enabled}>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t(`urgencyRules.hint.${rule.kind}`)}
        </Text>
        <Switches value={rule} onChange={(next) => update((r) => ({ ...r, ...next }))} />
        {rule.kind === 'keywords' && <KeywordLists rule={rule} errors={errors} update={update} onClear={onClear} />}
        {rule.kind === 'followers' && <FollowerThreshold rule={rule} errors={errors} update={update} onClear={onClear} />}
        {rule.kind === 'vip' && <VipCustomers rule={rule} errors={errors} update={update} onClear={onClear} />}
        {rule.kind === 'negativeSentiment' && <SentimentThreshold rule={rule} update={update} />}
      </Stack>
    </Fieldset>
  );
}

type Update<R extends RuleValues> = (fn: (r: R) => R) => void;
interface PartProps<K extends RuleValues['kind']> {
  rule: Extract<RuleValues, { kind: K }>;
  errors: UrgencyErrors;
  update: Update<Extract<RuleValues, { kind: K }>>;
  onClear(...paths: string[]): void;
}

function KeywordLists({ rule, errors, update, onClear }: PartProps<'keywords'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const error = useErrorText(errors);
  const nameOf = (row: LanguageRow) => {
    const tag = row.language.trim();
    return LANGUAGE_TAG.test(tag) ? languageName(tag, locale) : tag || t('urgencyRules.keywords.newLanguage');
  };
  const setRow = (key: string, change: Partial<LanguageRow>) =>
    update((r) => ({ ...r, languages: r.languages.map((l) => (l.key === key ? { ...l, ...change } : l)) }));
  const add = () => {
    const row = emptyLanguageRow();
    update((r) => ({ ...r, languages: [...r.languages, row] }));
    // Focus the new row's tag once it is there.
    requestAnimationFrame(() => document.getElementById(fieldId(fieldPath.language(rule.id, row.key)))?.focus());
  };
  return (
    <Stack gap="xs">
      {rule.languages.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('urgencyRules.keywords.none')}
        </Text>
      )}
      {rule.languages.map((row) => {
        const name = nameOf(row);
        const languagePath = fieldPath.language(rule.id, row.key);
        const termsPath = fieldPath.terms(rule.id, row.key);
        return (
          <Group
            key={row.key}
            role="group"
            aria-label={t('urgencyRules.keywords.languageGroup', { language: name })}
            align="flex-start"
            wrap="nowrap"
            gap="sm"
            data-language={row.language}
          >
            <TextInput
              id={fieldId(languagePath)}
              className={classes.language}
              label={t('urgencyRules.keywords.language')}
              placeholder={t('urgencyRules.keywords.languageHint')}
              value={row.language}
              onChange={(e) => {
                setRow(row.key, { language: e.currentTarget.value });
                onClear(languagePath);
              }}
              error={error(languagePath)}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
            />
            <TagsInput
              id={fieldId(termsPath)}
              className={classes.grow}
              label={t('urgencyRules.keywords.terms', { language: name })}
              placeholder={t('urgencyRules.keywords.termsPlaceholder')}
              value={row.terms}
              onChange={(terms) => {
                setRow(row.key, { terms });
                onClear(termsPath);
              }}
              error={error(termsPath)}
              maxLength={MAX_TERM_LENGTH}
              splitChars={[',', '\n']}
              acceptValueOnBlur
              dir="auto"
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={26}
              aria-label={t('urgencyRules.keywords.remove', { language: name })}
              title={t('urgencyRules.keywords.remove', { language: name })}
              onClick={() => {
                update((r) => ({ ...r, languages: r.languages.filter((l) => l.key !== row.key) }));
                onClear(languagePath, termsPath);
              }}
            >
              <RemoveIcon />
            </ActionIcon>
          </Group>
        );
      })}
      <Button variant="light" size="xs" w="fit-content" onClick={add} leftSection={<PlusIcon />}>
        {t('urgencyRules.keywords.add')}
      </Button>
    </Stack>
  );
}

function FollowerThreshold({ rule, errors, update, onClear }: PartProps<'followers'>) {
  const { t } = useTranslation();
  const error = useErrorText(errors);
  const { group, decimal } = useNumberFormat();
  const path = fieldPath.threshold(rule.id);
  return (
    <NumberInput
      id={fieldId(path)}
      label={t('urgencyRules.followers.threshold')}
      value={rule.threshold}
      onChange={(threshold) => {
        update((r) => ({ ...r, threshold }));
        onClear(path);
      }}
      error={error(path)}
      thousandSeparator={group || undefined}
      decimalSeparator={decimal}
      allowDecimal={false}
      clampBehavior="none"
      min={0}
      step={1000}
      w={220}
    />
  );
}

function VipCustomers({ rule, errors, update, onClear }: PartProps<'vip'>) {
  const { t } = useTranslation();
  const error = useErrorText(errors);
  const setRow = (key: string, change: Partial<VipRow>) =>
    update((r) => ({ ...r, customers: r.customers.map((c) => (c.key === key ? { ...c, ...change } : c)) }));
  const add = () => {
    const row = emptyVipRow();
    update((r) => ({ ...r, customers: [...r.customers, row] }));
    requestAnimationFrame(() => document.getElementById(fieldId(fieldPath.vipHandle(rule.id, row.key)))?.focus());
  };
  const platforms = [
    { value: '', label: t('urgencyRules.vip.anyPlatform') },
    ...VIP_PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) })),
  ];
  return (
    <Stack gap="xs">
      {rule.customers.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('urgencyRules.vip.none')}
        </Text>
      )}
      {rule.customers.map((row, index) => {
        const number = index + 1;
        const handlePath = fieldPath.vipHandle(rule.id, row.key);
        const idPath = fieldPath.vipPlatformId(rule.id, row.key);
        const labelPath = fieldPath.vipLabel(rule.id, row.key);
        return (
          <Paper key={row.key} withBorder p="xs" radius="sm" role="group" aria-label={t('urgencyRules.vip.customer', { number })}>
            <Group align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} className={classes.grow}>
                <TextInput
                  id={fieldId(handlePath)}
                  label={t('urgencyRules.vip.handle')}
                  placeholder="@"
                  value={row.handle}
                  onChange={(e) => {
                    setRow(row.key, { handle: e.currentTarget.value });
                    onClear(handlePath);
                  }}
                  error={error(handlePath)}
                  maxLength={MAX_VIP_TEXT + 1}
                  autoComplete="off"
                  spellCheck={false}
                />
                <TextInput
                  id={fieldId(idPath)}
                  label={t('urgencyRules.vip.platformId')}
                  value={row.platformId}
                  onChange={(e) => {
                    setRow(row.key, { platformId: e.currentTarget.value });
                    onClear(idPath, handlePath);
                  }}
                  error={error(idPath)}
                  maxLength={MAX_VIP_TEXT + 1}
                  autoComplete="off"
                  spellCheck={false}
                />
                <NativeSelect
                  label={t('urgencyRules.vip.platform')}
                  value={row.platform}
                  onChange={(e) => setRow(row.key, { platform: e.currentTarget.value as Platform | '' })}
                  data={platforms}
                />
                <TextInput
                  id={fieldId(labelPath)}
                  label={t('urgencyRules.vip.label')}
                  placeholder={t('urgencyRules.vip.labelHint')}
                  value={row.label}
                  onChange={(e) => {
                    setRow(row.key, { label: e.currentTarget.value });
                    onClear(labelPath);
                  }}
                  error={error(labelPath)}
                  maxLength={MAX_VIP_LABEL + 1}
                  autoComplete="off"
                  dir="auto"
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={26}
                aria-label={t('urgencyRules.vip.remove', { number })}
                title={t('urgencyRules.vip.remove', { number })}
                onClick={() => {
                  update((r) => ({ ...r, customers: r.customers.filter((c) => c.key !== row.key) }));
                  onClear(handlePath, idPath, labelPath);
                }}
              >
                <RemoveIcon />
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Button variant="light" size="xs" w="fit-content" onClick={add} leftSection={<PlusIcon />}>
        {t('urgencyRules.vip.add')}
      </Button>
    </Stack>
  );
}

function SentimentThreshold({ rule, update }: { rule: Extract<RuleValues, { kind: 'negativeSentiment' }>; update: Update<Extract<RuleValues, { kind: 'negativeSentiment' }>> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labelId = useId();
  const describedId = useId();
  const format = useMemo(() => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), [locale]);
  const score = format.format(rule.threshold);
  const band = t(`urgencyRules.sentiment.band.${sentimentBand(rule.threshold)}`);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="sm">
        <Text id={labelId} size="sm" fw={500}>
          {t('urgencyRules.sentiment.threshold')}
        </Text>
        <Text size="sm" data-testid="sentiment-value">
          {t('urgencyRules.sentiment.value', { score })}
        </Text>
      </Group>
      <Slider
        min={-1}
        max={0}
        step={0.05}
        value={rule.threshold}
        onChange={(threshold) => update((r) => ({ ...r, threshold: Math.round(threshold * 100) / 100 }))}
        label={(value) => format.format(value)}
        thumbLabel={t('urgencyRules.sentiment.threshold')}
        thumbValueText={(value) => `${format.format(value)}: ${t(`urgencyRules.sentiment.band.${sentimentBand(value)}`)}`}
        thumbProps={{ 'aria-describedby': describedId }}
        marks={[{ value: -1 }, { value: -0.5 }, { value: 0 }]}
      />
      <Group justify="space-between" gap="sm" aria-hidden>
        <Text size="xs" c="dimmed">
          {t('urgencyRules.sentiment.ends.min')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('urgencyRules.sentiment.ends.max')}
        </Text>
      </Group>
      <Text id={describedId} size="sm">
        {band}
      </Text>
    </Stack>
  );
}

export interface SpikesSectionProps {
  spikes: SpikeValues;
  errors: UrgencyErrors;
  onChange(update: (spikes: SpikeValues) => SpikeValues): void;
  onClear(...paths: string[]): void;
}

export function SpikesSection({ spikes, errors, onChange, onClear }: SpikesSectionProps) {
  const { t } = useTranslation();
  const error = useErrorText(errors);
  const { group, decimal } = useNumberFormat();
  const messagesPath = fieldPath.spikeMessages();
  const minutesPath = fieldPath.spikeMinutes();
  return (
    <Fieldset legend={t('urgencyRules.kind.spikes')} variant="default" className={classes.section} data-rule="spikes">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('urgencyRules.hint.spikes')}
        </Text>
        <Switches value={spikes} onChange={(next) => onChange((s) => ({ ...s, ...next }))} />
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Text size="sm" className={classes.inlineText}>
            {t('urgencyRules.spikes.before')}
          </Text>
          <NumberInput
            id={fieldId(messagesPath)}
            aria-label={t('urgencyRules.spikes.messages')}
            value={spikes.minMessages}
            onChange={(minMessages) => {
              onChange((s) => ({ ...s, minMessages }));
              onClear(messagesPath);
            }}
            error={error(messagesPath)}
            thousandSeparator={group || undefined}
            decimalSeparator={decimal}
            allowDecimal={false}
            clampBehavior="none"
            min={MIN_SPIKE_MESSAGES}
            max={MAX_SPIKE_MESSAGES}
            w={110}
            size="sm"
          />
          <Text size="sm" className={classes.inlineText}>
            {t('urgencyRules.spikes.middle')}
          </Text>
          <NumberInput
            id={fieldId(minutesPath)}
            aria-label={t('urgencyRules.spikes.minutes')}
            value={spikes.windowMinutes}
            onChange={(windowMinutes) => {
              onChange((s) => ({ ...s, windowMinutes }));
              onClear(minutesPath);
            }}
            error={error(minutesPath)}
            thousandSeparator={group || undefined}
            decimalSeparator={decimal}
            clampBehavior="none"
            min={MIN_SPIKE_MINUTES}
            max={MAX_SPIKE_MINUTES}
            w={110}
            size="sm"
          />
          <Text size="sm" className={classes.inlineText}>
            {t('urgencyRules.spikes.after')}
          </Text>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function PlusIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" aria-hidden focusable="false">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

function RemoveIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" />
    </svg>
  );
}
