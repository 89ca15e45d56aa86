import { describe, expect, it } from 'vitest';
import { ALWAYS, calendarChoices, samePreferences, toPreferencesInput, toPreferenceValues } from './myPreferences';

describe('my notification preferences', () => {
  it('starts from the agent as the core has it; no calendar is "always"', () => {
    expect(toPreferenceValues({ role: 'agent', workingCalendarId: null })).toEqual({ role: 'agent', calendarId: ALWAYS });
    expect(toPreferenceValues({ role: 'lead', workingCalendarId: 'emea' })).toEqual({ role: 'lead', calendarId: 'emea' });
  });

  it('saves role and working hours and keeps quiet mode as it is', () => {
    expect(toPreferencesInput({ role: 'lead', calendarId: 'emea' }, { quietUntil: 1_800_000_000_000 })).toEqual({
      role: 'lead',
      workingCalendarId: 'emea',
      quietUntil: 1_800_000_000_000,
    });
    expect(toPreferencesInput({ role: 'agent', calendarId: ALWAYS }, { quietUntil: null })).toEqual({ role: 'agent', workingCalendarId: null, quietUntil: null });
  });

  it('lists the calendars by name', () => {
    expect(calendarChoices([{ id: 'b', name: 'Zürich' }, { id: 'a', name: 'Americas' }, { id: 'c', name: 'émea' }], 'en')).toEqual([
      { value: 'a', label: 'Americas' },
      { value: 'c', label: 'émea' },
      { value: 'b', label: 'Zürich' },
    ]);
  });

  it('knows when nothing changed', () => {
    expect(samePreferences({ role: 'agent', calendarId: '' }, { role: 'agent', calendarId: '' })).toBe(true);
    expect(samePreferences({ role: 'agent', calendarId: '' }, { role: 'lead', calendarId: '' })).toBe(false);
  });
});
