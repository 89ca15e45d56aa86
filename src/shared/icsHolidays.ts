// Holidays from an iCalendar (.ics, RFC 5545) file: every VEVENT becomes the local dates it
// covers. Lines are unfolded, CRLF, LF and CR endings are all accepted, components other than
// VEVENT (VTIMEZONE, VTODO, VALARM inside an event ...) are skipped, and an error names the line.
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone } from './businessHours';
import { DeskError, invalidInput } from './errors';

export interface IcsHoliday {
  /** Local date, 'YYYY-MM-DD'. */
  date: string;
  /**
   * The SUMMARY (on one line, at most MAX_HOLIDAY_NAME characters), or the summaries of every
   * event on that date joined by ' / '; '' when there is none.
   */
  name: string;
}

export interface IcsImportOptions {
  /**
   * IANA zone of the business calendar: UTC date-times ('…T220000Z') are taken on this zone's
   * local date. Dates, floating times and times with a TZID are taken as written. Default: UTC.
   */
  zone?: string;
}

export const MAX_HOLIDAY_NAME = 200;

/** The longest event accepted, in days: a longer one is more likely a typo than a holiday. */
export const MAX_ICS_EVENT_DAYS = 366;

export class IcsParseError extends DeskError {
  readonly line: number;
  constructor(line: number, message: string) {
    super('InvalidIcs', `Line ${line}: ${message}`);
    this.line = line;
  }
}

interface ContentLine {
  line: number;
  name: string;
  params: ReadonlyMap<string, string>;
  value: string;
}

/** Reads the holidays of an .ics text, sorted by date, one entry per date. */
export function parseIcsHolidays(text: string, options: IcsImportOptions = {}): IcsHoliday[] {
  if (options.zone !== undefined && canonicalTimeZone(options.zone) === null) throw invalidInput(`"${clip(options.zone)}" is not an IANA time zone`);
  const byDate = new Map<string, string[]>();
  const stack: Array<{ name: string; line: number }> = [];
  let event: { line: number; props: ContentLine[] } | null = null;
  let sawCalendar = false;

  for (const { line, text: raw } of unfold(text)) {
    if (raw.trim() === '') continue;
    const content = parseContentLine(raw, line);
    if (content.name === 'BEGIN' || content.name === 'END') {
      const component = content.value.trim().toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(component)) throw new IcsParseError(line, `${content.name}: needs a component name, not "${clip(content.value)}"`);
      if (content.name === 'BEGIN') {
        if (stack.length === 0 && component !== 'VCALENDAR') throw new IcsParseError(line, `expected BEGIN:VCALENDAR, found BEGIN:${component}`);
        stack.push({ name: component, line });
        if (component === 'VCALENDAR') sawCalendar = true;
        if (component === 'VEVENT' && stack.length === 2) event = { line, props: [] };
      } else {
        const open = stack.pop();
        if (!open) throw new IcsParseError(line, `END:${component} without a matching BEGIN`);
        if (open.name !== component) throw new IcsParseError(line, `END:${component} does not close BEGIN:${open.name} from line ${open.line}`);
        if (event && component === 'VEVENT' && stack.length === 1) {
          for (const holiday of eventHolidays(event, options)) {
            const names = byDate.get(holiday.date) ?? [];
            if (holiday.name && !names.includes(holiday.name)) names.push(holiday.name);
            byDate.set(holiday.date, names);
          }
          event = null;
        }
      }
      continue;
    }
    if (stack.length === 0) throw new IcsParseError(line, `expected BEGIN:VCALENDAR, found ${content.name}`);
    if (event && stack.length === 2) event.props.push(content);
  }

  const open = stack.pop();
  if (open) throw new IcsParseError(open.line, `BEGIN:${open.name} is never closed (END:${open.name} is missing)`);
  if (!sawCalendar) throw new IcsParseError(1, 'this is not an iCalendar file (no BEGIN:VCALENDAR)');
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, names]) => ({ date, name: clip(names.join(' / '), MAX_HOLIDAY_NAME) }));
}

/** Logical lines with the number of the physical line each starts on (RFC 5545 §3.1). */
function unfold(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((physical, index) => {
      const previous = out[out.length - 1];
      if (physical.startsWith(' ') || physical.startsWith('\t')) {
        if (!previous) throw new IcsParseError(index + 1, 'a folded continuation line (starting with a space) has no line to continue');
        previous.text += physical.slice(1);
      } else {
        out.push({ line: index + 1, text: physical });
      }
    });
  return out;
}

const NAME = /[A-Za-z0-9-]+/y;

/** name *(";" param) ":" value, with quoted parameter values (RFC 5545 §3.1). */
function parseContentLine(text: string, line: number): ContentLine {
  NAME.lastIndex = 0;
  const name = NAME.exec(text)?.[0];
  if (!name) throw new IcsParseError(line, `expected NAME:value, found "${clip(text)}"`);
  const params = new Map<string, string>();
  let at = name.length;
  while (text[at] === ';') {
    NAME.lastIndex = at + 1;
    const param = NAME.exec(text)?.[0];
    if (!param || text[at + 1 + param.length] !== '=') throw new IcsParseError(line, `${name}: malformed parameter after ";"`);
    at += 1 + param.length + 1;
    const values: string[] = [];
    for (;;) {
      if (text[at] === '"') {
        const close = text.indexOf('"', at + 1);
        if (close < 0) throw new IcsParseError(line, `${name}: the quoted value of ${param.toUpperCase()} is not closed`);
        values.push(text.slice(at + 1, close));
        at = close + 1;
      } else {
        const match = /[^";:,]*/y;
        match.lastIndex = at;
        const value = match.exec(text)![0];
        values.push(value);
        at += value.length;
      }
      if (text[at] !== ',') break;
      at++;
    }
    params.set(param.toUpperCase(), values.join(','));
  }
  if (text[at] !== ':') throw new IcsParseError(line, `${name}: expected ":" before the value`);
  return { line, name: name.toUpperCase(), params, value: text.slice(at + 1) };
}

interface IcsTime {
  /** Local wall-clock time of the value (midnight for a date). */
  local: Temporal.PlainDateTime;
  isDate: boolean;
}

function* eventHolidays(event: { line: number; props: ContentLine[] }, options: IcsImportOptions): Generator<IcsHoliday> {
  const prop = (name: string) => event.props.find((p) => p.name === name);
  if (prop('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return;
  const recurring = prop('RRULE') ?? prop('RDATE');
  if (recurring) throw new IcsParseError(recurring.line, `recurring events (${recurring.name}) are not supported: export the holidays as single events`);
  const dtstart = prop('DTSTART');
  if (!dtstart) throw new IcsParseError(event.line, 'this VEVENT has no DTSTART');
  const start = parseIcsTime(dtstart, options);

  const dtend = prop('DTEND');
  const duration = prop('DURATION');
  let end: Temporal.PlainDateTime;
  if (dtend) {
    end = parseIcsTime(dtend, options).local;
    if (Temporal.PlainDateTime.compare(end, start.local) < 0) throw new IcsParseError(dtend.line, 'DTEND is before DTSTART');
  } else if (duration) {
    end = start.local.add(parseDuration(duration));
  } else {
    end = start.isDate ? start.local.add({ days: 1 }) : start.local;
  }

  // DTEND is exclusive: an end at midnight closes the day before it.
  const first = start.local.toPlainDate();
  const endDate = end.toPlainDate();
  const endsAtMidnight = end.toPlainTime().equals(new Temporal.PlainTime());
  let last = endsAtMidnight ? endDate.subtract({ days: 1 }) : endDate;
  if (Temporal.PlainDate.compare(last, first) < 0) last = first;
  const days = last.since(first).days + 1;
  if (days > MAX_ICS_EVENT_DAYS) throw new IcsParseError((dtend ?? duration ?? dtstart).line, `the event lasts ${days} days, more than ${MAX_ICS_EVENT_DAYS}`);

  const summary = prop('SUMMARY');
  const name = summary ? unescapeText(summary.value).replace(/\s+/g, ' ').trim() : '';
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    yield { date: date.toString(), name };
  }
}

const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_VALUE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

function parseIcsTime(prop: ContentLine, options: IcsImportOptions): IcsTime {
  const value = prop.value.trim();
  const type = prop.params.get('VALUE')?.toUpperCase();
  if (type !== undefined && type !== 'DATE' && type !== 'DATE-TIME') throw new IcsParseError(prop.line, `${prop.name}: VALUE=${type} is not supported`);
  const date = DATE_VALUE.exec(value);
  if (date && type !== 'DATE-TIME') {
    return { local: plainDateTime(prop, [date[1]!, date[2]!, date[3]!, '0', '0', '0']), isDate: true };
  }
  const dateTime = DATE_TIME_VALUE.exec(value);
  if (!dateTime || type === 'DATE') {
    const expected = type === 'DATE' ? 'a date like 20261224' : 'a date like 20261224 or a date-time like 20261224T090000';
    throw new IcsParseError(prop.line, `${prop.name}: expected ${expected}, found "${clip(value)}"`);
  }
  const local = plainDateTime(prop, dateTime.slice(1, 7) as string[]);
  if (dateTime[7] !== 'Z') return { local, isDate: false };
  const zone = options.zone ?? 'UTC';
  return { local: local.toZonedDateTime('UTC').withTimeZone(zone).toPlainDateTime(), isDate: false };
}

function plainDateTime(prop: ContentLine, [year, month, day, hour, minute, second]: string[]): Temporal.PlainDateTime {
  try {
    return Temporal.PlainDateTime.from(
      // RFC 5545 allows a leap second (60); the holiday's date does not depend on it.
      { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Math.min(Number(second), 59) },
      { overflow: 'reject' },
    );
  } catch {
    throw new IcsParseError(prop.line, `${prop.name}: ${prop.value.trim()} is not a valid date or time`);
  }
}

function parseDuration(prop: ContentLine): Temporal.Duration {
  let duration: Temporal.Duration;
  try {
    duration = Temporal.Duration.from(prop.value.trim());
  } catch {
    throw new IcsParseError(prop.line, `DURATION: expected a duration like P1D or PT8H, found "${clip(prop.value)}"`);
  }
  if (duration.sign < 0) throw new IcsParseError(prop.line, 'DURATION must not be negative');
  if (duration.years || duration.months) throw new IcsParseError(prop.line, 'DURATION may use weeks, days, hours, minutes and seconds only');
  return duration;
}

/** TEXT values: \\ \; \, \n and \N (RFC 5545 §3.3.11). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
