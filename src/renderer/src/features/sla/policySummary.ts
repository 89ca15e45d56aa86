// Policies in words: their conditions ("Urgent · X, Bluesky · Spanish, Portuguese · VIP"), which
// policies can never apply (a policy above them matches everything), which use a calendar.
import type { TFunction } from 'i18next';
import type { Account, ConversationIntent, ConversationKind, Platform, Priority } from '@shared/domain';
import type { SlaMatch, SlaPolicy } from '@shared/sla';
import { languageName } from '../../i18n/formatters';

export interface ConditionLabels {
  account(id: string): string;
  platform(platform: Platform): string;
  kind(kind: ConversationKind): string;
  priority(priority: Priority): string;
  language(tag: string): string;
  intent(intent: ConversationIntent): string;
  vip(vip: boolean): string;
  /** The values of one condition, any of which matches: "X, Bluesky". */
  list(items: string[]): string;
  /** A policy without conditions. */
  everything: string;
}

/** One phrase per condition that is set, in the order an admin reads them. */
export function conditionParts(match: SlaMatch, labels: ConditionLabels): string[] {
  const parts: string[] = [];
  const add = <T>(items: readonly T[] | undefined, label: (item: T) => string) => {
    if (items && items.length > 0) parts.push(labels.list(items.map(label)));
  };
  add(match.priorities, labels.priority);
  add(match.accountIds, labels.account);
  add(match.platforms, labels.platform);
  add(match.kinds, labels.kind);
  add(match.languages, labels.language);
  add(match.intents, labels.intent);
  if (match.vip !== undefined) parts.push(labels.vip(match.vip));
  return parts;
}

export const CONDITION_SEPARATOR = ' · ';

export function summariseConditions(match: SlaMatch, labels: ConditionLabels): string {
  const parts = conditionParts(match, labels);
  return parts.length === 0 ? labels.everything : parts.join(CONDITION_SEPARATOR);
}

/** Whether a policy matches every conversation. */
export const matchesEverything = (match: SlaMatch): boolean => conditionParts(match, SILENT).length === 0;

const SILENT: ConditionLabels = {
  account: String,
  platform: String,
  kind: String,
  priority: String,
  language: String,
  intent: String,
  vip: String,
  list: (items) => items.join(),
  everything: '',
};

/**
 * Policies that can never apply because one above them matches every conversation, with the name
 * of that policy.
 */
export function unreachablePolicies(policies: readonly SlaPolicy[]): Map<string, string> {
  const out = new Map<string, string>();
  const catchAll = policies.find((p) => matchesEverything(p.match));
  if (!catchAll) return out;
  for (const policy of policies.slice(policies.indexOf(catchAll) + 1)) out.set(policy.id, catchAll.name);
  return out;
}

/** The names of the policies that count in a calendar, in the order they are tried. */
export const policiesUsing = (policies: readonly SlaPolicy[], calendarId: string): string[] =>
  policies.filter((p) => p.calendarId === calendarId).map((p) => p.name);

/** The conditions' words in the UI language: accounts as "X (Aurora Air Support)", unknown ones by id. */
export function conditionLabels(t: TFunction, locale: string, accounts: readonly Pick<Account, 'id' | 'platform' | 'name'>[]): ConditionLabels {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const listFormat = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  return {
    account: (id) => {
      const account = byId.get(id);
      return account ? t('account.withPlatform', { platform: t(`platform.${account.platform}`), name: account.name }) : id;
    },
    platform: (p) => t(`platform.${p}`),
    kind: (k) => t(`kind.${k}`),
    priority: (p) => t(`slaSettings.priority.${p}`),
    language: (tag) => languageName(tag, locale),
    intent: (i) => t(`slaSettings.intent.${i}`),
    vip: (vip) => t(vip ? 'slaSettings.vip.yes' : 'slaSettings.vip.no'),
    list: (items) => listFormat.format(items),
    everything: t('slaSettings.everything'),
  };
}
