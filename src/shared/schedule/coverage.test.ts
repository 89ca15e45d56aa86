import { describe, expect, it } from 'vitest';
import type { AgentProfile, ShiftOccurrence } from '../schedule';
import {
  agentCovers,
  compareCoverage,
  coverageSegments,
  demandByHourOfWeek,
  HOURS_PER_WEEK,
  hourOfWeek,
  staffedByHourOfWeek,
  startOfWeek,
  weeksBefore,
  type InboundCount,
} from './coverage';

const at = (iso: string) => Date.parse(iso);
const profile = (agentId: string, languages: string[], queues: string[]): AgentProfile => ({
  agentId,
  timeZone: 'UTC',
  languages,
  skills: [],
  queues,
  capacity: 10,
  version: 1,
});
const occurrence = (agentId: string, start: string, end: string, region: string | null, timeZone = 'UTC'): ShiftOccurrence => ({
  shiftId: `${agentId}-shift`,
  agentId,
  timeZone,
  localDate: start.slice(0, 10),
  start: at(start),
  end: at(end),
  region,
});
/** The non-zero buckets, as {bucket: value}, so a week reads like the hand computation. */
const nonZero = (week: readonly number[]) => Object.fromEntries(week.flatMap((v, i) => (v === 0 ? [] : [[i, v]])));

// The hand-computed example. Mondays are bucket 0-23, Tuesdays 24-47.
// ana speaks en and lv and covers every queue; she works 09:00-17:00 in Riga (UTC+2 in March).
// raj speaks hi and en but covers only the Hindi queue; he works 18:00-02:00 in Kolkata (UTC+5:30).
const profiles = [profile('ana', ['en', 'lv'], ['all']), profile('raj', ['hi', 'en'], ['language:hi'])];
const shiftWeek = { from: at('2026-03-09T00:00+05:30'), to: at('2026-03-16T00:00+05:30'), weeks: 1 };
const occurrences = [
  occurrence('ana', '2026-03-09T09:00+02:00', '2026-03-09T17:00+02:00', 'EMEA', 'Europe/Riga'),
  occurrence('raj', '2026-03-09T18:00+05:30', '2026-03-10T02:00+05:30', 'APAC', 'Asia/Kolkata'),
];
// Two weeks of history (Mondays 23 Feb and 2 Mar, Kolkata time).
const inbound: InboundCount[] = [
  { at: at('2026-02-23T13:10+05:30'), language: 'en', count: 6 },
  { at: at('2026-03-02T13:50+05:30'), language: 'en-GB', count: 4 },
  { at: at('2026-02-23T18:59+05:30'), language: 'en', count: 2 },
  { at: at('2026-02-23T19:20+05:30'), language: 'hi', count: 3 },
  { at: at('2026-03-02T19:20+05:30'), language: 'hi', count: 5 },
  { at: at('2026-03-02T23:30+05:30'), language: null, count: 6 },
];

describe('hours of the week', () => {
  it('starts on Monday 00:00 local time, whatever the offset', () => {
    expect(hourOfWeek(at('2026-03-09T00:00+05:30'), 'Asia/Kolkata')).toBe(0);
    expect(hourOfWeek(at('2026-03-08T18:29:59Z'), 'Asia/Kolkata')).toBe(HOURS_PER_WEEK - 1);
    expect(hourOfWeek(at('2026-03-10T01:59+05:45'), 'Asia/Kathmandu')).toBe(25);
    expect(startOfWeek(at('2026-03-12T10:00Z'), 'Australia/Adelaide')).toBe(at('2026-03-09T00:00+10:30'));
    expect(weeksBefore(at('2026-03-09T00:00+05:30'), 2, 'Asia/Kolkata')).toBe(at('2026-02-23T00:00+05:30'));
    // The same wall-clock time across a clock change: 2 weeks before Riga's spring forward.
    expect(weeksBefore(at('2026-04-02T10:00+03:00'), 2, 'Europe/Riga')).toBe(at('2026-03-19T10:00+02:00'));
  });
});

describe('coverage against demand, computed by hand (viewer in Asia/Kolkata, target 2 messages per agent-hour)', () => {
  const timeZone = 'Asia/Kolkata';

  it('averages demand per hour of the week over the weeks of history, per language', () => {
    // Mon 13h: (6 + 4) / 2 weeks = 5; Mon 18h: 2 / 2 = 1; Mon 19h: (3 + 5) / 2 = 4; Mon 23h: 6 / 2 = 3.
    expect(nonZero(demandByHourOfWeek(inbound, { timeZone, weeks: 2 }))).toEqual({ 13: 5, 18: 1, 19: 4, 23: 3 });
    // English (en and en-GB): 13h 10 / 2 = 5, 18h 2 / 2 = 1. Unknown language counts only for everyone.
    expect(nonZero(demandByHourOfWeek(inbound, { timeZone, weeks: 2, segment: { kind: 'language', language: 'en' } }))).toEqual({ 13: 5, 18: 1 });
    expect(nonZero(demandByHourOfWeek(inbound, { timeZone, weeks: 2, segment: { kind: 'language', language: 'hi' } }))).toEqual({ 19: 4 });
  });

  it('counts the part of each local hour a shift covers', () => {
    // ana: 09:00-17:00 Riga = 07:00-15:00 UTC = 12:30-20:30 Kolkata: Mon 12h 0.5, 13h-19h 1, 20h 0.5.
    // raj: Mon 18:00 - Tue 02:00 Kolkata: Mon 18h-23h 1, Tue 0h-1h (buckets 24, 25) 1.
    expect(nonZero(staffedByHourOfWeek(occurrences, profiles, { timeZone, ...shiftWeek }))).toEqual({
      12: 0.5, 13: 1, 14: 1, 15: 1, 16: 1, 17: 1, 18: 2, 19: 2, 20: 1.5, 21: 1, 22: 1, 23: 1, 24: 1, 25: 1,
    });
  });

  it('sets required agents, gaps and spare agents side by side', () => {
    const demand = demandByHourOfWeek(inbound, { timeZone, weeks: 2 });
    const staffed = staffedByHourOfWeek(occurrences, profiles, { timeZone, ...shiftWeek });
    const buckets = compareCoverage(demand, staffed, 2);
    expect(buckets).toHaveLength(HOURS_PER_WEEK);
    // 13h: required 5 / 2 = 2.5, staffed 1, gap 1.5: short.
    expect(buckets[13]).toEqual({ demand: 5, staffed: 1, required: 2.5, gap: 1.5, status: 'short' });
    // 18h: required 1 / 2 = 0.5, staffed 2, gap -1.5: a whole agent spare, over.
    expect(buckets[18]).toEqual({ demand: 1, staffed: 2, required: 0.5, gap: -1.5, status: 'over' });
    // 19h: required 4 / 2 = 2, staffed 2, gap 0: ok.
    expect(buckets[19]).toEqual({ demand: 4, staffed: 2, required: 2, gap: 0, status: 'ok' });
    // 23h: required 3 / 2 = 1.5, staffed 1, gap 0.5: short.
    expect(buckets[23]).toEqual({ demand: 3, staffed: 1, required: 1.5, gap: 0.5, status: 'short' });
    // 12h: nothing to answer, half an agent on: less than a whole agent spare, ok. 14h: one spare, over.
    expect(buckets[12]!.status).toBe('ok');
    expect(buckets[14]).toEqual({ demand: 0, staffed: 1, required: 0, gap: -1, status: 'over' });
    expect(buckets[100]).toEqual({ demand: 0, staffed: 0, required: 0, gap: 0, status: 'ok' });
  });

  it('counts an agent for a language only when they speak it and one of their queues reaches it', () => {
    const english = { kind: 'language', language: 'en' } as const;
    const hindi = { kind: 'language', language: 'hi' } as const;
    expect(agentCovers(profiles[0], english)).toBe(true);
    expect(agentCovers(profiles[1], english)).toBe(false); // speaks en, covers only the Hindi queue
    expect(agentCovers(profiles[0], hindi)).toBe(false); // covers every queue, does not speak hi
    expect(agentCovers(profile('lea', ['en'], ['account:x']), english)).toBe(true);
    // English: only ana. 18h: required 1 / 2 = 0.5, staffed 1, gap -0.5: ok.
    const en = compareCoverage(
      demandByHourOfWeek(inbound, { timeZone, weeks: 2, segment: english }),
      staffedByHourOfWeek(occurrences, profiles, { timeZone, ...shiftWeek, segment: english }),
      2,
    );
    expect(en[18]).toEqual({ demand: 1, staffed: 1, required: 0.5, gap: -0.5, status: 'ok' });
    // Hindi: only raj. 19h: required 4 / 2 = 2, staffed 1, gap 1: short.
    const hi = compareCoverage(
      demandByHourOfWeek(inbound, { timeZone, weeks: 2, segment: hindi }),
      staffedByHourOfWeek(occurrences, profiles, { timeZone, ...shiftWeek, segment: hindi }),
      2,
    );
    expect(hi[19]).toEqual({ demand: 4, staffed: 1, required: 2, gap: 1, status: 'short' });
  });

  it("measures a region's shifts against the demand of the accounts that serve it", () => {
    const apac = staffedByHourOfWeek(occurrences, profiles, { timeZone, ...shiftWeek, segment: { kind: 'region', region: 'APAC' } });
    expect(nonZero(apac)).toEqual({ 18: 1, 19: 1, 20: 1, 21: 1, 22: 1, 23: 1, 24: 1, 25: 1 });
    // Two weeks of history: APAC's accounts had 3 + 5 messages at 19h and 6 at Mon 23h; EMEA's the rest.
    const byRegion = inbound.map((i) => ({ ...i, region: i.language === 'hi' || i.language === null ? 'APAC' : 'EMEA' }));
    expect(nonZero(demandByHourOfWeek(byRegion, { timeZone, weeks: 2, segment: { kind: 'region', region: 'APAC' } }))).toEqual({ 19: 4, 23: 3 });
    expect(nonZero(demandByHourOfWeek(byRegion, { timeZone, weeks: 2, segment: { kind: 'region', region: 'AMER' } }))).toEqual({});
    expect(coverageSegments(inbound, profiles, occurrences)).toEqual({ languages: ['en', 'hi', 'lv'], regions: ['APAC', 'EMEA'] });
  });
});

describe('viewers in other zones', () => {
  it('splits hours at half past in Australia/Adelaide (UTC+10:30 in March)', () => {
    // ana 07:00-15:00 UTC = Mon 17:30 - Tue 01:30 Adelaide: Mon 17h 0.5, 18h-23h 1, Tue 0h 1, Tue 1h (25) 0.5.
    const staffed = staffedByHourOfWeek(occurrences.slice(0, 1), profiles, {
      timeZone: 'Australia/Adelaide',
      from: at('2026-03-09T00:00+10:30'),
      to: at('2026-03-16T00:00+10:30'),
      weeks: 1,
    });
    expect(nonZero(staffed)).toEqual({ 17: 0.5, 18: 1, 19: 1, 20: 1, 21: 1, 22: 1, 23: 1, 24: 1, 25: 0.5 });
  });

  it('splits hours at a quarter past in Asia/Kathmandu (UTC+5:45)', () => {
    // ana 07:00-15:00 UTC = 12:45-20:45 Kathmandu: Mon 12h 0.25, 13h-19h 1, 20h 0.75.
    const staffed = staffedByHourOfWeek(occurrences.slice(0, 1), profiles, { timeZone: 'Asia/Kathmandu', ...shiftWeek });
    expect(nonZero(staffed)).toEqual({ 12: 0.25, 13: 1, 14: 1, 15: 1, 16: 1, 17: 1, 18: 1, 19: 1, 20: 0.75 });
  });

  it('counts the repeated hour twice when the clocks go back (Europe/Riga, 25 Oct 2026)', () => {
    // 00:00-06:00 UTC: 03:00 EEST, then at 01:00 UTC back to 03:00 EET. Sun 3h (bucket 147) lasts two hours.
    const staffed = staffedByHourOfWeek([occurrence('ana', '2026-10-25T00:00Z', '2026-10-25T06:00Z', null)], profiles, {
      timeZone: 'Europe/Riga',
      from: at('2026-10-19T00:00+03:00'),
      to: at('2026-10-26T00:00+02:00'),
      weeks: 1,
    });
    expect(nonZero(staffed)).toEqual({ 147: 2, 148: 1, 149: 1, 150: 1, 151: 1 });
  });

  it('clips shifts to the window and averages over its weeks', () => {
    // 10:00-14:00 UTC on Mon 16 Mar: only 10:00-12:00 lies in the window; two weeks: 1 / 2 each.
    const staffed = staffedByHourOfWeek([occurrence('ana', '2026-03-16T10:00Z', '2026-03-16T14:00Z', null)], profiles, {
      timeZone: 'UTC',
      from: at('2026-03-02T12:00Z'),
      to: at('2026-03-16T12:00Z'),
      weeks: 2,
    });
    expect(nonZero(staffed)).toEqual({ 10: 0.5, 11: 0.5 });
  });

  it('counts an agent once while their shifts overlap', () => {
    // 10:00-12:00 and 11:00-13:00 UTC: ana works 10:00-13:00, one agent each hour.
    const staffed = staffedByHourOfWeek(
      [occurrence('ana', '2026-03-09T10:00Z', '2026-03-09T12:00Z', null), occurrence('ana', '2026-03-09T11:00Z', '2026-03-09T13:00Z', null)],
      profiles,
      { timeZone: 'UTC', from: at('2026-03-09T00:00Z'), to: at('2026-03-16T00:00Z'), weeks: 1 },
    );
    expect(nonZero(staffed)).toEqual({ 10: 1, 11: 1, 12: 1 });
  });

  it('refuses a target that is not positive', () => {
    expect(() => compareCoverage([1], [1], 0)).toThrow(/more than 0/);
  });
});
