// The Urgency rules form without the DOM: the core's rules as editable values (numbers as the
// agent typed them, one row per keyword language and per VIP customer), their checks (the
// contract's limits, said as keys under urgencyRules.errors) and the rules they save as.
import { PLATFORMS, type Platform } from '@shared/domain';
import type { SpikeSettings, UrgencyRule, UrgencyRules, VipCustomer } from '@shared/urgency';

export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
export const MAX_TERM_LENGTH = 100;
export const MAX_TERMS = 1000;
export const MAX_VIP_TEXT = 200;
export const MAX_VIP_LABEL = 100;
export const MIN_SPIKE_MESSAGES = 2;
export const MAX_SPIKE_MESSAGES = 10_000;
export const MIN_SPIKE_MINUTES = 1;
export const MAX_SPIKE_MINUTES = 24 * 60;
export const VIP_PLATFORMS: readonly Platform[] = PLATFORMS;

/** A number field as typed: a number, or the text the input holds ('' when empty). */
export type NumberValue = number | string;

export interface Toggles {
  enabled: boolean;
  mustInterrupt: boolean;
}
export interface LanguageRow {
  /** Stable while the tag is edited (React key, field ids). */
  key: string;
  language: string;
  terms: string[];
}
export interface VipRow {
  key: string;
  handle: string;
  platformId: string;
  /** '' for any platform. */
  platform: Platform | '';
  label: string;
}

export type RuleValues =
  | (Toggles & { id: string; kind: 'keywords'; languages: LanguageRow[] })
  | (Toggles & { id: string; kind: 'followers'; threshold: NumberValue })
  | (Toggles & { id: string; kind: 'vip'; customers: VipRow[] })
  | (Toggles & { id: string; kind: 'verified' })
  | (Toggles & { id: string; kind: 'negativeSentiment'; threshold: number });

export interface SpikeValues extends Toggles {
  minMessages: NumberValue;
  windowMinutes: NumberValue;
}

export interface UrgencyFormValues {
  rules: RuleValues[];
  spikes: SpikeValues;
}

/** Keys under urgencyRules.errors. */
export type UrgencyErrorKey =
  | 'languageRequired'
  | 'languageInvalid'
  | 'languageDuplicate'
  | 'termTooLong'
  | 'tooManyTerms'
  | 'thresholdRequired'
  | 'thresholdWhole'
  | 'thresholdNegative'
  | 'vipWho'
  | 'vipTooLong'
  | 'vipLabelTooLong'
  | 'sentimentRange'
  | 'spikeMessages'
  | 'spikeMinutes';

/** Field path → what is wrong with it. Paths are made by `fieldPath`, in the form's order. */
export type UrgencyErrors = Record<string, UrgencyErrorKey>;

export const fieldPath = {
  language: (ruleId: string, rowKey: string) => `rule:${ruleId}:language:${rowKey}`,
  terms: (ruleId: string, rowKey: string) => `rule:${ruleId}:terms:${rowKey}`,
  threshold: (ruleId: string) => `rule:${ruleId}:threshold`,
  vipHandle: (ruleId: string, rowKey: string) => `rule:${ruleId}:vip-handle:${rowKey}`,
  vipPlatformId: (ruleId: string, rowKey: string) => `rule:${ruleId}:vip-id:${rowKey}`,
  vipLabel: (ruleId: string, rowKey: string) => `rule:${ruleId}:vip-label:${rowKey}`,
  spikeMessages: () => 'spikes:minMessages',
  spikeMinutes: () => 'spikes:windowMinutes',
} as const;

/** An element id for a field path (ids keep to letters, digits, - and _). */
export const fieldId = (path: string) => `urgency-${path.replace(/[^\w-]/g, '_')}`;

let nextKey = 0;
export const newRowKey = (): string => `row${++nextKey}`;

export function toFormValues(rules: UrgencyRules): UrgencyFormValues {
  return {
    rules: rules.rules.map(ruleValues),
    spikes: { ...toggles(rules.spikes), minMessages: rules.spikes.minMessages, windowMinutes: rules.spikes.windowMinutes },
  };
}

const toggles = (t: Toggles): Toggles => ({ enabled: t.enabled, mustInterrupt: t.mustInterrupt });

function ruleValues(rule: UrgencyRule): RuleValues {
  const base = { id: rule.id, ...toggles(rule) };
  switch (rule.kind) {
    case 'keywords':
      return {
        ...base,
        kind: 'keywords',
        languages: Object.entries(rule.terms).map(([language, terms]) => ({ key: newRowKey(), language, terms: [...terms] })),
      };
    case 'followers':
      return { ...base, kind: 'followers', threshold: rule.threshold };
    case 'vip':
      return {
        ...base,
        kind: 'vip',
        customers: rule.customers.map((c) => ({
          key: newRowKey(),
          handle: c.handle ?? '',
          platformId: c.platformId ?? '',
          platform: c.platform ?? '',
          label: c.label ?? '',
        })),
      };
    case 'verified':
      return { ...base, kind: 'verified' };
    case 'negativeSentiment':
      return { ...base, kind: 'negativeSentiment', threshold: rule.threshold };
  }
}

export const emptyLanguageRow = (): LanguageRow => ({ key: newRowKey(), language: '', terms: [] });
export const emptyVipRow = (): VipRow => ({ key: newRowKey(), handle: '', platformId: '', platform: '', label: '' });

/** A typed number: the number, or null when the text is not one. Accepts the locale's grouping as typed. */
export function readNumber(value: NumberValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(/[\s,_\u00a0\u202f']/g, '');
  if (text === '' || text === '-') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Terms as saved: trimmed, inner spaces collapsed, empty and repeated ones (ignoring case) dropped. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const term of terms) {
    const clean = term.trim().replace(/\s+/gu, ' ');
    const key = clean.toLocaleLowerCase();
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}

export function validateUrgencyForm(values: UrgencyFormValues): UrgencyErrors {
  const errors: UrgencyErrors = {};
  for (const rule of values.rules) {
    switch (rule.kind) {
      case 'keywords': {
        const seen = new Set<string>();
        for (const row of rule.languages) {
          const tag = row.language.trim();
          const path = fieldPath.language(rule.id, row.key);
          if (tag === '') errors[path] = 'languageRequired';
          else if (!LANGUAGE_TAG.test(tag)) errors[path] = 'languageInvalid';
          else if (seen.has(tag.toLowerCase())) errors[path] = 'languageDuplicate';
          seen.add(tag.toLowerCase());
          const terms = cleanTerms(row.terms);
          if (terms.some((t) => t.length > MAX_TERM_LENGTH)) errors[fieldPath.terms(rule.id, row.key)] = 'termTooLong';
          else if (terms.length > MAX_TERMS) errors[fieldPath.terms(rule.id, row.key)] = 'tooManyTerms';
        }
        break;
      }
      case 'followers': {
        const n = readNumber(rule.threshold);
        const path = fieldPath.threshold(rule.id);
        if (n === null) errors[path] = 'thresholdRequired';
        else if (n < 0) errors[path] = 'thresholdNegative';
        else if (!Number.isInteger(n)) errors[path] = 'thresholdWhole';
        break;
      }
      case 'vip':
        for (const row of rule.customers) {
          const handle = row.handle.trim();
          const id = row.platformId.trim();
          if (handle === '' && id === '') errors[fieldPath.vipHandle(rule.id, row.key)] = 'vipWho';
          if (handle.length > MAX_VIP_TEXT) errors[fieldPath.vipHandle(rule.id, row.key)] = 'vipTooLong';
          if (id.length > MAX_VIP_TEXT) errors[fieldPath.vipPlatformId(rule.id, row.key)] = 'vipTooLong';
          if (row.label.trim().length > MAX_VIP_LABEL) errors[fieldPath.vipLabel(rule.id, row.key)] = 'vipLabelTooLong';
        }
        break;
      case 'negativeSentiment':
        if (!(rule.threshold >= -1 && rule.threshold <= 0)) errors[fieldPath.threshold(rule.id)] = 'sentimentRange';
        break;
      case 'verified':
        break;
    }
  }
  const messages = readNumber(values.spikes.minMessages);
  if (messages === null || !Number.isInteger(messages) || messages < MIN_SPIKE_MESSAGES || messages > MAX_SPIKE_MESSAGES) {
    errors[fieldPath.spikeMessages()] = 'spikeMessages';
  }
  const minutes = readNumber(values.spikes.windowMinutes);
  if (minutes === null || minutes < MIN_SPIKE_MINUTES || minutes > MAX_SPIKE_MINUTES) errors[fieldPath.spikeMinutes()] = 'spikeMinutes';
  return errors;
}

/** The first field with an error, in the form's order (the errors object keeps insertion order). */
export const firstUrgencyError = (errors: UrgencyErrors): string | null => Object.keys(errors)[0] ?? null;

/** The rules to save. Call only when `validateUrgencyForm` found nothing. */
export function toUrgencyRules(values: UrgencyFormValues): UrgencyRules {
  return {
    version: 1,
    rules: values.rules.map(toRule),
    spikes: toSpikes(values.spikes),
  };
}

function toSpikes(values: SpikeValues): SpikeSettings {
  return {
    ...toggles(values),
    minMessages: readNumber(values.minMessages) ?? MIN_SPIKE_MESSAGES,
    windowMinutes: readNumber(values.windowMinutes) ?? MIN_SPIKE_MINUTES,
  };
}

function toRule(rule: RuleValues): UrgencyRule {
  const base = { id: rule.id, ...toggles(rule) };
  switch (rule.kind) {
    case 'keywords': {
      const terms: Record<string, string[]> = {};
      for (const row of rule.languages) terms[row.language.trim()] = cleanTerms(row.terms);
      return { ...base, kind: 'keywords', terms };
    }
    case 'followers':
      return { ...base, kind: 'followers', threshold: readNumber(rule.threshold) ?? 0 };
    case 'vip':
      return { ...base, kind: 'vip', customers: rule.customers.map(toCustomer) };
    case 'verified':
      return { ...base, kind: 'verified' };
    case 'negativeSentiment':
      return { ...base, kind: 'negativeSentiment', threshold: rule.threshold };
  }
}

function toCustomer(row: VipRow): VipCustomer {
  const customer: VipCustomer = {};
  if (row.platform !== '') customer.platform = row.platform;
  if (row.platformId.trim()) customer.platformId = row.platformId.trim();
  if (row.handle.trim()) customer.handle = row.handle.trim();
  if (row.label.trim()) customer.label = row.label.trim();
  return customer;
}

/** Plain words for a sentiment threshold: keys under urgencyRules.sentiment.band. */
export type SentimentBand = 'furious' | 'angry' | 'unhappy' | 'anyNegative';
export function sentimentBand(threshold: number): SentimentBand {
  if (threshold <= -0.8) return 'furious';
  if (threshold <= -0.5) return 'angry';
  if (threshold <= -0.2) return 'unhappy';
  return 'anyNegative';
}

/** The locale's digit grouping and decimal mark, for number inputs that show numbers as the UI does. */
export function numberSeparators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(11111.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}
