import { describe, expect, it } from 'vitest';
import { formatDayHeading, formatDayTimeIn, formatHour, formatList, formatMessageTime, formatNumber, formatPercent, formatTimeIn, formatZoneOffset, languageName, weekdayNames } from './formatters';

describe('formatters', () => {
  it('formats numbers by locale', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'de')).toBe('12.345');
    expect(formatNumber(1.25, 'de', 1)).toBe('1,3');
    expect(formatNumber(2, 'en', 1)).toBe('2');
  });

  it('names weekdays Monday first and hours of the day by locale', () => {
    expect(weekdayNames('en')[0]).toBe('Monday');
    expect(weekdayNames('de', 'short')[6]).toBe('So');
    expect(formatHour(13, 'en-US')).toBe('1 PM');
    expect(formatHour(13, 'de')).toBe('13 Uhr');
  });

  it('shows the time alone for today and adds the date otherwise', () => {
    const now = new Date(2025, 5, 10, 15, 0).getTime();
    const today = new Date(2025, 5, 10, 9, 5).getTime();
    const earlier = new Date(2025, 2, 3, 9, 5).getTime();
    const lastYear = new Date(2024, 2, 3, 9, 5).getTime();
    expect(formatMessageTime(today, now, 'en-GB')).toBe('09:05');
    expect(formatMessageTime(earlier, now, 'en-GB')).toMatch(/3 Mar.*9:05/);
    expect(formatMessageTime(lastYear, now, 'en-GB')).toMatch(/2024/);
  });

  it('joins lists with the locale\'s words and punctuation', () => {
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(formatList(['a', 'b'], 'de')).toBe('a und b');
    expect(formatList(['a', 'b', 'c'], 'en', 'unit')).toBe('a, b, c');
    expect(formatList(['a', 'b', 'c'], 'ar', 'unit')).toContain('،');
  });

  it('names languages in the UI language', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('pt-BR', 'en')).toMatch(/Portuguese/);
    expect(languageName('not a code', 'en')).toBe('not a code');
    expect(languageName('lv', 'de')).toBe('Lettisch');
  });

  it('writes shares as percentages the locale way', () => {
    expect(formatPercent(0.93, 'en')).toBe('93%');
    expect(formatPercent(0.934, 'fr')).toMatch(/^93\s%$/u);
    expect(formatPercent(0.8, 'ar-EG')).toMatch(/٨٠/);
  });

  it('shows times in a given zone, in the locale’s way', () => {
    const at = Date.parse('2026-11-24T03:30:00Z');
    expect(formatTimeIn(at, 'Asia/Kolkata', 'en-US')).toBe('9:00 AM');
    expect(formatTimeIn(at, 'Asia/Kathmandu', 'de')).toBe('09:15');
    expect(formatDayTimeIn(at, 'Asia/Tokyo', 'en-US')).toBe('Tue, Nov 24, 12:30 PM');
    expect(formatZoneOffset('Asia/Kolkata', at, 'en')).toBe('GMT+05:30');
  });

  it('names a calendar date and an hour without any zone shifting them', () => {
    expect(formatDayHeading('2026-11-24', 'en-US')).toBe('24 Tue');
    expect(formatDayHeading('2026-11-24', 'en-US', 'long')).toBe('Tuesday, November 24, 2026');
    expect(formatHour(9, 'en-US')).toBe('9 AM');
    expect(formatHour(9, 'de')).toBe('09 Uhr');
  });
});
