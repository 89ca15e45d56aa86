import { describe, expect, it } from 'vitest';
import { shiftsIcsFileName, toTimeOff, validateTimeOffForm, wholeDays } from './timeOffForm';

describe('time off form', () => {
  it('covers whole local days in the agent zone, the last day included', () => {
    const off = toTimeOff({ from: '2026-12-24', to: '2026-12-26', reason: ' Holidays ' }, 'aiko', 'Asia/Tokyo', () => 'id1');
    // Tokyo is UTC+9: local midnight of the 24th is 15:00 UTC on the 23rd.
    expect(off).toEqual({ id: 'id1', agentId: 'aiko', start: Date.UTC(2026, 11, 23, 15), end: Date.UTC(2026, 11, 26, 15), reason: 'Holidays', version: 0 });
  });

  it('keeps a day across a clock change whole (23 hours in Riga on the last Sunday of March)', () => {
    const off = toTimeOff({ from: '2026-03-29', to: '2026-03-29', reason: '' }, 'laura', 'Europe/Riga', () => 'id2');
    expect(off.end - off.start).toBe(23 * 3600_000);
    expect(off.reason).toBeNull();
  });

  it('refuses missing or impossible dates and an end before the start', () => {
    expect(validateTimeOffForm({ from: '', to: '2026-02-30', reason: '' })).toEqual({ from: 'team.timeOff.errors.date', to: 'team.timeOff.errors.date' });
    expect(validateTimeOffForm({ from: '2026-12-24', to: '2026-12-20', reason: '' })).toEqual({ to: 'team.timeOff.errors.order' });
    expect(validateTimeOffForm({ from: '2026-12-24', to: '2026-12-24', reason: 'x'.repeat(201) })).toEqual({ reason: 'team.timeOff.errors.reason' });
    expect(validateTimeOffForm({ from: '2026-12-24', to: '2026-12-24', reason: '' })).toEqual({});
  });

  it('names export files safely', () => {
    expect(shiftsIcsFileName(null)).toBe('shiftdesk-shifts-team.ics');
    expect(shiftsIcsFileName('Aiko Tanaka')).toBe('shiftdesk-shifts-aiko-tanaka.ics');
    expect(shiftsIcsFileName('Ωμέγα')).toBe('shiftdesk-shifts-agent.ics');
  });

  it('shows whole days as their first and last local day, other time off as instants', () => {
    const off = toTimeOff({ from: '2026-12-24', to: '2026-12-26', reason: '' }, 'aiko', 'Asia/Tokyo', () => 'id');
    expect(wholeDays(off, 'Asia/Tokyo')).toEqual({ first: '2026-12-24', last: '2026-12-26' });
    expect(wholeDays(off, 'Europe/Riga')).toBeNull();
  });
});
