// The My notifications form without the DOM: the agent's role and working hours (a business
// calendar, or always), and the call that saves them without touching quiet mode.
import type { Agent, AgentRole } from '@shared/domain';
import type { SlaCalendar } from '@shared/sla';

export const ROLES: readonly AgentRole[] = ['agent', 'lead'];
/** The select's value for "no working hours: always at work". */
export const ALWAYS = '';

export interface PreferenceValues {
  role: AgentRole;
  /** A calendar id, or ALWAYS. */
  calendarId: string;
}

export const toPreferenceValues = (self: Pick<Agent, 'role' | 'workingCalendarId'>): PreferenceValues => ({
  role: self.role,
  calendarId: self.workingCalendarId ?? ALWAYS,
});

/** The calendars to choose from, by name in the UI language. */
export function calendarChoices(calendars: readonly Pick<SlaCalendar, 'id' | 'name'>[], locale: string): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return [...calendars].sort((a, b) => collator.compare(a.name, b.name)).map((c) => ({ value: c.id, label: c.name }));
}

/** What setMyPreferences takes: quiet mode as it is now (it is set from the header). */
export function toPreferencesInput(
  values: PreferenceValues,
  self: Pick<Agent, 'quietUntil'>,
): { role: AgentRole; workingCalendarId: string | null; quietUntil: number | null } {
  return { role: values.role, workingCalendarId: values.calendarId === ALWAYS ? null : values.calendarId, quietUntil: self.quietUntil };
}

export const samePreferences = (a: PreferenceValues, b: PreferenceValues): boolean => a.role === b.role && a.calendarId === b.calendarId;
