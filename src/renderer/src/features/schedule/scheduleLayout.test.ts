import { describe, expect, it } from 'vitest';
import type { ShiftOccurrence } from '@shared/schedule';
import { instantAt, layoutBlocks, movedStart, rangeOfDays, snapMinutes, visibleDays, wallMinutes } from './scheduleLayout';

const utc = (iso: string) => Date.parse(iso);
function occurrence(start: string, end: string, extra: Partial<ShiftOccurrence> = {}): ShiftOccurrence {
  return { shiftId: 's1', agentId: 'a1', timeZone: 'UTC', localDate: start.slice(0, 10), start: utc(start), end: utc(end), region: null, ...extra };
}

describe('visibleDays', () => {
  it('gives the Monday-first week holding the date, or the day alone', () => {
    expect(visibleDays('2026-11-26', 'week')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(visibleDays('2026-11-29', 'week')[0]).toBe('2026-11-23');
    expect(visibleDays('2026-11-26', 'day')).toEqual(['2026-11-26']);
  });
});

describe('rangeOfDays', () => {
  it('runs from the first local midnight to the midnight after the last day', () => {
    expect(rangeOfDays(['2026-11-23', '2026-11-24'], 'Asia/Kolkata')).toEqual({ from: utc('2026-11-22T18:30:00Z'), to: utc('2026-11-24T18:30:00Z') });
  });
  it('is 23 hours on the day clocks go forward', () => {
    const { from, to } = rangeOfDays(['2026-03-29'], 'Europe/Riga');
    expect(to - from).toBe(23 * 3600_000);
  });
});

describe('layoutBlocks', () => {
  const week = visibleDays('2026-11-23', 'week');

  it('places a Tokyo 09:00-17:00 shift at 09:00 in Tokyo and at 02:00 in Riga', () => {
    const tokyo = occurrence('2026-11-24T00:00:00Z', '2026-11-24T08:00:00Z', { timeZone: 'Asia/Tokyo' });
    expect(layoutBlocks([tokyo], week, 'Asia/Tokyo')).toMatchObject([{ dayIndex: 1, top: 9 * 60, height: 8 * 60, continuesBefore: false, continuesAfter: false }]);
    expect(layoutBlocks([tokyo], week, 'Europe/Riga')).toMatchObject([{ dayIndex: 1, top: 2 * 60, height: 8 * 60 }]);
  });

  it('places blocks in half-hour and 45-minute offset zones', () => {
    const o = occurrence('2026-11-24T03:30:00Z', '2026-11-24T07:30:00Z');
    // Kolkata is UTC+05:30, Kathmandu UTC+05:45, Chatham UTC+13:45 in (southern) summer.
    expect(layoutBlocks([o], week, 'Asia/Kolkata')).toMatchObject([{ dayIndex: 1, top: 9 * 60, height: 240 }]);
    expect(layoutBlocks([o], week, 'Asia/Kathmandu')).toMatchObject([{ dayIndex: 1, top: 9 * 60 + 15, height: 240 }]);
    expect(layoutBlocks([o], week, 'Pacific/Chatham')).toMatchObject([{ dayIndex: 1, top: 17 * 60 + 15, height: 240 }]);
  });

  it('splits a shift crossing midnight in the shown zone across the two days', () => {
    // 22:00-06:00 in Riga (UTC+2 in November).
    const night = occurrence('2026-11-24T20:00:00Z', '2026-11-25T04:00:00Z');
    expect(layoutBlocks([night], week, 'Europe/Riga')).toMatchObject([
      { dayIndex: 1, top: 22 * 60, height: 120, continuesBefore: false, continuesAfter: true },
      { dayIndex: 2, top: 0, height: 6 * 60, continuesBefore: true, continuesAfter: false },
    ]);
    // 14:00-22:00 UTC is one day in UTC and 23:00-07:00 in Tokyo.
    expect(layoutBlocks([occurrence('2026-11-24T14:00:00Z', '2026-11-24T22:00:00Z')], week, 'Asia/Tokyo')).toHaveLength(2);
    expect(layoutBlocks([occurrence('2026-11-24T14:00:00Z', '2026-11-24T22:00:00Z')], week, 'UTC')).toHaveLength(1);
  });

  it('leaves no empty piece for a shift ending exactly at midnight, and drops days not shown', () => {
    const evening = occurrence('2026-11-29T16:00:00Z', '2026-11-30T00:00:00Z');
    expect(layoutBlocks([evening], week, 'UTC')).toMatchObject([{ dayIndex: 6, top: 16 * 60, height: 8 * 60, continuesAfter: true }]);
    const sundayNight = occurrence('2026-11-29T22:00:00Z', '2026-11-30T06:00:00Z');
    expect(layoutBlocks([sundayNight], week, 'UTC')).toMatchObject([{ dayIndex: 6, top: 22 * 60, height: 120 }]);
  });

  it('puts overlapping blocks side by side in lanes', () => {
    const a = occurrence('2026-11-24T08:00:00Z', '2026-11-24T12:00:00Z', { agentId: 'a' });
    const b = occurrence('2026-11-24T10:00:00Z', '2026-11-24T14:00:00Z', { agentId: 'b' });
    const c = occurrence('2026-11-24T15:00:00Z', '2026-11-24T16:00:00Z', { agentId: 'c' });
    const blocks = layoutBlocks([a, b, c], week, 'UTC');
    expect(blocks.map((x) => [x.occurrence.agentId, x.lane, x.lanes, x.span])).toEqual([
      ['a', 0, 2, 1],
      ['b', 1, 2, 1],
      ['c', 0, 1, 1],
    ]);
  });

  it('widens a block into the lanes beside it that are free for its whole length', () => {
    // a 08-16, b 09-10 and c 09-12 beside it, d 13-15 under b and c: d takes both free lanes.
    const a = occurrence('2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z', { agentId: 'a' });
    const b = occurrence('2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z', { agentId: 'b' });
    const c = occurrence('2026-11-24T09:00:00Z', '2026-11-24T12:00:00Z', { agentId: 'c' });
    const d = occurrence('2026-11-24T13:00:00Z', '2026-11-24T15:00:00Z', { agentId: 'd' });
    const blocks = layoutBlocks([a, b, c, d], week, 'UTC');
    expect(blocks.map((x) => [x.occurrence.agentId, x.lane, x.lanes, x.span])).toEqual([
      ['a', 0, 3, 1],
      ['c', 1, 3, 1],
      ['b', 2, 3, 1],
      ['d', 1, 3, 2],
    ]);
  });
});

describe('instantAt and wallMinutes', () => {
  it('turn a wall-clock position in a zone into an instant and back', () => {
    expect(instantAt('2026-11-24', 9 * 60 + 30, 'Asia/Kolkata')).toBe(utc('2026-11-24T04:00:00Z'));
    expect(wallMinutes(utc('2026-11-24T04:00:00Z'), 'Asia/Kolkata')).toBe(9 * 60 + 30);
    expect(instantAt('2026-11-24', 24 * 60, 'UTC')).toBe(utc('2026-11-25T00:00:00Z'));
  });
  it('moves a time inside a DST gap later', () => {
    // Riga skips 03:00-04:00 on 2026-03-29.
    expect(instantAt('2026-03-29', 3 * 60 + 30, 'Europe/Riga')).toBe(utc('2026-03-29T01:30:00Z'));
  });
});

describe('movedStart', () => {
  it('moves an occurrence by wall-clock days and minutes in the shown zone, from any of its pieces', () => {
    const week = visibleDays('2026-11-23', 'week');
    // 22:00-06:00 in Riga: the second piece moved an hour later moves the start to 23:00.
    const night = occurrence('2026-11-24T20:00:00Z', '2026-11-25T04:00:00Z');
    const [first, second] = layoutBlocks([night], week, 'Europe/Riga');
    expect(movedStart(second!, week, 'Europe/Riga', { days: 0, minutes: 60 })).toBe(utc('2026-11-24T21:00:00Z'));
    expect(movedStart(first!, week, 'Europe/Riga', { days: 1, minutes: -15 })).toBe(utc('2026-11-25T19:45:00Z'));
    // Past the end of the week shown.
    expect(movedStart(first!, week, 'Europe/Riga', { days: 7, minutes: 0 })).toBe(utc('2026-12-01T20:00:00Z'));
  });

  it('keeps the wall-clock time across a clock change', () => {
    // 09:00 in Riga on Friday 27 March 2026 (UTC+2) moved three days: 09:00 on Monday (UTC+3).
    const days = visibleDays('2026-03-27', 'week');
    const [block] = layoutBlocks([occurrence('2026-03-27T07:00:00Z', '2026-03-27T15:00:00Z')], days, 'Europe/Riga');
    expect(movedStart(block!, days, 'Europe/Riga', { days: 3, minutes: 0 })).toBe(utc('2026-03-30T06:00:00Z'));
  });
});

describe('snapMinutes', () => {
  it('rounds to the step within the day', () => {
    expect(snapMinutes(67)).toBe(60);
    expect(snapMinutes(68)).toBe(75);
    expect(snapMinutes(-5)).toBe(0);
    expect(snapMinutes(1500)).toBe(1440);
  });
});
