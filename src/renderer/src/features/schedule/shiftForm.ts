// The shift form's values, their checks (one message key per field) and the conversion to and
// from a Shift. Repeats are written as RRULEs (without DTSTART: the shift's date and zone are
// the start): weekly on chosen days, every N days (a rotation), or a custom rule.
import { Temporal } from 'temporal-polyfill';
import type { Shift } from '@shared/schedule';
import { shiftRuleError } from '@shared/schedule/shiftRule';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type RepeatKind = 'none' | 'weekly' | 'rotation' | 'custom';
export type LengthMode = 'end' | 'duration';

export interface ShiftFormValues {
  agentId: string;
  timeZone: string;
  startDate: string;
  start: string;
  lengthMode: LengthMode;
  end: string;
  /** Hours, as typed ("8", "7.5"). */
  durationHours: string;
  repeat: RepeatKind;
  weekdays: Weekday[];
  /** Days between occurrences of a rotation, as typed. */
  everyDays: string;
  customRule: string;
  /** Skipped local start dates, one per line or comma-separated. */
  exceptions: string;
  region: string;
  note: string;
}

export type ShiftFormField = 'agentId' | 'timeZone' | 'startDate' | 'start' | 'end' | 'durationHours' | 'weekdays' | 'everyDays' | 'customRule' | 'exceptions' | 'region' | 'note';
/** Field → i18n key of what is wrong with it. */
export type ShiftFormErrors = Partial<Record<ShiftFormField, string>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTES_PER_DAY = 24 * 60;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Weekday code of a local date ('MO'..'SU'). */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[Temporal.PlainDate.from(date).dayOfWeek - 1] ?? 'MO';
}

const isDate = (text: string) => {
  try {
    Temporal.PlainDate.from(text);
    return true;
  } catch {
    return false;
  }
};

/** A new first date: the weekly days follow it while they are still only the old first date's weekday. */
export function withStartDate(values: ShiftFormValues, startDate: string): ShiftFormValues {
  const untouched = values.weekdays.length === 1 && isDate(values.startDate) && values.weekdays[0] === weekdayOf(values.startDate);
  return { ...values, startDate, weekdays: untouched && isDate(startDate) ? [weekdayOf(startDate)] : values.weekdays };
}

export function emptyShiftForm(init: { agentId: string; timeZone: string; startDate: string; start?: string; durationMinutes?: number }): ShiftFormValues {
  const start = init.start ?? '09:00';
  const duration = init.durationMinutes ?? 8 * 60;
  return {
    agentId: init.agentId,
    timeZone: init.timeZone,
    startDate: init.startDate,
    start,
    lengthMode: 'end',
    end: timeOf((minutesOf(start) + duration) % MINUTES_PER_DAY),
    durationHours: String(duration / 60),
    repeat: 'none',
    weekdays: [weekdayOf(init.startDate)],
    everyDays: '4',
    customRule: '',
    exceptions: '',
    region: '',
    note: '',
  };
}

export function toFormValues(shift: Shift): ShiftFormValues {
  const base = emptyShiftForm({ agentId: shift.agentId, timeZone: shift.timeZone, startDate: shift.startDate, start: shift.start, durationMinutes: shift.durationMinutes });
  const repeat = describeRule(shift.rrule);
  return {
    ...base,
    ...repeat,
    exceptions: shift.exceptions.join('\n'),
    region: shift.region ?? '',
    note: shift.note ?? '',
  };
}

function describeRule(rule: string | null): Pick<ShiftFormValues, 'repeat'> & Partial<ShiftFormValues> {
  if (rule === null) return { repeat: 'none' };
  const weekly = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(rule);
  if (weekly?.[1]) return { repeat: 'weekly', weekdays: WEEKDAYS.filter((d) => weekly[1]?.split(',').includes(d)) };
  const rotation = /^FREQ=DAILY;INTERVAL=(\d+)$/.exec(rule);
  if (rotation?.[1]) return { repeat: 'rotation', everyDays: rotation[1] };
  return { repeat: 'custom', customRule: rule };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function validDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export function parseExceptions(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].sort();
}

/** The shift's length in minutes from the form, or null when the field does not give one. */
export function durationOf(values: ShiftFormValues): number | null {
  if (values.lengthMode === 'end') {
    if (!TIME.test(values.start) || !TIME.test(values.end)) return null;
    const diff = minutesOf(values.end) - minutesOf(values.start);
    // An end at or before the start is on the next day (a night shift); equal means 24 hours.
    return diff > 0 ? diff : diff + MINUTES_PER_DAY;
  }
  const hours = Number(values.durationHours.trim().replace(',', '.'));
  if (!values.durationHours.trim() || !Number.isFinite(hours)) return null;
  const minutes = Math.round(hours * 60);
  return minutes >= 15 && minutes <= MINUTES_PER_DAY ? minutes : null;
}

export function ruleOf(values: ShiftFormValues): string | null {
  switch (values.repeat) {
    case 'none':
      return null;
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS.filter((d) => values.weekdays.includes(d)).join(',')}`;
    case 'rotation':
      return `FREQ=DAILY;INTERVAL=${Number(values.everyDays.trim())}`;
    case 'custom':
      return values.customRule.trim().replace(/^RRULE:/i, '');
  }
}

/** The rule is checked by the core's own parser (shared); the form names the problem in the UI language. */
function customRuleError(rule: string): string | undefined {
  if (!rule) return 'schedule.form.errors.ruleRequired';
  if (/DTSTART|TZID/i.test(rule)) return 'schedule.form.errors.ruleNoStart';
  if (rule.length > 500) return 'schedule.form.errors.ruleTooLong';
  return shiftRuleError(rule) === null ? undefined : 'schedule.form.errors.ruleInvalid';
}

export function validateShiftForm(values: ShiftFormValues): ShiftFormErrors {
  const errors: ShiftFormErrors = {};
  if (!values.agentId) errors.agentId = 'schedule.form.errors.agent';
  if (!validZone(values.timeZone)) errors.timeZone = 'schedule.form.errors.zone';
  if (!validDate(values.startDate)) errors.startDate = 'schedule.form.errors.date';
  if (!TIME.test(values.start)) errors.start = 'schedule.form.errors.time';
  if (values.lengthMode === 'end' && !TIME.test(values.end)) errors.end = 'schedule.form.errors.time';
  if (values.lengthMode === 'duration' && durationOf(values) === null) errors.durationHours = 'schedule.form.errors.duration';
  if (values.repeat === 'weekly' && values.weekdays.length === 0) errors.weekdays = 'schedule.form.errors.weekdays';
  if (values.repeat === 'rotation') {
    const n = Number(values.everyDays.trim());
    if (!Number.isInteger(n) || n < 1 || n > 365) errors.everyDays = 'schedule.form.errors.everyDays';
  }
  if (values.repeat === 'custom') {
    const error = customRuleError(ruleOf(values) ?? '');
    if (error) errors.customRule = error;
  }
  const exceptions = parseExceptions(values.exceptions);
  if (exceptions.some((d) => !validDate(d))) errors.exceptions = 'schedule.form.errors.exceptions';
  else if (exceptions.length > 1000) errors.exceptions = 'schedule.form.errors.tooManyExceptions';
  if (values.region.trim().length > 60) errors.region = 'schedule.form.errors.region';
  if (values.note.trim().length > 500) errors.note = 'schedule.form.errors.note';
  return errors;
}

export const hasErrors = (errors: ShiftFormErrors) => Object.keys(errors).length > 0;

/**
 * The shift the form describes (call after validateShiftForm found nothing). An edit keeps the
 * shift's id and version (the core bumps the version); a new shift gets a fresh id.
 */
export function toShift(values: ShiftFormValues, existing: Shift | null, newId: () => string): Shift {
  const duration = durationOf(values);
  if (duration === null) throw new Error('the shift form has errors');
  return {
    id: existing?.id ?? newId(),
    agentId: values.agentId,
    timeZone: values.timeZone,
    startDate: values.startDate,
    start: values.start,
    durationMinutes: duration,
    rrule: ruleOf(values),
    exceptions: parseExceptions(values.exceptions),
    region: values.region.trim() || null,
    note: values.note.trim() || null,
    version: existing?.version ?? 0,
    updatedAt: existing?.updatedAt ?? 0,
  };
}
