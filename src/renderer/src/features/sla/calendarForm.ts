// The calendar form without the DOM: its values, how they come from and go to an SlaCalendar,
// their checks per field, the time zones to choose from, and the calendar as it would be saved
// (for the "Open now" preview).
import { businessCalendarSchema, canonicalTimeZone, type BusinessCalendar } from '@shared/businessHours';
import type { SlaCalendar } from '@shared/sla';
import { holidayProblems, sortHolidays, type HolidayProblem, type HolidayValue } from './holidays';
import { dayProblems, fromWeeklyHours, isWeekOpen, officeWeek, toWeeklyHours, WEEKDAYS, type IntervalProblem, type Weekday, type WeeklyValues } from './weeklyHours';

export const MAX_CALENDAR_NAME = 100;

export interface CalendarValues {
  name: string;
  zone: string;
  alwaysOpen: boolean;
  weekly: WeeklyValues;
  holidays: HolidayValue[];
}

export type CalendarErrors = {
  name?: 'nameRequired';
  zone?: 'zoneInvalid';
  /** Never open: no hours on any day. */
  weekly?: 'neverOpen';
} & Partial<Record<`weekly.${Weekday}.${number}`, IntervalProblem>> &
  Partial<Record<`holidays.${number}`, HolidayProblem>>;

export type CalendarField = keyof CalendarErrors;

export function emptyCalendarValues(zone: string): CalendarValues {
  return { name: '', zone: canonicalTimeZone(zone) ?? 'UTC', alwaysOpen: false, weekly: officeWeek(), holidays: [] };
}

export function calendarToValues({ name, calendar }: SlaCalendar): CalendarValues {
  return {
    name,
    zone: calendar.zone,
    alwaysOpen: calendar.alwaysOpen,
    weekly: fromWeeklyHours(calendar.weekly),
    holidays: sortHolidays(calendar.holidays.map((h) => ({ date: h.date, name: h.name }))),
  };
}

export function validateCalendar(values: CalendarValues): CalendarErrors {
  const errors: CalendarErrors = {};
  if (values.name.trim() === '') errors.name = 'nameRequired';
  if (canonicalTimeZone(values.zone.trim()) === null) errors.zone = 'zoneInvalid';
  // Open around the clock, hours and holidays are kept but unused: they are not asked about.
  if (values.alwaysOpen) return errors;
  if (!isWeekOpen(values.weekly)) errors.weekly = 'neverOpen';
  for (const day of WEEKDAYS) {
    for (const [i, problem] of dayProblems(values.weekly[day])) errors[`weekly.${day}.${i}`] = problem;
  }
  for (const [i, problem] of holidayProblems(values.holidays)) errors[`holidays.${i}`] = problem;
  return errors;
}

/** Top to bottom of the form: the first field with a problem gets the focus. */
export function firstCalendarError(values: CalendarValues, errors: CalendarErrors): CalendarField | null {
  const order: CalendarField[] = [
    'name',
    'zone',
    'weekly',
    ...WEEKDAYS.flatMap((day) => values.weekly[day].map((_, i) => `weekly.${day}.${i}` as const)),
    ...values.holidays.map((_, i) => `holidays.${i}` as const),
  ];
  return order.find((f) => f in errors) ?? null;
}

export function valuesToCalendar(values: CalendarValues, id: string): SlaCalendar {
  const problems = holidayProblems(values.holidays);
  return {
    id,
    name: values.name.trim(),
    calendar: {
      zone: canonicalTimeZone(values.zone.trim()) ?? values.zone.trim(),
      alwaysOpen: values.alwaysOpen,
      weekly: toWeeklyHours(values.weekly),
      holidays: sortHolidays(values.holidays.filter((_, i) => !problems.has(i)).map((h) => ({ date: h.date, name: h.name.trim() }))),
    },
  };
}

/** The calendar the values describe, when the core would accept it; null otherwise. */
export function previewCalendar(values: CalendarValues): BusinessCalendar | null {
  if (!values.alwaysOpen && Object.keys(validateCalendar({ ...values, name: 'preview' })).length > 0) return null;
  const parsed = businessCalendarSchema.safeParse(valuesToCalendar(values, 'preview').calendar);
  return parsed.success ? parsed.data : null;
}

/**
 * Intl lists some zones by the names CLDR keeps for stability (Asia/Calcutta, Europe/Kiev): admins
 * look for today's IANA names, which every runtime accepts too.
 */
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

const currentName = (zone: string): string => {
  const current = CURRENT_NAMES[zone];
  return current !== undefined && canonicalTimeZone(current) !== null ? current : zone;
};

let zones: string[] | null = null;

/** IANA zones this runtime knows (by their current names), with UTC, and the current value when it is not among them. */
export function timeZoneChoices(current: string): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone').map(currentName), 'UTC'])].sort();
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** The viewer's own zone. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
