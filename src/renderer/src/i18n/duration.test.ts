import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '@shared/domain';
import { deadlineState, durationParts, formatDuration, formatRelativeTime, relativeTimeRefreshMs } from './duration';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('durationParts', () => {
  it('picks units by size and rounds down', () => {
    expect(durationParts(0)).toEqual([{ value: 0, unit: 'second' }]);
    expect(durationParts(59_999)).toEqual([{ value: 59, unit: 'second' }]);
    expect(durationParts(5 * min + 59 * s)).toEqual([{ value: 5, unit: 'minute' }]);
    expect(durationParts(h + 40 * min + 30 * s)).toEqual([
      { value: 1, unit: 'hour' },
      { value: 40, unit: 'minute' },
    ]);
    expect(durationParts(3 * h)).toEqual([{ value: 3, unit: 'hour' }]);
    expect(durationParts(2 * d + 5 * h + 3 * min)).toEqual([
      { value: 2, unit: 'day' },
      { value: 5, unit: 'hour' },
    ]);
  });

  it('measures past spans the same way', () => {
    expect(durationParts(-3 * min - 10 * s)).toEqual([{ value: 3, unit: 'minute' }]);
  });
});

describe('formatDuration', () => {
  it('uses the locale for numbers and units', () => {
    const en = (value: number, unit: string) =>
      new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'short' }).format(value);
    expect(formatDuration(3 * min, 'en')).toBe(en(3, 'minute'));
    expect(formatDuration(h + 40 * min, 'en')).toBe(
      new Intl.ListFormat('en', { type: 'unit', style: 'narrow' }).format([en(1, 'hour'), en(40, 'minute')]),
    );
    expect(formatDuration(1500 * d, 'de')).toContain('1.500');
  });
});

describe('formatRelativeTime', () => {
  it('says how long ago or how soon, in one unit', () => {
    const rtf = new Intl.RelativeTimeFormat('en', { style: 'short', numeric: 'auto' });
    expect(formatRelativeTime(1_000_000 - 3 * min, 1_000_000, 'en')).toBe(rtf.format(-3, 'minute'));
    expect(formatRelativeTime(1_000_000 + 10 * s, 1_000_000, 'en')).toBe(rtf.format(10, 'second'));
    expect(formatRelativeTime(1_000_000 - 26 * h, 1_000_000, 'en')).toBe(rtf.format(-1, 'day'));
  });
});

describe('deadlineState', () => {
  const now = 1_000_000_000;
  it('tells no deadline, plenty of time, soon and overdue apart', () => {
    expect(deadlineState(NO_DEADLINE, now, NO_DEADLINE)).toBe('none');
    expect(deadlineState(now + h, now, NO_DEADLINE)).toBe('ok');
    expect(deadlineState(now + 15 * min, now, NO_DEADLINE)).toBe('soon');
    expect(deadlineState(now + 1, now, NO_DEADLINE)).toBe('soon');
    expect(deadlineState(now, now, NO_DEADLINE)).toBe('overdue');
    expect(deadlineState(now - min, now, NO_DEADLINE)).toBe('overdue');
  });
});

describe('relativeTimeRefreshMs', () => {
  it('refreshes every second while a shown time counts seconds, else every 30 seconds', () => {
    const now = 1_700_000_000_000;
    expect(relativeTimeRefreshMs([now - 10 * s, null], now)).toBe(s);
    expect(relativeTimeRefreshMs([now - 3 * min, now + 20 * s], now)).toBe(s);
    expect(relativeTimeRefreshMs([now - 3 * min, null], now)).toBe(30 * s);
    expect(relativeTimeRefreshMs([null, null], now)).toBe(30 * s);
  });
});
