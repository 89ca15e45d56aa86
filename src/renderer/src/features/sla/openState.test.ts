import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '@shared/businessHours';
import { formatMoment, openState } from './openState';

const office: BusinessCalendar = {
  zone: 'Europe/Riga',
  alwaysOpen: false,
  weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] },
  holidays: [{ date: '2026-11-17', name: 'Bridge day' }],
};
/** Monday 16 November 2026, 12:00 in Riga (UTC+2). */
const MONDAY_NOON = Date.UTC(2026, 10, 16, 10, 0);

describe('open now', () => {
  it('open: says when it closes', () => {
    expect(openState(office, MONDAY_NOON)).toEqual({ kind: 'open', closesAt: Date.UTC(2026, 10, 16, 15, 0) });
  });

  it('closed: says when it opens, past holidays', () => {
    // Tuesday is a holiday, Wednesday to Sunday closed: the next Monday at 09:00.
    expect(openState(office, Date.UTC(2026, 10, 16, 15, 0))).toEqual({ kind: 'closed', opensAt: Date.UTC(2026, 10, 23, 7, 0) });
  });

  it('around the clock', () => {
    expect(openState({ ...office, alwaysOpen: true }, MONDAY_NOON)).toEqual({ kind: 'always' });
  });

  it("formats a moment on the calendar's clock: the time today, the weekday this week, the date after", () => {
    expect(formatMoment(Date.UTC(2026, 10, 16, 15, 0), 'Europe/Riga', 'en-GB', MONDAY_NOON)).toBe('17:00');
    expect(formatMoment(Date.UTC(2026, 10, 16, 15, 0), 'America/New_York', 'en-US', MONDAY_NOON)).toBe('10:00 AM');
    expect(formatMoment(Date.UTC(2026, 10, 18, 7, 0), 'Europe/Riga', 'en-GB', MONDAY_NOON)).toBe('Wed 09:00');
    expect(formatMoment(Date.UTC(2026, 10, 23, 7, 0), 'Europe/Riga', 'en-GB', MONDAY_NOON)).toBe('Mon 23 Nov 09:00');
    // 23:30 in Riga on Monday is Tuesday already in Kolkata.
    expect(formatMoment(Date.UTC(2026, 10, 16, 21, 30), 'Asia/Kolkata', 'en-GB', MONDAY_NOON)).toBe('Tue 03:00');
  });
});
