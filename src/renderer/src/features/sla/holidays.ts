// A calendar's holidays as the form edits them (date + name rows), their checks, and holidays
// imported from an .ics file merged into them by date.
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone, MAX_HOLIDAYS } from '@shared/businessHours';
import { IcsParseError, MAX_HOLIDAY_NAME, parseIcsHolidays, type IcsHoliday } from '@shared/icsHolidays';

export { MAX_HOLIDAY_NAME, MAX_HOLIDAYS };

export interface HolidayValue {
  /** 'YYYY-MM-DD' from a date input, '' while not chosen. */
  date: string;
  name: string;
}

export type HolidayProblem = 'dateRequired' | 'dateInvalid' | 'dateTwice' | 'nameTooLong';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Problems per row, by index; a date given twice is flagged on its later rows. */
export function holidayProblems(holidays: readonly HolidayValue[]): Map<number, HolidayProblem> {
  const problems = new Map<number, HolidayProblem>();
  const seen = new Set<string>();
  holidays.forEach(({ date, name }, i) => {
    if (date.trim() === '') problems.set(i, 'dateRequired');
    else if (!isRealDate(date)) problems.set(i, 'dateInvalid');
    else if (seen.has(date)) problems.set(i, 'dateTwice');
    else if (name.trim().length > MAX_HOLIDAY_NAME) problems.set(i, 'nameTooLong');
    seen.add(date);
  });
  return problems;
}

const byDate = (a: HolidayValue, b: HolidayValue) => (a.date === b.date ? 0 : a.date === '' ? 1 : b.date === '' ? -1 : a.date < b.date ? -1 : 1);

export const sortHolidays = (holidays: readonly HolidayValue[]): HolidayValue[] => [...holidays].sort(byDate);

export interface HolidayMerge {
  holidays: HolidayValue[];
  /** Dates that were not in the list. */
  added: number;
  /** Dates already in the list whose empty name the file filled in. */
  named: number;
}

/**
 * Imported holidays merged into the list by date: new dates are added, a date already listed keeps
 * its name (the file's fills in an empty one). Sorted by date; rows without a date stay, last.
 */
export function mergeHolidays(existing: readonly HolidayValue[], imported: readonly IcsHoliday[]): HolidayMerge {
  const rows = existing.map((h) => ({ ...h }));
  const index = new Map(rows.filter((h) => h.date !== '').map((h) => [h.date, h]));
  let added = 0;
  let named = 0;
  for (const holiday of imported) {
    const row = index.get(holiday.date);
    if (!row) {
      const fresh = { date: holiday.date, name: holiday.name };
      rows.push(fresh);
      index.set(holiday.date, fresh);
      added++;
    } else if (row.name.trim() === '' && holiday.name !== '') {
      row.name = holiday.name;
      named++;
    }
  }
  return { holidays: sortHolidays(rows), added, named };
}

export type IcsRead = { ok: true; holidays: IcsHoliday[] } | { ok: false; message: string; line: number | null };

/**
 * The holidays of an .ics text, dated in the calendar's zone (when it is a valid one); a bad
 * file gives the parser's message, which names the line.
 */
export function readIcsHolidays(text: string, zone: string): IcsRead {
  const canonical = canonicalTimeZone(zone.trim());
  try {
    return { ok: true, holidays: parseIcsHolidays(text, canonical ? { zone: canonical } : {}) };
  } catch (error) {
    if (error instanceof IcsParseError) return { ok: false, message: error.message, line: error.line };
    return { ok: false, message: error instanceof Error ? error.message : String(error), line: null };
  }
}
