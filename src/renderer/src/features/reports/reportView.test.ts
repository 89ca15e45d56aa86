import { describe, expect, it } from 'vitest';
import type { Report } from '@shared/reports/types';
import { accountRegions, agentRows, formatFigure, hourRows, kpis, NO_FIGURE, regionRow, sentimentRows, slaRows } from './reportView';

const noStats = { count: 0, medianMs: null, p90Ms: null, estimated: false };
const headline = { firstResponseMedianMs: 600_000, firstResponseBusinessMedianMs: 300_000, resolutionRate: 0.5, resolved: 4, inbound: 40, slaAttainment: 0.75, csatAverage: null, npsScore: null };

function report(overrides: Partial<Report> = {}): Report {
  return {
    from: 0,
    to: 86_400_000,
    timeZone: 'UTC',
    filters: {},
    generatedAt: 1,
    headline,
    firstResponse: { calendar: { count: 3, medianMs: 600_000, p90Ms: 5_400_000, estimated: false }, business: { count: 3, medianMs: 300_000, p90Ms: 3_600_000, estimated: false } },
    nextResponse: { calendar: noStats, business: noStats },
    resolution: { created: 8, resolved: 4, reopened: 0, rate: 0.5, time: { calendar: noStats, business: noStats } },
    sla: [{ policyId: 'p1', policyName: 'Standard', target: 'first_response', met: 3, breached: 1, attainment: 0.75, breachAlerts: 1 }],
    volume: { byHour: Array.from({ length: 24 }, (_, h) => (h === 9 ? 30 : h === 14 ? 10 : 0)), byChannel: [{ platform: 'x', inbound: 40, outbound: 12 }], byDay: [] },
    backlog: { bucket: 'hour', points: [{ at: 0, open: 3 }, { at: 3_600_000, open: 5 }] },
    agents: [
      { agentId: 'a', name: 'Ana', conversations: 2, replies: 3, resolutions: 1, handleTimeMs: 60_000, handleAverageMs: 20_000 },
      { agentId: 'b', name: 'Bo', conversations: 4, replies: 9, resolutions: 3, handleTimeMs: 90_000, handleAverageMs: 10_000 },
    ],
    csat: { responses: 0, average: null, distribution: [0, 0, 0, 0, 0], satisfiedShare: null },
    nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null, distribution: Array(11).fill(0) as number[] },
    sentiment: {
      byAccount: [],
      byLanguage: [],
      byRegion: [
        { key: 'APAC', negative: 1, neutral: 1, positive: 0, total: 2, negativeShare: 0.5, neutralShare: 0.5, positiveShare: 0 },
        { key: 'EMEA', negative: 0, neutral: 2, positive: 8, total: 10, negativeShare: 0, neutralShare: 0.2, positiveShare: 0.8 },
      ],
    },
    previous: null,
    ...overrides,
  };
}

describe('formatFigure', () => {
  it('formats by kind in the locale', () => {
    expect(formatFigure({ kind: 'duration', value: 6_000_000 }, 'en')).toBe('1 hr 40 min');
    expect(formatFigure({ kind: 'share', value: 0.934 }, 'fr')).toMatch(/^93\s%$/u);
    expect(formatFigure({ kind: 'count', value: 12345 }, 'de')).toBe('12.345');
    expect(formatFigure({ kind: 'average', value: 4.256 }, 'en')).toBe('4.26');
    expect(formatFigure({ kind: 'nps', value: -12.4 }, 'en')).toBe('-12');
    expect(formatFigure({ kind: 'count', value: 7 }, 'ar-EG')).toBe('٧');
  });

  it('shows a dash for a figure without data, never NaN', () => {
    expect(formatFigure({ kind: 'duration', value: null }, 'en')).toBe(NO_FIGURE);
    expect(formatFigure({ kind: 'share', value: Number.NaN }, 'en')).toBe(NO_FIGURE);
  });
});

describe('kpis', () => {
  it('reads each figure and, with a previous period, its earlier value', () => {
    const previous = { from: -86_400_000, to: 0, headline: { ...headline, firstResponseMedianMs: 900_000, inbound: 20 } };
    const byKey = new Map(kpis(report({ previous })).map((k) => [k.key, k]));
    expect(byKey.get('firstResponseP90')).toEqual({ key: 'firstResponseP90', figure: { kind: 'duration', value: 5_400_000, estimated: false }, previous: null });
    expect(byKey.get('firstResponseMedian')?.previous).toEqual({ kind: 'duration', value: 900_000 });
    expect(byKey.get('volume')).toMatchObject({ figure: { kind: 'count', value: 40 }, previous: { value: 20 } });
    expect(byKey.get('backlog')?.figure.value).toBe(5);
    expect(byKey.get('csat')?.figure.value).toBeNull();
  });

  it('has no previous values without a previous period', () => {
    expect(kpis(report()).every((k) => k.previous === null)).toBe(true);
  });
});

describe('table rows', () => {
  it('lists 24 hours, zero-padded', () => {
    const rows = hourRows(report());
    expect(rows).toHaveLength(24);
    expect(rows[9]).toEqual({ hour: '09', inbound: 30 });
  });

  it('puts the busiest agents and regions first', () => {
    expect(agentRows(report()).map((a) => a.agentId)).toEqual(['b', 'a']);
    expect(sentimentRows(report().sentiment.byRegion).map((r) => r.key)).toEqual(['EMEA', 'APAC']);
  });

  it('keys SLA rows by policy and target', () => {
    expect(slaRows(report())[0]).toMatchObject({ key: 'p1|first_response', attainment: 0.75 });
  });

  it('makes a region row from a report filtered to that region', () => {
    expect(regionRow('EMEA', report())).toEqual({ region: 'EMEA', inbound: 40, firstResponseMedianMs: 600_000, firstResponseBusinessMedianMs: 300_000, resolutionRate: 0.5, resolved: 4, slaAttainment: 0.75, csatAverage: null });
  });

  it('lists the regions accounts serve once, sorted', () => {
    expect(accountRegions([{ region: 'EMEA' }, { region: null }, { region: 'AMER' }, { region: 'EMEA' }, {}])).toEqual(['AMER', 'EMEA']);
  });
});
