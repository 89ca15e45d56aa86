import { describe, expect, it } from 'vitest';
import {
  addInterval,
  closedWeek,
  copyMondayToWeekdays,
  dayProblems,
  fromWeeklyHours,
  intlWeekLabels,
  officeWeek,
  removeInterval,
  setDayOpen,
  summariseWeek,
  toWeeklyHours,
  updateInterval,
  weekdayName,
  type WeekLabels,
} from './weeklyHours';

const labels = (locale: string): WeekLabels => ({
  ...intlWeekLabels(locale),
  dayRange: (a, b) => `${a}–${b}`,
  timeRange: (a, b) => `${a}–${b}`,
  days: (d, h) => `${d} ${h}`,
  list: (items) => items.join(', '),
  closed: 'Never open',
});

describe('weekly hours editing', () => {
  it('opens a day with office hours and closes it', () => {
    const week = setDayOpen(closedWeek(), 'sat', true);
    expect(week.sat).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(setDayOpen(week, 'sat', false).sat).toEqual([]);
    expect(setDayOpen(week, 'sat', true)).toBe(week);
  });

  it('adds an hour after the last interval, or office hours on a closed day', () => {
    let week = officeWeek();
    week = addInterval(week, 'mon');
    expect(week.mon).toEqual([
      { start: '09:00', end: '17:00' },
      { start: '17:00', end: '18:00' },
    ]);
    week = updateInterval(week, 'mon', 1, { start: '23:30', end: '00:00' });
    // After an interval that runs to midnight, nothing fits: office hours to edit.
    expect(addInterval(week, 'mon').mon[2]).toEqual({ start: '09:00', end: '17:00' });
    week = updateInterval(week, 'mon', 1, { end: '23:45' });
    expect(addInterval(week, 'mon').mon[2]).toEqual({ start: '23:45', end: '00:00' });
    expect(addInterval(week, 'sun').sun).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(removeInterval(week, 'mon', 0).mon).toEqual([{ start: '23:30', end: '23:45' }]);
  });

  it('copies Monday to Tuesday–Friday, leaving the weekend alone', () => {
    const week = { ...closedWeek(), mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }], thu: [{ start: '10:00', end: '11:00' }], sat: [{ start: '10:00', end: '14:00' }] };
    const copied = copyMondayToWeekdays(week);
    for (const day of ['tue', 'wed', 'thu', 'fri'] as const) expect(copied[day]).toEqual(week.mon);
    expect(copied.sat).toEqual(week.sat);
    expect(copied.tue).not.toBe(copied.mon);
  });

  it('finds missing times, ends before starts and overlaps', () => {
    const problems = dayProblems([
      { start: '09:00', end: '12:00' },
      { start: '', end: '13:00' },
      { start: '11:00', end: '14:00' },
      { start: '15:00', end: '15:00' },
      { start: '16:00', end: '' },
      { start: '22:00', end: '00:00' },
      { start: '14:00', end: '16:00' },
    ]);
    expect([...problems].sort()).toEqual([
      [1, 'startInvalid'],
      [2, 'overlaps'],
      [3, 'endBeforeStart'],
      [4, 'endInvalid'],
    ]);
    // Touching is not overlapping; an end of 00:00 is midnight.
    expect(dayProblems([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '00:00' }]).size).toBe(0);
  });

  it("converts to the core's hours (00:00 as an end is 24:00, sorted) and back", () => {
    const week = { ...closedWeek(), fri: [{ start: '18:00', end: '00:00' }, { start: '09:00', end: '12:00' }] };
    const weekly = toWeeklyHours(week);
    expect(weekly.fri).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '18:00', end: '24:00' },
    ]);
    expect(weekly.mon).toEqual([]);
    expect(fromWeeklyHours(weekly).fri).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '18:00', end: '00:00' },
    ]);
    // Intervals with a problem never reach the core.
    expect(toWeeklyHours({ ...closedWeek(), mon: [{ start: '10:00', end: '09:00' }] }).mon).toEqual([]);
  });
});

describe('weekly hours in words', () => {
  it('groups consecutive days with the same hours and leaves closed days out', () => {
    const weekly = toWeeklyHours({ ...officeWeek(), sat: [{ start: '10:00', end: '14:00' }] });
    expect(summariseWeek(weekly, labels('en-GB'))).toBe('Mon–Fri 09:00–17:00, Sat 10:00–14:00');
    expect(summariseWeek(weekly, labels('en-US'))).toBe('Mon–Fri 9:00 AM–5:00 PM, Sat 10:00 AM–2:00 PM');
  });

  it('starts a new run where the hours change or a day is closed, and lists split days', () => {
    const week = officeWeek();
    week.wed = [];
    week.fri = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '00:00' }];
    week.sun = [{ start: '09:00', end: '17:00' }];
    expect(summariseWeek(toWeeklyHours(week), labels('en-GB'))).toBe('Mon–Tue 09:00–17:00, Thu 09:00–17:00, Fri 09:00–12:00, 13:00–00:00, Sun 09:00–17:00');
    expect(summariseWeek(toWeeklyHours(closedWeek()), labels('en-GB'))).toBe('Never open');
  });

  it('names weekdays in the UI language', () => {
    expect(weekdayName('mon', 'en')).toBe('Monday');
    expect(weekdayName('sun', 'de')).toBe('Sonntag');
    expect(intlWeekLabels('fr').day('wed')).toBe('mer.');
  });
});
