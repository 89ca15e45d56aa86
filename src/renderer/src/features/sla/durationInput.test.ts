import { describe, expect, it } from 'vitest';
import { checkDuration, durationSeconds, isEmptyDuration, toDurationValue } from './durationInput';

describe('SLA targets as amount + unit', () => {
  it('shows seconds in the largest unit they are a whole number of', () => {
    expect(toDurationValue(15 * 60)).toEqual({ amount: 15, unit: 'minutes' });
    expect(toDurationValue(90 * 60)).toEqual({ amount: 90, unit: 'minutes' });
    expect(toDurationValue(4 * 3600)).toEqual({ amount: 4, unit: 'hours' });
    expect(toDurationValue(36 * 3600)).toEqual({ amount: 36, unit: 'hours' });
    expect(toDurationValue(2 * 86_400)).toEqual({ amount: 2, unit: 'days' });
    expect(toDurationValue(null)).toEqual({ amount: '', unit: 'hours' });
    expect(toDurationValue(90)).toEqual({ amount: 1.5, unit: 'minutes' });
  });

  it('turns amounts back into whole seconds, decimals included', () => {
    expect(durationSeconds({ amount: 5, unit: 'minutes' })).toBe(300);
    expect(durationSeconds({ amount: 1.5, unit: 'hours' })).toBe(5400);
    expect(durationSeconds({ amount: '2', unit: 'days' })).toBe(172_800);
    expect(durationSeconds({ amount: '', unit: 'days' })).toBeNull();
    expect(durationSeconds({ amount: '1e', unit: 'days' })).toBeNull();
    for (const seconds of [60, 75 * 60, 7200, 86_400 * 3, 366 * 86_400]) expect(durationSeconds(toDurationValue(seconds))).toBe(seconds);
  });

  it("checks the core's limits: a minute to 366 days; only an optional target may be empty", () => {
    expect(checkDuration({ amount: '', unit: 'hours' })).toBe('required');
    expect(checkDuration({ amount: ' ', unit: 'hours' }, true)).toBeNull();
    expect(isEmptyDuration({ amount: '', unit: 'minutes' })).toBe(true);
    expect(checkDuration({ amount: 'x', unit: 'hours' })).toBe('notNumber');
    expect(checkDuration({ amount: 0.5, unit: 'minutes' })).toBe('tooShort');
    expect(checkDuration({ amount: 0, unit: 'days' })).toBe('tooShort');
    expect(checkDuration({ amount: 1, unit: 'minutes' })).toBeNull();
    expect(checkDuration({ amount: 366, unit: 'days' })).toBeNull();
    expect(checkDuration({ amount: 367, unit: 'days' })).toBe('tooLong');
    expect(checkDuration({ amount: 9000, unit: 'hours' })).toBe('tooLong');
  });
});
