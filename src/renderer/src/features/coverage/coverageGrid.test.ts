import { describe, expect, it } from 'vitest';
import { compareCoverage, HOURS_PER_WEEK } from '@shared/schedule/coverage';
import { checkTarget, coverageGrid, coverageSummary, heatLevel, parseSegmentValue, segmentChoices, segmentValue } from './coverageGrid';

const week = (set: Record<number, number>) => Array.from({ length: HOURS_PER_WEEK }, (_, i) => set[i] ?? 0);

describe('coverage grid', () => {
  it('lays the week out as Monday-first days of 24 hours, shaded against the busiest hour', () => {
    // Tue 09h (bucket 33) has 8 messages, the most; Sun 23h (167) has 2.
    const buckets = compareCoverage(week({ 33: 8, 167: 2 }), week({ 33: 1 }), 4);
    const grid = coverageGrid(buckets);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[1]![9]).toMatchObject({ day: 1, hour: 9, heat: 4, bucket: { demand: 8, staffed: 1, required: 2, status: 'short' } });
    // 2 / 8 of the top level 4 = 1.
    expect(grid[6]![23]).toMatchObject({ heat: 1, bucket: { demand: 2 } });
    expect(grid[0]![0]!.heat).toBe(0);
    expect(coverageSummary(buckets)).toEqual({ shortHours: 2, overHours: 0 });
    expect(() => coverageGrid(buckets.slice(1))).toThrow('Coverage has 167 hours');
  });

  it('shades any demand at least at the first level', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(0.1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(2);
    expect(heatLevel(10, 10)).toBe(4);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('round-trips the segment picker values', () => {
    const choices = segmentChoices({ languages: ['en', 'lv'], regions: ['APAC'] });
    expect(choices.map(segmentValue)).toEqual(['all', 'language:en', 'language:lv', 'region:APAC']);
    for (const c of choices) expect(parseSegmentValue(segmentValue(c))).toEqual(c);
    expect(parseSegmentValue(null)).toEqual({ kind: 'all' });
  });

  it('checks the target field', () => {
    expect(checkTarget('7.5')).toEqual({ ok: true, value: 7.5 });
    expect(checkTarget(4)).toEqual({ ok: true, value: 4 });
    expect(checkTarget(' ')).toEqual({ ok: false, error: 'coverage.target.required' });
    expect(checkTarget('0')).toEqual({ ok: false, error: 'coverage.target.invalid' });
    expect(checkTarget('lots')).toEqual({ ok: false, error: 'coverage.target.invalid' });
    expect(checkTarget(5000)).toEqual({ ok: false, error: 'coverage.target.invalid' });
  });
});
