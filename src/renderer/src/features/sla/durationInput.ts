// SLA targets as an admin types them: an amount and a unit (minutes, hours, days), and back to
// the whole seconds the core stores. Limits are the core's (slaPolicySchema): a minute to a year.

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnitChoice = (typeof DURATION_UNITS)[number];

export const UNIT_SECONDS: Record<DurationUnitChoice, number> = { minutes: 60, hours: 3600, days: 86_400 };

export const MIN_TARGET_SECONDS = 60;
export const MAX_TARGET_SECONDS = 366 * 86_400;

/** What a NumberInput holds: a number, or '' (or a partial string) while it is being typed. */
export type AmountInput = number | string;

export interface DurationValue {
  amount: AmountInput;
  unit: DurationUnitChoice;
}

export const EMPTY_DURATION: DurationValue = { amount: '', unit: 'hours' };

/** The largest unit the seconds are a whole number of: 5400 s → 90 minutes, 7200 s → 2 hours. */
export function toDurationValue(seconds: number | null): DurationValue {
  if (seconds === null) return EMPTY_DURATION;
  for (const unit of [...DURATION_UNITS].reverse()) {
    if (seconds % UNIT_SECONDS[unit] === 0) return { amount: seconds / UNIT_SECONDS[unit], unit };
  }
  // Not a whole number of minutes (never saved by this form): minutes, to two decimals.
  return { amount: Math.round((seconds / 60) * 100) / 100, unit: 'minutes' };
}

const amountOf = (amount: AmountInput): number | null => {
  if (typeof amount === 'number') return Number.isFinite(amount) ? amount : null;
  const trimmed = amount.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
};

/** Whether nothing was entered (an optional target left out). */
export const isEmptyDuration = (value: DurationValue): boolean => typeof value.amount === 'string' && value.amount.trim() === '';

/** Whole seconds, or null when the amount is missing or not a number. */
export function durationSeconds(value: DurationValue): number | null {
  const amount = amountOf(value.amount);
  return amount === null ? null : Math.round(amount * UNIT_SECONDS[value.unit]);
}

export type DurationProblem = 'required' | 'notNumber' | 'tooShort' | 'tooLong';

/** What is wrong with a target, or null. An optional one may be left empty. */
export function checkDuration(value: DurationValue, optional = false): DurationProblem | null {
  if (isEmptyDuration(value)) return optional ? null : 'required';
  const seconds = durationSeconds(value);
  if (seconds === null) return 'notNumber';
  if (seconds < MIN_TARGET_SECONDS) return 'tooShort';
  if (seconds > MAX_TARGET_SECONDS) return 'tooLong';
  return null;
}
