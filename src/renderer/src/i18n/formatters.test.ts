import { describe, expect, it } from 'vitest';
import { formatHour, formatList, formatMessageTime, formatNumber, formatPercent, languageName, weekdayNames } from './formatters';

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
});
