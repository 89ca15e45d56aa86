// The policy form without the DOM: its values, how they come from and go to an SlaPolicy, and
// their checks (the core's limits, said per field so each message can be translated).
import { CONVERSATION_KINDS, PLATFORMS, type ConversationIntent, type ConversationKind, type Platform, type Priority } from '@shared/domain';
import type { SlaMatch, SlaPolicy } from '@shared/sla';
import { checkDuration, durationSeconds, EMPTY_DURATION, toDurationValue, type DurationProblem, type DurationValue } from './durationInput';

export { CONVERSATION_KINDS, PLATFORMS };
export const PRIORITIES: readonly Priority[] = ['normal', 'urgent'];
export const INTENTS: readonly ConversationIntent[] = ['support', 'sales'];
export const VIP_CHOICES = ['any', 'yes', 'no'] as const;
export type VipChoice = (typeof VIP_CHOICES)[number];

export const MAX_POLICY_NAME = 100;
export const MAX_ACK_LENGTH = 2000;
export const MIN_WARN_PERCENT = 10;
export const MAX_WARN_PERCENT = 95;
/** The core's language tags: en, pt, pt-BR, zh-Hant-TW. */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
/** The language every acknowledgement falls back to. */
export const FALLBACK_ACK_LANGUAGE = 'en';

export interface AckMessageValue {
  language: string;
  text: string;
}

export interface PolicyValues {
  name: string;
  accountIds: string[];
  platforms: Platform[];
  kinds: ConversationKind[];
  priorities: Priority[];
  languages: string[];
  intents: ConversationIntent[];
  vip: VipChoice;
  firstResponse: DurationValue;
  nextResponse: DurationValue;
  /** Left empty: no resolution target. */
  resolution: DurationValue;
  /** '' counts around the clock. */
  calendarId: string;
  warnPercent: number | string;
  ackEnabled: boolean;
  /** The acknowledgement per language; English first. */
  ackMessages: AckMessageValue[];
}

export type TargetField = 'firstResponse' | 'nextResponse' | 'resolution';
export type AckProblem = 'languageRequired' | 'languageInvalid' | 'languageTwice' | 'textRequired' | 'englishRequired' | 'textTooLong';
/** Problems per field; acknowledgement rows by index (ack.0.text). Values are keys of slaSettings.errors. */
export type PolicyErrors = {
  name?: 'nameRequired';
  languages?: 'languageInvalid';
  warnPercent?: 'warnRange';
  calendarId?: 'calendarMissing';
  /** No English acknowledgement while it is enabled. */
  ack?: 'ackEnglish';
} & Partial<Record<TargetField, DurationProblem>> &
  Partial<Record<`ack.${number}.language` | `ack.${number}.text`, AckProblem>>;

export type PolicyField = keyof PolicyErrors;

/** The order fields are checked in, top to bottom of the form: the first with a problem gets the focus. */
export function policyErrorOrder(values: PolicyValues): PolicyField[] {
  return [
    'name',
    'languages',
    'firstResponse',
    'nextResponse',
    'resolution',
    'calendarId',
    'warnPercent',
    'ack',
    ...values.ackMessages.flatMap((_, i) => [`ack.${i}.language` as const, `ack.${i}.text` as const]),
  ];
}

export function emptyPolicyValues(defaultAck: string): PolicyValues {
  return {
    name: '',
    accountIds: [],
    platforms: [],
    kinds: [],
    priorities: [],
    languages: [],
    intents: [],
    vip: 'any',
    firstResponse: { amount: 1, unit: 'hours' },
    nextResponse: { amount: 2, unit: 'hours' },
    resolution: EMPTY_DURATION,
    calendarId: '',
    warnPercent: 75,
    ackEnabled: false,
    ackMessages: [{ language: FALLBACK_ACK_LANGUAGE, text: defaultAck }],
  };
}

export function policyToValues(policy: SlaPolicy, defaultAck: string): PolicyValues {
  const { match } = policy;
  const messages = Object.entries(policy.autoAck.messages).map(([language, text]) => ({ language, text }));
  // English first, the others in the order they were written.
  messages.sort((a, b) => Number(b.language === FALLBACK_ACK_LANGUAGE) - Number(a.language === FALLBACK_ACK_LANGUAGE));
  if (!messages.some((m) => m.language === FALLBACK_ACK_LANGUAGE)) messages.unshift({ language: FALLBACK_ACK_LANGUAGE, text: defaultAck });
  return {
    name: policy.name,
    accountIds: [...(match.accountIds ?? [])],
    platforms: [...(match.platforms ?? [])],
    kinds: [...(match.kinds ?? [])],
    priorities: [...(match.priorities ?? [])],
    languages: [...(match.languages ?? [])],
    intents: [...(match.intents ?? [])],
    vip: match.vip === undefined ? 'any' : match.vip ? 'yes' : 'no',
    firstResponse: toDurationValue(policy.firstResponseSeconds),
    nextResponse: toDurationValue(policy.nextResponseSeconds),
    resolution: toDurationValue(policy.resolutionSeconds),
    calendarId: policy.calendarId ?? '',
    warnPercent: Math.round(policy.nearBreachShare * 100),
    ackEnabled: policy.autoAck.enabled,
    ackMessages: messages,
  };
}

const warnPercentOf = (value: number | string): number | null => {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : null;
};

export function validatePolicy(values: PolicyValues, calendarIds: readonly string[]): PolicyErrors {
  const errors: PolicyErrors = {};
  if (values.name.trim() === '') errors.name = 'nameRequired';
  if (values.languages.some((l) => !LANGUAGE_TAG.test(l.trim()))) errors.languages = 'languageInvalid';
  for (const field of ['firstResponse', 'nextResponse', 'resolution'] as const) {
    const problem = checkDuration(values[field], field === 'resolution');
    if (problem) errors[field] = problem;
  }
  if (values.calendarId !== '' && !calendarIds.includes(values.calendarId)) errors.calendarId = 'calendarMissing';
  const warn = warnPercentOf(values.warnPercent);
  if (warn === null || warn < MIN_WARN_PERCENT || warn > MAX_WARN_PERCENT) errors.warnPercent = 'warnRange';

  // Hidden while switched off: only complete messages are kept then, nothing is asked for.
  if (values.ackEnabled) {
    const seen = new Set<string>();
    values.ackMessages.forEach(({ language, text }, i) => {
      const tag = language.trim();
      if (tag === '') errors[`ack.${i}.language`] = 'languageRequired';
      else if (!LANGUAGE_TAG.test(tag)) errors[`ack.${i}.language`] = 'languageInvalid';
      else if (seen.has(tag.toLowerCase())) errors[`ack.${i}.language`] = 'languageTwice';
      seen.add(tag.toLowerCase());
      if (text.trim() === '') errors[`ack.${i}.text`] = tag.toLowerCase() === FALLBACK_ACK_LANGUAGE ? 'englishRequired' : 'textRequired';
      else if (text.trim().length > MAX_ACK_LENGTH) errors[`ack.${i}.text`] = 'textTooLong';
    });
    // The form keeps an English row; should it be gone, the switch says what is missing.
    if (!values.ackMessages.some((m) => m.language.trim().toLowerCase() === FALLBACK_ACK_LANGUAGE)) errors.ack = 'ackEnglish';
  }
  return errors;
}

export function firstPolicyError(values: PolicyValues, errors: PolicyErrors): PolicyField | null {
  return policyErrorOrder(values).find((f) => f in errors) ?? null;
}

const listOrNothing = <T>(items: readonly T[]): T[] | undefined => (items.length > 0 ? [...new Set(items)] : undefined);

export function valuesToMatch(values: PolicyValues): SlaMatch {
  const match: SlaMatch = {
    accountIds: listOrNothing(values.accountIds),
    platforms: listOrNothing(values.platforms),
    kinds: listOrNothing(values.kinds),
    priorities: listOrNothing(values.priorities),
    languages: listOrNothing(values.languages.map((l) => l.trim())),
    intents: listOrNothing(values.intents),
    vip: values.vip === 'any' ? undefined : values.vip === 'yes',
  };
  // Only the conditions that are set: the core's schema is strict about keys, not about undefined, but JSON is cleaner.
  return Object.fromEntries(Object.entries(match).filter(([, v]) => v !== undefined)) as SlaMatch;
}

/** The policy to save; call after validatePolicy found nothing. */
export function valuesToPolicy(values: PolicyValues, id: string): SlaPolicy {
  const messages: Record<string, string> = {};
  for (const { language, text } of values.ackMessages) {
    const tag = language.trim();
    const body = text.trim();
    // Switched off, incomplete rows are dropped rather than refused.
    if (!LANGUAGE_TAG.test(tag) || body === '' || body.length > MAX_ACK_LENGTH || tag in messages) continue;
    messages[tag] = body;
  }
  return {
    id,
    name: values.name.trim(),
    match: valuesToMatch(values),
    firstResponseSeconds: durationSeconds(values.firstResponse)!,
    nextResponseSeconds: durationSeconds(values.nextResponse)!,
    resolutionSeconds: durationSeconds(values.resolution),
    calendarId: values.calendarId === '' ? null : values.calendarId,
    nearBreachShare: Math.round(warnPercentOf(values.warnPercent)!) / 100,
    autoAck: { enabled: values.ackEnabled, messages },
  };
}

/** A language added to the acknowledgement: the first of the conditions' languages not yet written, or ''. */
export function nextAckLanguage(values: PolicyValues): string {
  const written = new Set(values.ackMessages.map((m) => m.language.trim().toLowerCase()));
  return values.languages.find((l) => !written.has(l.trim().toLowerCase())) ?? '';
}
