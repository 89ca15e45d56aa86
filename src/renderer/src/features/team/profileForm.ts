// The agent profile form's values, their checks (one message key per field) and the conversion
// to and from an AgentProfile. Languages and skills are typed as comma-separated lists.
import { languageTagSchema } from '@shared/languageTags';
import type { AgentProfile } from '@shared/schedule';

export interface ProfileFormValues {
  timeZone: string;
  /** Language tags as typed ("en, pt-BR"). */
  languages: string;
  /** Skills as typed ("refunds, baggage"). */
  skills: string;
  queues: string[];
  /** As typed ("12"). */
  capacity: string;
}

export type ProfileFormField = 'timeZone' | 'languages' | 'skills' | 'queues' | 'capacity';
/** Field → what is wrong with it: an i18n key and its values. */
export type ProfileFormErrors = Partial<Record<ProfileFormField, { key: string; values?: Record<string, string> }>>;

export const MAX_CAPACITY = 500;
const MAX_SKILL_LENGTH = 60;

/** Items of a comma-separated list, trimmed, empty ones dropped, each once. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s.length > 0))];
}

export function isTimeZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The form for an agent with no profile yet: their home zone, everything else empty. */
export function emptyProfile(agentId: string, timeZone: string): AgentProfile {
  return { agentId, timeZone, languages: [], skills: [], queues: ['all'], capacity: 10, version: 0 };
}

export function toProfileForm(profile: AgentProfile): ProfileFormValues {
  return {
    timeZone: profile.timeZone,
    languages: profile.languages.join(', '),
    skills: profile.skills.join(', '),
    queues: [...profile.queues],
    capacity: String(profile.capacity),
  };
}

export function validateProfileForm(values: ProfileFormValues): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  if (!isTimeZone(values.timeZone)) errors.timeZone = { key: 'team.form.errors.zone' };
  const badTag = splitList(values.languages).find((tag) => !languageTagSchema.safeParse(tag).success);
  if (badTag !== undefined) errors.languages = { key: 'team.form.errors.language', values: { tag: badTag } };
  const longSkill = splitList(values.skills).find((skill) => skill.length > MAX_SKILL_LENGTH);
  if (longSkill !== undefined) errors.skills = { key: 'team.form.errors.skill', values: { max: String(MAX_SKILL_LENGTH) } };
  const capacity = values.capacity.trim();
  if (!/^\d+$/.test(capacity) || Number(capacity) > MAX_CAPACITY) errors.capacity = { key: 'team.form.errors.capacity', values: { max: String(MAX_CAPACITY) } };
  return errors;
}

export const hasProfileErrors = (errors: ProfileFormErrors): boolean => Object.keys(errors).length > 0;

/** The profile to save: the values over the profile they were read from (its version kept). */
export function toProfile(values: ProfileFormValues, from: AgentProfile): AgentProfile {
  return {
    agentId: from.agentId,
    timeZone: values.timeZone,
    languages: splitList(values.languages),
    skills: splitList(values.skills),
    queues: [...new Set(values.queues)],
    capacity: Number(values.capacity.trim()),
    version: from.version,
  };
}
