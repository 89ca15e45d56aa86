import { describe, expect, it } from 'vitest';
import type { Shift } from '@shared/schedule';
import { durationOf, emptyShiftForm, toFormValues, toShift, validateShiftForm, withStartDate, type ShiftFormValues } from './shiftForm';

const base = (): ShiftFormValues => emptyShiftForm({ agentId: 'tokyo', timeZone: 'Asia/Tokyo', startDate: '2026-11-23' });
const shift: Shift = {
  id: 'sh1',
  agentId: 'tokyo',
  timeZone: 'Asia/Tokyo',
  startDate: '2026-11-23',
  start: '09:00',
  durationMinutes: 480,
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  exceptions: ['2026-12-25'],
  region: 'APAC',
  note: null,
  version: 3,
  updatedAt: 5,
};

describe('shift form', () => {
  it('moves the weekly day with the first date until the agent picks days', () => {
    const form = emptyShiftForm({ agentId: 'a', timeZone: 'Asia/Tokyo', startDate: '2026-11-24' }); // a Tuesday
    expect(form.weekdays).toEqual(['TU']);
    const monday = withStartDate(form, '2026-11-23');
    expect(monday.weekdays).toEqual(['MO']);
    expect(withStartDate(monday, '').weekdays).toEqual(['MO']); // half-typed: kept
    const picked = { ...monday, weekdays: ['MO', 'WE'] as ShiftFormValues['weekdays'] };
    expect(withStartDate(picked, '2026-11-26').weekdays).toEqual(['MO', 'WE']);
  });

  it('starts at 09:00 for eight hours on the chosen date, repeating on its weekday when asked', () => {
    const values = base();
    expect(values).toMatchObject({ start: '09:00', end: '17:00', durationHours: '8', weekdays: ['MO'], repeat: 'none' });
    expect(validateShiftForm(values)).toEqual({});
  });

  it('reads an end time at or before the start as the next day', () => {
    expect(durationOf({ ...base(), start: '22:00', end: '06:00' })).toBe(480);
    expect(durationOf({ ...base(), start: '09:00', end: '09:00' })).toBe(1440);
    expect(durationOf({ ...base(), lengthMode: 'duration', durationHours: '7,5' })).toBe(450);
    expect(durationOf({ ...base(), lengthMode: 'duration', durationHours: '25' })).toBeNull();
  });

  it('says what is wrong with each field', () => {
    const errors = validateShiftForm({
      ...base(),
      agentId: '',
      timeZone: 'Mars/Base',
      startDate: '2026-02-30',
      start: '9:00',
      repeat: 'weekly',
      weekdays: [],
      exceptions: '2026-12-24, tomorrow',
    });
    expect(errors).toEqual({
      agentId: 'schedule.form.errors.agent',
      timeZone: 'schedule.form.errors.zone',
      startDate: 'schedule.form.errors.date',
      start: 'schedule.form.errors.time',
      weekdays: 'schedule.form.errors.weekdays',
      exceptions: 'schedule.form.errors.exceptions',
    });
    expect(validateShiftForm({ ...base(), repeat: 'rotation', everyDays: '0' })).toEqual({ everyDays: 'schedule.form.errors.everyDays' });
    expect(validateShiftForm({ ...base(), lengthMode: 'duration', durationHours: 'x' })).toEqual({ durationHours: 'schedule.form.errors.duration' });
  });

  it('checks a custom rule with the RRULE parser and refuses a DTSTART in it', () => {
    expect(validateShiftForm({ ...base(), repeat: 'custom', customRule: 'RRULE:FREQ=WEEKLY;BYDAY=SA;INTERVAL=2' })).toEqual({});
    expect(validateShiftForm({ ...base(), repeat: 'custom', customRule: 'every day' })).toEqual({ customRule: 'schedule.form.errors.ruleInvalid' });
    expect(validateShiftForm({ ...base(), repeat: 'custom', customRule: 'FREQ=WEEKLY;INTERVAL=x' })).toEqual({ customRule: 'schedule.form.errors.ruleInvalid' });
    expect(validateShiftForm({ ...base(), repeat: 'custom', customRule: 'FREQ=HOURLY' })).toEqual({ customRule: 'schedule.form.errors.ruleInvalid' });
    expect(validateShiftForm({ ...base(), repeat: 'custom', customRule: 'DTSTART:20261123T090000Z\nFREQ=DAILY' })).toEqual({ customRule: 'schedule.form.errors.ruleNoStart' });
    expect(validateShiftForm({ ...base(), repeat: 'custom', customRule: '' })).toEqual({ customRule: 'schedule.form.errors.ruleRequired' });
  });

  it('builds the shift: weekly days, rotations, custom rules, exceptions sorted', () => {
    const weekly = toShift({ ...base(), repeat: 'weekly', weekdays: ['FR', 'MO'], exceptions: '2026-12-25\n2026-12-24, 2026-12-25', region: ' APAC ' }, null, () => 'new');
    expect(weekly).toMatchObject({ id: 'new', rrule: 'FREQ=WEEKLY;BYDAY=MO,FR', exceptions: ['2026-12-24', '2026-12-25'], region: 'APAC', note: null, durationMinutes: 480, version: 0 });
    expect(toShift({ ...base(), repeat: 'rotation', everyDays: '4' }, null, () => 'x').rrule).toBe('FREQ=DAILY;INTERVAL=4');
    expect(toShift({ ...base(), repeat: 'custom', customRule: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=1' }, null, () => 'x').rrule).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
  });

  it('round-trips a stored shift, keeping its id and version', () => {
    const values = toFormValues(shift);
    expect(values).toMatchObject({ repeat: 'weekly', weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '09:00', end: '17:00', region: 'APAC', exceptions: '2026-12-25' });
    expect(toShift(values, shift, () => 'unused')).toEqual(shift);
    expect(toFormValues({ ...shift, rrule: 'FREQ=DAILY;INTERVAL=3' })).toMatchObject({ repeat: 'rotation', everyDays: '3' });
    expect(toFormValues({ ...shift, rrule: 'FREQ=DAILY;COUNT=5' })).toMatchObject({ repeat: 'custom', customRule: 'FREQ=DAILY;COUNT=5' });
  });
});
