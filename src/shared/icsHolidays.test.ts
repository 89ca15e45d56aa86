import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './businessHours';
import { IcsParseError, parseIcsHolidays } from './icsHolidays';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const calendar = (...body: string[]) => crlf('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...body, 'END:VCALENDAR');
const event = (...props: string[]) => ['BEGIN:VEVENT', 'UID:x@test', 'DTSTAMP:20251201T000000Z', ...props, 'END:VEVENT'];

/** The error a parse throws, to check its line and message together. */
function failure(text: string): { line: number; message: string } {
  try {
    parseIcsHolidays(text);
  } catch (error) {
    if (error instanceof IcsParseError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected the parse to fail');
}

describe('parseIcsHolidays', () => {
  it('reads a typical export: folded lines, a VTIMEZONE, an alarm, escaped text', () => {
    const text = crlf(
      '\uFEFFBEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
      'X-WR-CALNAME:Holidays in Latvia',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Riga',
      'BEGIN:STANDARD',
      'DTSTART:19701025T040000',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0200',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260623',
      'DTEND;VALUE=DATE:20260624',
      'SUMMARY:Līgo Day (Midsummer',
      "  Eve)",
      'BEGIN:VALARM',
      'TRIGGER:-PT15M',
      'DTSTART;VALUE=DATE:20260101',
      'SUMMARY:Not a holiday',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260624',
      'SUMMARY:Jāņi\\, Midsummer Day',
      'END:VEVENT',
      'BEGIN:VTODO',
      'DTSTART;VALUE=DATE:20260301',
      'SUMMARY:Not a holiday either',
      'END:VTODO',
      'END:VCALENDAR',
    );
    expect(parseIcsHolidays(text)).toEqual([
      { date: '2026-06-23', name: 'Līgo Day (Midsummer Eve)' },
      { date: '2026-06-24', name: 'Jāņi, Midsummer Day' },
    ]);
  });

  it('accepts LF and CR line endings and tab folding', () => {
    const lines = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas', '\t Day', 'END:VEVENT', 'END:VCALENDAR'];
    const expected = [{ date: '2026-12-25', name: 'Christmas Day' }];
    expect(parseIcsHolidays(lines.join('\n'))).toEqual(expected);
    expect(parseIcsHolidays(lines.join('\r'))).toEqual(expected);
    expect(parseIcsHolidays(lines.join('\r\n'))).toEqual(expected);
  });

  it('expands multi-day events, DTEND being exclusive, and DURATION', () => {
    expect(parseIcsHolidays(calendar(...event('DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Christmas')))).toEqual([
      { date: '2026-12-24', name: 'Christmas' },
      { date: '2026-12-25', name: 'Christmas' },
      { date: '2026-12-26', name: 'Christmas' },
    ]);
    expect(parseIcsHolidays(calendar(...event('DTSTART;VALUE=DATE:20261231', 'DURATION:P2D', 'SUMMARY:New Year')))).toEqual([
      { date: '2026-12-31', name: 'New Year' },
      { date: '2027-01-01', name: 'New Year' },
    ]);
    // An end equal to the start, as some exporters write it, is still that one day.
    expect(parseIcsHolidays(calendar(...event('DTSTART;VALUE=DATE:20260501', 'DTEND;VALUE=DATE:20260501')))).toEqual([{ date: '2026-05-01', name: '' }]);
  });

  it('takes the local date of date-time events', () => {
    // Floating and TZID times are local as written.
    expect(parseIcsHolidays(calendar(...event('DTSTART:20261224T130000', 'DTEND:20261224T170000', 'SUMMARY:Half day')))).toEqual([{ date: '2026-12-24', name: 'Half day' }]);
    expect(parseIcsHolidays(calendar(...event('DTSTART;TZID=America/New_York:20261126T000000', 'DTEND;TZID=America/New_York:20261128T000000')))).toEqual([
      { date: '2026-11-26', name: '' },
      { date: '2026-11-27', name: '' },
    ]);
    // A quoted parameter may contain ':' and ';'.
    expect(parseIcsHolidays(calendar(...event('DTSTART;TZID="Custom: zone;1":20260704T090000', 'SUMMARY:Independence Day')))).toEqual([
      { date: '2026-07-04', name: 'Independence Day' },
    ]);
    // UTC times land on the business calendar's local date.
    const utc = calendar(...event('DTSTART:20261224T220000Z', 'DTEND:20261225T220000Z', 'SUMMARY:Christmas'));
    expect(parseIcsHolidays(utc)).toEqual([
      { date: '2026-12-24', name: 'Christmas' },
      { date: '2026-12-25', name: 'Christmas' },
    ]);
    expect(parseIcsHolidays(utc, { zone: 'Europe/Riga' })).toEqual([{ date: '2026-12-25', name: 'Christmas' }]);
    expect(parseIcsHolidays(calendar(...event('DTSTART:20260101T103000Z')), { zone: 'Pacific/Chatham' })).toEqual([{ date: '2026-01-02', name: '' }]);
  });

  it('merges events on the same date, skips cancelled ones and sorts by date', () => {
    const text = calendar(
      ...event('DTSTART;VALUE=DATE:20261226', 'SUMMARY:Boxing Day'),
      ...event('DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day'),
      ...event('DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day'),
      ...event('DTSTART;VALUE=DATE:20261225', 'SUMMARY:Pirmie Ziemassvētki'),
      ...event('DTSTART;VALUE=DATE:20261124', 'STATUS:CANCELLED', 'SUMMARY:Cancelled'),
    );
    expect(parseIcsHolidays(text)).toEqual([
      { date: '2026-12-25', name: 'Christmas Day / Pirmie Ziemassvētki' },
      { date: '2026-12-26', name: 'Boxing Day' },
    ]);
  });

  it('returns no holidays for an empty calendar, and its result fits a business calendar', () => {
    expect(parseIcsHolidays(calendar())).toEqual([]);
    const holidays = parseIcsHolidays(calendar(...event('DTSTART;VALUE=DATE:20261225', `SUMMARY:${'x'.repeat(500)}`)));
    expect(holidays[0]!.name).toHaveLength(200);
    expect(businessCalendarSchema.safeParse({ zone: 'Europe/Riga', weekly: { mon: [{ start: '09:00', end: '17:00' }] }, holidays }).success).toBe(true);
  });

  it.each([
    ['a web page', '<!doctype html>\n<html></html>\n', 1, 'Line 1: expected NAME:value, found "<!doctype html>"'],
    ['an empty file', '', 1, 'Line 1: this is not an iCalendar file (no BEGIN:VCALENDAR)'],
    ['a property before the calendar', crlf('VERSION:2.0', 'BEGIN:VCALENDAR', 'END:VCALENDAR'), 1, 'Line 1: expected BEGIN:VCALENDAR, found VERSION'],
    ['another component first', crlf('BEGIN:VEVENT', 'END:VEVENT'), 1, 'Line 1: expected BEGIN:VCALENDAR, found BEGIN:VEVENT'],
    ['a folded first line', ' BEGIN:VCALENDAR\r\n', 1, 'Line 1: a folded continuation line (starting with a space) has no line to continue'],
    ['a line without a colon', calendar(...event('DTSTART;VALUE=DATE:20261225', 'SUMMARY Christmas')), 8, 'Line 8: SUMMARY: expected ":" before the value'],
    ['an unclosed quote', calendar(...event('DTSTART;TZID="Europe/Riga:20261225T000000')), 7, 'Line 7: DTSTART: the quoted value of TZID is not closed'],
    ['a malformed parameter', calendar(...event('DTSTART;=DATE:20261225')), 7, 'Line 7: DTSTART: malformed parameter after ";"'],
    ['an impossible date', calendar(...event('DTSTART;VALUE=DATE:20260230')), 7, 'Line 7: DTSTART: 20260230 is not a valid date or time'],
    ['a time in a date', calendar(...event('DTSTART;VALUE=DATE:20261225T090000')), 7, 'Line 7: DTSTART: expected a date like 20261224, found "20261225T090000"'],
    ['a date that is not one', calendar(...event('DTSTART:2026-12-25')), 7, 'Line 7: DTSTART: expected a date like 20261224 or a date-time like 20261224T090000, found "2026-12-25"'],
    ['an unsupported value type', calendar(...event('DTSTART;VALUE=PERIOD:20261225T000000Z/PT1H')), 7, 'Line 7: DTSTART: VALUE=PERIOD is not supported'],
    ['an event without DTSTART', calendar(...event('SUMMARY:When?')), 4, 'Line 4: this VEVENT has no DTSTART'],
    ['an end before the start', calendar(...event('DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261224')), 8, 'Line 8: DTEND is before DTSTART'],
    ['a negative duration', calendar(...event('DTSTART;VALUE=DATE:20261225', 'DURATION:-P1D')), 8, 'Line 8: DURATION must not be negative'],
    ['a bad duration', calendar(...event('DTSTART;VALUE=DATE:20261225', 'DURATION:1 day')), 8, 'Line 8: DURATION: expected a duration like P1D or PT8H, found "1 day"'],
    ['an event of years', calendar(...event('DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20300101')), 8, 'Line 8: the event lasts 1461 days, more than 366'],
    ['a recurring event', calendar(...event('DTSTART;VALUE=DATE:20261225', 'RRULE:FREQ=YEARLY')), 8, 'Line 8: recurring events (RRULE) are not supported: export the holidays as single events'],
    ['a mismatched END', calendar('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'END:VTODO'), 6, 'Line 6: END:VTODO does not close BEGIN:VEVENT from line 4'],
    ['a missing END', crlf('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'END:VEVENT'), 1, 'Line 1: BEGIN:VCALENDAR is never closed (END:VCALENDAR is missing)'],
    ['an END too many', crlf('BEGIN:VCALENDAR', 'END:VCALENDAR', 'END:VCALENDAR'), 3, 'Line 3: END:VCALENDAR without a matching BEGIN'],
  ])('rejects %s, naming the line', (_label, text, line, message) => {
    expect(failure(text)).toEqual({ line, message });
  });

  it('counts physical lines when lines are folded', () => {
    const text = calendar('BEGIN:VEVENT', 'SUMMARY:A very long', ' summary', ' indeed', 'DTSTART;VALUE=DATE:2026', ' 1399', 'END:VEVENT');
    expect(failure(text)).toEqual({ line: 8, message: 'Line 8: DTSTART: 20261399 is not a valid date or time' });
  });

  it('errors cross the contract as {name, message}', () => {
    expect(() => parseIcsHolidays('nonsense')).toThrowError(expect.objectContaining({ name: 'InvalidIcs' }));
    expect(() => parseIcsHolidays(calendar(), { zone: 'Europe/Atlantis' })).toThrowError(expect.objectContaining({ name: 'InvalidInput' }));
  });
});
