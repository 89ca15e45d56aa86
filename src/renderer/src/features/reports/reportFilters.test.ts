import { describe, expect, it } from 'vitest';
import { reportQuerySchema } from '@shared/reports/types';
import { describeFilters, NO_FILTERS, toReportFilters } from './reportFilters';

const labels = { region: 'Region', accountId: 'Account', platform: 'Platform', language: 'Language', queue: 'Queue', agentId: 'Agent', shiftRegion: 'Shift' };

describe('toReportFilters', () => {
  it('sends nothing without a choice', () => {
    expect(toReportFilters(NO_FILTERS)).toEqual({});
    expect(Object.keys(toReportFilters(NO_FILTERS))).toEqual([]);
  });

  it('turns each choice into the list the core takes, accepted by its schema', () => {
    const filters = toReportFilters({ ...NO_FILTERS, region: 'EMEA', platform: 'x', language: 'lv', queue: 'urgent', shiftRegion: 'APAC' });
    expect(filters).toEqual({ regions: ['EMEA'], platforms: ['x'], languages: ['lv'], queue: 'urgent', shiftRegions: ['APAC'] });
    expect(reportQuerySchema.safeParse({ from: 0, to: 1, timeZone: 'UTC', filters }).success).toBe(true);
  });
});

describe('describeFilters', () => {
  it('names the chosen filters in the bar’s order', () => {
    const choice = { ...NO_FILTERS, agentId: 'a1', region: 'EMEA' };
    expect(describeFilters(choice, labels, (key, value) => (key === 'agentId' ? 'Ana' : value))).toEqual(['Region: EMEA', 'Agent: Ana']);
    expect(describeFilters(NO_FILTERS, labels, (_, value) => value)).toEqual([]);
  });
});
