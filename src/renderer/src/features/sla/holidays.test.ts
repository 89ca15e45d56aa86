import { describe, expect, it } from 'vitest';
import { holidayProblems, mergeHolidays, readIcsHolidays, sortHolidays } from './holidays';

const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('holidays', () => {
  it('merges imported holidays by date: new dates added, listed names kept, empty names filled in', () => {
    const existing = [
      { date: '2026-12-24', name: 'Christmas Eve (office)' },
      { date: '2026-06-23', name: '' },
      { date: '', name: 'Being typed' },
    ];
    const merged = mergeHolidays(existing, [
      { date: '2026-06-23', name: 'Midsummer Eve' },
      { date: '2026-12-24', name: 'Christmas Eve' },
      { date: '2026-06-24', name: 'Midsummer' },
    ]);
    expect(merged).toEqual({
      holidays: [
        { date: '2026-06-23', name: 'Midsummer Eve' },
        { date: '2026-06-24', name: 'Midsummer' },
        { date: '2026-12-24', name: 'Christmas Eve (office)' },
        { date: '', name: 'Being typed' },
      ],
      added: 1,
      named: 1,
    });
    // The list given is not changed.
    expect(existing[1]!.name).toBe('');
    expect(mergeHolidays(merged.holidays, [{ date: '2026-06-24', name: 'Again' }]).added).toBe(0);
  });

  it('flags rows without a date, impossible dates, dates given twice and long names', () => {
    const problems = holidayProblems([
      { date: '2026-01-01', name: 'New Year' },
      { date: '', name: 'x' },
      { date: '2026-02-30', name: '' },
      { date: '2026-01-01', name: 'Again' },
      { date: '2026-05-01', name: 'y'.repeat(201) },
      { date: '2026-05-04', name: 'y'.repeat(200) },
    ]);
    expect([...problems]).toEqual([
      [1, 'dateRequired'],
      [2, 'dateInvalid'],
      [3, 'dateTwice'],
      [4, 'nameTooLong'],
    ]);
    expect(sortHolidays([{ date: '', name: '' }, { date: '2026-02-01', name: '' }, { date: '2026-01-01', name: '' }]).map((h) => h.date)).toEqual(['2026-01-01', '2026-02-01', '']);
  });

  it('reads an .ics file, dating UTC times in the calendar zone', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261118',
      'SUMMARY:Proclamation Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      // 22:30 UTC on 3 May is 4 May in Riga.
      'DTSTART:20260503T223000Z',
      'SUMMARY:Restoration of Independence',
      'END:VEVENT',
    );
    expect(readIcsHolidays(text, 'Europe/Riga')).toEqual({
      ok: true,
      holidays: [
        { date: '2026-05-04', name: 'Restoration of Independence' },
        { date: '2026-11-18', name: 'Proclamation Day' },
      ],
    });
    // Without a valid zone (still being chosen), UTC.
    expect(readIcsHolidays(text, 'Not/AZone')).toMatchObject({ ok: true, holidays: [{ date: '2026-05-03' }, { date: '2026-11-18' }] });
  });

  it("gives a bad file's error with its line", () => {
    const read = readIcsHolidays(ics('BEGIN:VEVENT', 'DTSTART:2026-12-24', 'END:VEVENT'), 'Europe/Riga');
    expect(read).toEqual({ ok: false, line: 4, message: 'Line 4: DTSTART: expected a date like 20261224 or a date-time like 20261224T090000, found "2026-12-24"' });
    expect(readIcsHolidays('hello', 'UTC')).toMatchObject({ ok: false, line: 1 });
  });
});
