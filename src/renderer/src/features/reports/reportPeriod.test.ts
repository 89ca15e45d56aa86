import { describe, expect, it } from 'vitest';
import { periodRange, weekStartDay } from './reportPeriod';
import { formatBacklogPoint, formatPeriod, reportFileName } from './reportText';

// Thursday 19 November 2026, 15:30 in Berlin (14:30 UTC).
const now = Date.UTC(2026, 10, 19, 14, 30);
const berlin = 'Europe/Berlin';
const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe('periodRange', () => {
  it('starts today at local midnight and ends now', () => {
    expect(periodRange({ kind: 'today' }, now, berlin, 1)).toEqual({ from: utc(2026, 11, 18, 23), to: now });
  });

  it('starts this week on the locale’s first day', () => {
    // Monday 16 November (Europe), Sunday 15 November (United States).
    expect(periodRange({ kind: 'thisWeek' }, now, berlin, 1)).toEqual({ from: utc(2026, 11, 15, 23), to: now });
    expect(periodRange({ kind: 'thisWeek' }, now, 'America/New_York', 7)).toEqual({ from: utc(2026, 11, 15, 5), to: now });
  });

  it('takes last week as the seven whole days before this week', () => {
    expect(periodRange({ kind: 'lastWeek' }, now, berlin, 1)).toEqual({ from: utc(2026, 11, 8, 23), to: utc(2026, 11, 15, 23) });
  });

  it('counts last 30 days with today, across the end of summer time', () => {
    // 21 October is still CEST (UTC+2).
    expect(periodRange({ kind: 'last30Days' }, now, berlin, 1)).toEqual({ from: utc(2026, 10, 20, 22), to: now });
  });

  it('takes a custom range of whole days, both included', () => {
    expect(periodRange({ kind: 'custom', firstDay: '2026-11-02', lastDay: '2026-11-08' }, now, berlin, 1)).toEqual({ from: utc(2026, 11, 1, 23), to: utc(2026, 11, 8, 23) });
  });

  it('names what is wrong with a custom range', () => {
    expect(periodRange({ kind: 'custom', firstDay: '2026-11-02', lastDay: null }, now, berlin, 1)).toEqual({ problem: 'missingDays' });
    expect(periodRange({ kind: 'custom', firstDay: '2026-11-08', lastDay: '2026-11-02' }, now, berlin, 1)).toEqual({ problem: 'endsBeforeStart' });
    expect(periodRange({ kind: 'custom', firstDay: '2024-01-01', lastDay: '2026-11-02' }, now, berlin, 1)).toEqual({ problem: 'tooLong' });
  });
});

describe('weekStartDay', () => {
  it('follows the locale, Monday when unknown', () => {
    expect(weekStartDay('de-DE')).toBe(1);
    expect(weekStartDay('en-US')).toBe(7);
    expect(weekStartDay('not a locale')).toBe(1);
  });
});

describe('period text and file name', () => {
  it('name the first and last local day', () => {
    const range = { from: utc(2026, 11, 15, 23), to: utc(2026, 11, 22, 23) };
    expect(reportFileName(range, berlin)).toBe('shiftdesk-report-2026-11-16-to-2026-11-22.csv');
    // ICU versions differ in the spaces around the dash.
    expect(formatPeriod(range, berlin, 'en-GB')).toMatch(/^16\s?–\s?22 Nov 2026$/u);
  });
});

describe('formatBacklogPoint', () => {
  it('shows the day at a local midnight, the day and time otherwise, the time for hourly points', () => {
    expect(formatBacklogPoint(utc(2026, 11, 15, 23), 'day', berlin, 'en-GB')).toBe('16 Nov 2026');
    expect(formatBacklogPoint(now, 'day', berlin, 'en-GB')).toBe('19 Nov 2026, 15:30');
    expect(formatBacklogPoint(now, 'hour', berlin, 'en-GB')).toBe('15:30');
  });
});
