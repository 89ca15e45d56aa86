import { describe, expect, it } from 'vitest';
import type { Shift, ShiftOccurrence } from '@shared/schedule';
import { moveShift } from './shiftMove';

const shift: Shift = {
  id: 'sh1',
  agentId: 'tokyo',
  timeZone: 'Asia/Tokyo',
  startDate: '2026-11-23',
  start: '09:00',
  durationMinutes: 480,
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,-1FR',
  exceptions: ['2026-12-25'],
  region: null,
  note: null,
  version: 1,
  updatedAt: 1,
};
// Wednesday 2026-11-25 09:00 in Tokyo = 00:00 UTC.
const occurrence: ShiftOccurrence = {
  shiftId: 'sh1',
  agentId: 'tokyo',
  timeZone: 'Asia/Tokyo',
  localDate: '2026-11-25',
  start: Date.parse('2026-11-25T00:00:00Z'),
  end: Date.parse('2026-11-25T08:00:00Z'),
  region: null,
};

describe('moveShift', () => {
  it('moves the time of day in the shift’s own zone', () => {
    expect(moveShift(shift, occurrence, Date.parse('2026-11-25T01:30:00Z'))).toMatchObject({ start: '10:30', startDate: '2026-11-23', rrule: shift.rrule });
  });

  it('moves the first date, the weekdays and the exceptions by the days moved', () => {
    const moved = moveShift(shift, occurrence, Date.parse('2026-11-26T00:00:00Z'));
    expect(moved).toMatchObject({ start: '09:00', startDate: '2026-11-24', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH,-1SA', exceptions: ['2026-12-26'] });
    const back = moveShift(shift, occurrence, Date.parse('2026-11-23T23:00:00Z'));
    expect(back).toMatchObject({ start: '08:00', startDate: '2026-11-22', rrule: 'FREQ=WEEKLY;BYDAY=SU,TU,-1TH' });
  });

  it('moves a one-off shift to the new date', () => {
    const once = { ...shift, rrule: null, startDate: '2026-11-25', exceptions: [] };
    expect(moveShift(once, occurrence, Date.parse('2026-11-27T05:00:00Z'))).toMatchObject({ startDate: '2026-11-27', start: '14:00', rrule: null });
  });
});
