// The reports maths against hand-computed examples.
import { describe, expect, it } from 'vitest';
import type { ResolvedSlaPolicy } from '../sla';
import { DEFAULT_SLA_POLICIES } from '../sla';
import type { BusinessCalendar } from '../businessHours';
import { parseCsv, toCsv, csvCell } from './csv';
import { backlogInstants, csatFigures, durationStats, median, npsFigures, percentile, placeQuarterHours, QUARTER_HOUR_MS, sentimentShare, share } from './figures';
import { waitBetween, withinTarget } from './waits';

const HOUR = 3_600_000;
const iso = (s: string) => Date.parse(s);
const policyWith = (calendar: BusinessCalendar | null): ResolvedSlaPolicy => ({ ...DEFAULT_SLA_POLICIES[0]!, calendar, calendarId: calendar ? 'cal' : null });
const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('median and p90', () => {
  it('odd count: the middle value; p90 by nearest rank', () => {
    expect(median([1, 3, 5])).toBe(3);
    expect(durationStats([5, 1, 3])).toEqual({ count: 3, medianMs: 3, p90Ms: 5, estimated: false });
  });

  it('even count: the mean of the two middle values', () => {
    expect(durationStats([4, 1, 3, 2])).toEqual({ count: 4, medianMs: 2.5, p90Ms: 4, estimated: false });
    // 1..10: median (5 + 6) / 2, p90 the 9th value (ceil(0.9 × 10) = 9).
    expect(durationStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ count: 10, medianMs: 5.5, p90Ms: 9, estimated: false });
    // 1..20: p90 is the 18th value.
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 90)).toBe(18);
  });

  it('no values: null figures, never NaN', () => {
    expect(durationStats([])).toEqual({ count: 0, medianMs: null, p90Ms: null, estimated: false });
    expect(share(0, 0)).toBeNull();
    expect(JSON.stringify(durationStats(new Float64Array(0)))).toBe('{"count":0,"medianMs":null,"p90Ms":null,"estimated":false}');
  });
});

describe('CSAT and NPS', () => {
  it('CSAT: mean of 1–5 and the share of 4s and 5s', () => {
    // two 5s, one 4, one 2: (10 + 4 + 2) / 4 = 4; satisfied 3 of 4.
    expect(csatFigures([0, 1, 0, 1, 2])).toEqual({ responses: 4, average: 4, distribution: [0, 1, 0, 1, 2], satisfiedShare: 0.75 });
    expect(csatFigures([])).toEqual({ responses: 0, average: null, distribution: [0, 0, 0, 0, 0], satisfiedShare: null });
  });

  it('NPS: % promoters (9–10) − % detractors (0–6)', () => {
    // 10 answers: 5 promoters, 2 passives, 3 detractors → 50 − 30 = 20.
    const d = [1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3];
    expect(npsFigures(d)).toMatchObject({ responses: 10, promoters: 5, passives: 2, detractors: 3, score: 20 });
    expect(npsFigures([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBeNull();
  });

  it('sentiment shares', () => {
    expect(sentimentShare('en', { negative: 1, neutral: 2, positive: 1 })).toEqual({
      key: 'en',
      negative: 1,
      neutral: 2,
      positive: 1,
      total: 4,
      negativeShare: 0.25,
      neutralShare: 0.5,
      positiveShare: 0.25,
    });
    expect(sentimentShare('lv', { negative: 0, neutral: 0, positive: 0 }).negativeShare).toBeNull();
  });
});

describe('response time in business hours', () => {
  it('across a weekend: Friday 16:00 to Monday 10:00 in Riga, open 9–17 on weekdays, is 2 hours (66 in calendar time)', () => {
    const nineToFive = [{ start: '09:00', end: '17:00' }];
    const calendar: BusinessCalendar = { zone: 'Europe/Riga', alwaysOpen: false, weekly: { ...closed, mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: [] };
    const wait = waitBetween(policyWith(calendar), iso('2026-11-20T14:00:00Z'), iso('2026-11-23T08:00:00Z'));
    expect(wait).toEqual({ waitMs: 66 * HOUR, businessWaitMs: 2 * HOUR });
    // The default first-response target is an hour: missed in business time too.
    expect(withinTarget(wait.businessWaitMs, 3600)).toBe(false);
    expect(withinTarget(wait.businessWaitMs, 3 * 3600)).toBe(true);
    expect(withinTarget(wait.businessWaitMs, null)).toBeNull();
  });

  it('across the spring-forward night in New York: open 01:00–04:00 daily, the Sunday of the change has 2 open hours', () => {
    const early = [{ start: '01:00', end: '04:00' }];
    const calendar: BusinessCalendar = { zone: 'America/New_York', alwaysOpen: false, weekly: { mon: early, tue: early, wed: early, thu: early, fri: early, sat: early, sun: early }, holidays: [] };
    // Saturday 7 March 03:00 EST → Sunday 8 March 04:30 EDT: Saturday 03–04 (1 h) + Sunday 01–04 without 02–03 (2 h).
    const wait = waitBetween(policyWith(calendar), iso('2026-03-07T08:00:00Z'), iso('2026-03-08T08:30:00Z'));
    expect(wait).toEqual({ waitMs: 24.5 * HOUR, businessWaitMs: 3 * HOUR });
  });

  it('across the fall-back night in Riga: a Sunday open all day has 25 open hours', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const calendar: BusinessCalendar = { zone: 'Europe/Riga', alwaysOpen: false, weekly: { ...closed, sun: allDay }, holidays: [] };
    // Saturday 24 October 23:00 EEST → Monday 26 October 00:30 EET.
    const wait = waitBetween(policyWith(calendar), iso('2026-10-24T20:00:00Z'), iso('2026-10-25T22:30:00Z'));
    expect(wait).toEqual({ waitMs: 26.5 * HOUR, businessWaitMs: 25 * HOUR });
  });

  it('without a calendar (or a policy) business time is calendar time', () => {
    expect(waitBetween(null, 0, 5 * HOUR)).toEqual({ waitMs: 5 * HOUR, businessWaitMs: 5 * HOUR });
    expect(waitBetween(policyWith(null), 10, 5)).toEqual({ waitMs: 0, businessWaitMs: 0 });
  });
});

describe('local hours and days', () => {
  it('places quarter hours in a half-hour zone (Kolkata, UTC+5:30)', () => {
    const rows = [
      { bucket: iso('2026-11-23T00:15:00Z') / QUARTER_HOUR_MS, count: 2 }, // 05:45 local
      { bucket: iso('2026-11-23T00:45:00Z') / QUARTER_HOUR_MS, count: 3 }, // 06:15
      { bucket: iso('2026-11-23T18:30:00Z') / QUARTER_HOUR_MS, count: 1 }, // 00:00 on the 24th
    ];
    const { byHour, byDay } = placeQuarterHours(rows, 'Asia/Kolkata');
    expect(byHour[5]).toBe(2);
    expect(byHour[6]).toBe(3);
    expect(byHour[0]).toBe(1);
    expect(byHour.reduce((a, b) => a + b)).toBe(6);
    expect([...byDay]).toEqual([
      ['2026-11-23', 5],
      ['2026-11-24', 1],
    ]);
  });

  it('follows a clock change inside a UTC day (New York, 8 March 2026)', () => {
    const rows = [
      { bucket: iso('2026-03-08T06:30:00Z') / QUARTER_HOUR_MS, count: 1 }, // 01:30 EST
      { bucket: iso('2026-03-08T07:15:00Z') / QUARTER_HOUR_MS, count: 1 }, // 03:15 EDT
    ];
    const { byHour } = placeQuarterHours(rows, 'America/New_York');
    expect(byHour[1]).toBe(1);
    expect(byHour[2]).toBe(0);
    expect(byHour[3]).toBe(1);
  });

  it('backlog buckets: local midnights, the 23-hour day included; hours for short periods', () => {
    const from = iso('2026-03-07T05:00:00Z');
    const to = iso('2026-03-10T04:00:00Z');
    expect(backlogInstants(from, to, 'America/New_York')).toEqual({
      bucket: 'day',
      instants: [from, iso('2026-03-08T05:00:00Z'), iso('2026-03-09T04:00:00Z'), to],
    });
    const short = backlogInstants(from, from + 3 * HOUR, 'America/New_York');
    expect(short).toEqual({ bucket: 'hour', instants: [from, from + HOUR, from + 2 * HOUR, from + 3 * HOUR] });
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises formulas; parses back to the same cells', () => {
    const rows = [
      ['section', 'group', 'metric', 'value'],
      ['agent', 'Ana, "the fast one"', 'replies', 12],
      ['agent', '=HYPERLINK("http://evil")', 'replies', 1],
      ['agent', '+1', '-2', '@home'],
      ['agent', '\tTab', '\rCR', 'line\nbreak'],
      ['x', '', 'none', null],
      ['x', 'ünïcødé 日本', 'negative', -3.5],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Ana, ""the fast one"""');
    const parsed = parseCsv(text);
    expect(parsed).toEqual([
      ['section', 'group', 'metric', 'value'],
      ['agent', 'Ana, "the fast one"', 'replies', '12'],
      ['agent', `'=HYPERLINK("http://evil")`, 'replies', '1'],
      ['agent', "'+1", "'-2", "'@home"],
      ['agent', "'\tTab", "'\rCR", 'line\nbreak'],
      ['x', '', 'none', ''],
      ['x', 'ünïcødé 日本', 'negative', '-3.5'],
    ]);
    // Our own negative numbers stay numbers.
    expect(csvCell(-3)).toBe('-3');
  });
});
