import { describe, expect, it } from 'vitest';
import { slaCalendarSchema, type SlaCalendar } from '@shared/sla';
import { calendarToValues, emptyCalendarValues, firstCalendarError, previewCalendar, timeZoneChoices, validateCalendar, valuesToCalendar, type CalendarValues } from './calendarForm';
import { closedWeek } from './weeklyHours';

const riga: SlaCalendar = {
  id: 'riga',
  name: 'Riga office',
  calendar: {
    zone: 'Europe/Riga',
    alwaysOpen: false,
    weekly: {
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [{ start: '09:00', end: '17:00' }],
      wed: [{ start: '09:00', end: '17:00' }],
      thu: [{ start: '09:00', end: '17:00' }],
      fri: [{ start: '09:00', end: '13:00' }, { start: '20:00', end: '24:00' }],
      sat: [],
      sun: [],
    },
    holidays: [
      { date: '2026-06-23', name: 'Midsummer Eve' },
      { date: '2026-11-18', name: '' },
    ],
  },
};

describe('calendar form values', () => {
  it('round-trips a calendar unchanged, and what it saves passes the core schema', () => {
    const values = calendarToValues(riga);
    expect(values.weekly.fri[1]).toEqual({ start: '20:00', end: '00:00' });
    expect(validateCalendar(values)).toEqual({});
    const saved = valuesToCalendar(values, 'riga');
    expect(saved).toEqual(riga);
    expect(slaCalendarSchema.parse(saved)).toEqual(riga);
  });

  it("starts a new calendar in the viewer's zone, Monday to Friday 09:00–17:00", () => {
    const values = emptyCalendarValues('Europe/Riga');
    expect(values.zone).toBe('Europe/Riga');
    expect(values.weekly.mon).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(values.weekly.sat).toEqual([]);
    expect(emptyCalendarValues('nowhere').zone).toBe('UTC');
  });

  it('says what is wrong, first field first', () => {
    const values: CalendarValues = {
      ...calendarToValues(riga),
      name: '',
      zone: 'Mars/Olympus',
      holidays: [{ date: '', name: 'x' }],
    };
    values.weekly = { ...values.weekly, tue: [{ start: '10:00', end: '09:00' }] };
    const errors = validateCalendar(values);
    expect(errors).toEqual({ name: 'nameRequired', zone: 'zoneInvalid', 'weekly.tue.0': 'endBeforeStart', 'holidays.0': 'dateRequired' });
    expect(firstCalendarError(values, errors)).toBe('name');
    expect(firstCalendarError(values, { 'holidays.0': 'dateRequired', 'weekly.tue.0': 'endBeforeStart' })).toBe('weekly.tue.0');
    expect(validateCalendar({ ...values, name: 'x', zone: 'UTC', weekly: closedWeek(), holidays: [] })).toEqual({ weekly: 'neverOpen' });
  });

  it('open around the clock: hours and holidays are not asked about, and broken ones are not saved', () => {
    const values: CalendarValues = { ...calendarToValues(riga), alwaysOpen: true, weekly: { ...closedWeek(), mon: [{ start: '10:00', end: '09:00' }] }, holidays: [{ date: '', name: '' }] };
    expect(validateCalendar(values)).toEqual({});
    const saved = valuesToCalendar(values, 'c');
    expect(saved.calendar).toMatchObject({ alwaysOpen: true, holidays: [] });
    expect(saved.calendar.weekly.mon).toEqual([]);
    expect(slaCalendarSchema.safeParse(saved).success).toBe(true);
  });

  it('previews only a calendar the core would accept', () => {
    expect(previewCalendar(calendarToValues(riga))?.zone).toBe('Europe/Riga');
    expect(previewCalendar({ ...calendarToValues(riga), name: '' })).not.toBeNull();
    expect(previewCalendar({ ...calendarToValues(riga), weekly: closedWeek() })).toBeNull();
    expect(previewCalendar({ ...calendarToValues(riga), zone: 'nowhere' })).toBeNull();
  });

  it('offers every IANA zone this runtime knows, UTC, and the current value', () => {
    const zones = timeZoneChoices('Europe/Riga');
    expect(zones).toContain('Europe/Riga');
    // By today's names, not CLDR's older ones.
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).toContain('UTC');
    expect(timeZoneChoices('Etc/Old_Alias')[0]).toBe('Etc/Old_Alias');
  });
});
