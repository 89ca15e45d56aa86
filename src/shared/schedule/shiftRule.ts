// A shift's recurrence: an RRULE (RFC 5545) without DTSTART, read by the rrule library on
// floating local date-times. The rule is checked here first, part by part, because the library
// accepts some malformed values silently (an INTERVAL of "x" makes it loop for ever).
import { RRule, type Options } from 'rrule';
import { invalidInput } from '../errors';

const FREQUENCIES = { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY, YEARLY: RRule.YEARLY } as const;

const INTEGER_LIST = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/;
const PART_FORMATS: Record<string, { pattern: RegExp; expected: string }> = {
  FREQ: { pattern: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/, expected: 'DAILY, WEEKLY, MONTHLY or YEARLY (a shift recurs by days)' },
  INTERVAL: { pattern: /^[1-9]\d{0,3}$/, expected: 'a whole number from 1 to 9999' },
  COUNT: { pattern: /^[1-9]\d{0,4}$/, expected: 'a whole number from 1 to 99999' },
  UNTIL: { pattern: /^\d{8}(T\d{6}Z?)?$/, expected: 'a date like 20261231 or a date-time like 20261231T235959' },
  BYDAY: { pattern: /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU))*$/, expected: 'weekdays like MO,WE,FR' },
  BYMONTHDAY: { pattern: INTEGER_LIST, expected: 'days of the month like 1,15,-1' },
  BYMONTH: { pattern: INTEGER_LIST, expected: 'months like 1,7' },
  BYYEARDAY: { pattern: INTEGER_LIST, expected: 'days of the year like 1,-1' },
  BYWEEKNO: { pattern: INTEGER_LIST, expected: 'week numbers like 1,27' },
  BYSETPOS: { pattern: INTEGER_LIST, expected: 'positions like 1,-1' },
  WKST: { pattern: /^(MO|TU|WE|TH|FR|SA|SU)$/, expected: 'a weekday like MO' },
};

/**
 * The rrule options of a shift's rule ('FREQ=WEEKLY;BYDAY=MO,TU', an 'RRULE:' prefix allowed),
 * or a DeskError('InvalidInput') that says which part is wrong.
 */
export function parseShiftRule(text: string): Partial<Options> {
  const rule = text.trim().replace(/^RRULE:/i, '');
  if (rule === '') throw invalidInput('The recurrence rule is empty: write one like FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
  const seen = new Set<string>();
  for (const part of rule.split(';')) {
    const [key = '', value, ...rest] = part.split('=');
    const name = key.trim().toUpperCase();
    if (value === undefined || rest.length > 0) throw invalidInput(`Recurrence rule "${clip(rule)}": "${clip(part)}" is not NAME=VALUE`);
    if (name === 'BYHOUR' || name === 'BYMINUTE' || name === 'BYSECOND') {
      throw invalidInput(`Recurrence rule "${clip(rule)}": ${name} is not allowed, the shift's start time sets the time of day`);
    }
    if (name === 'DTSTART') throw invalidInput(`Recurrence rule "${clip(rule)}": DTSTART is not allowed, the shift's start date and time set it`);
    const format = PART_FORMATS[name];
    if (!format) throw invalidInput(`Recurrence rule "${clip(rule)}": ${clip(name, 30)} is not a supported part`);
    if (seen.has(name)) throw invalidInput(`Recurrence rule "${clip(rule)}": ${name} appears twice`);
    seen.add(name);
    if (!format.pattern.test(value.trim().toUpperCase())) throw invalidInput(`Recurrence rule "${clip(rule)}": ${name} must be ${format.expected}, not "${clip(value, 30)}"`);
  }
  if (!seen.has('FREQ')) throw invalidInput(`Recurrence rule "${clip(rule)}": FREQ is missing (for example FREQ=WEEKLY)`);
  if (seen.has('COUNT') && seen.has('UNTIL')) throw invalidInput(`Recurrence rule "${clip(rule)}": use COUNT or UNTIL, not both`);
  let options: Partial<Options>;
  try {
    options = RRule.parseString(rule.toUpperCase());
  } catch (error) {
    throw invalidInput(`Recurrence rule "${clip(rule)}": ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.freq === undefined || !Object.values(FREQUENCIES).includes(options.freq as (typeof FREQUENCIES)[keyof typeof FREQUENCIES])) {
    throw invalidInput(`Recurrence rule "${clip(rule)}": FREQ must be ${PART_FORMATS.FREQ!.expected}`);
  }
  // UNTIL as a date includes that whole day (RFC 5545); rrule reads it as that day's midnight.
  if (options.until && /UNTIL=\d{8}(;|$)/i.test(rule)) options.until = new Date(options.until.getTime() + 86_400_000 - 1000);
  return options;
}

/** Why a shift's rule is not accepted, or null when it is (for forms). */
export function shiftRuleError(text: string): string | null {
  try {
    parseShiftRule(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
