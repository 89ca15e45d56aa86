import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayOfMonth, periodSpans } from './periodSpans';

const DAY = 86_400_000;
const covered = (from: number, to: number) => {
  const s = periodSpans(from, to);
  return [
    ...s.months.map(([a, b]) => [firstDayOfMonth(a) * DAY, firstDayOfMonth(b) * DAY] as const),
    ...s.days.map(([a, b]) => [a * DAY, b * DAY] as const),
    ...s.instants,
  ].sort((x, y) => x[0] - y[0]);
};

describe('periodSpans', () => {
  it('cuts a year in New York time into whole UTC months, whole days at the month ends and hours at either end', () => {
    const from = Date.UTC(2025, 10, 23, 5); // 2025-11-23 00:00 in New York
    const to = Date.UTC(2026, 10, 23, 14, 30);
    const s = periodSpans(from, to);
    expect(s.months).toEqual([[2025 * 12 + 11, 2026 * 12 + 10]]); // December 2025 up to November 2026
    expect(s.days).toEqual([
      [Date.UTC(2025, 10, 24) / DAY, Date.UTC(2025, 11, 1) / DAY],
      [Date.UTC(2026, 10, 1) / DAY, Date.UTC(2026, 10, 23) / DAY],
    ]);
    expect(s.instants).toEqual([
      [from, Date.UTC(2025, 10, 24)],
      [Date.UTC(2026, 10, 23), to],
    ]);
  });

  it('answers a period inside one day from the events alone, and a week from days', () => {
    expect(periodSpans(Date.UTC(2026, 0, 5, 3), Date.UTC(2026, 0, 5, 20))).toEqual({ months: [], days: [], instants: [[Date.UTC(2026, 0, 5, 3), Date.UTC(2026, 0, 5, 20)]] });
    expect(periodSpans(Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 12))).toEqual({ months: [], days: [[Date.UTC(2026, 0, 5) / DAY, Date.UTC(2026, 0, 12) / DAY]], instants: [] });
    expect(periodSpans(Date.UTC(2026, 0, 1), Date.UTC(2026, 2, 1)).months).toEqual([[2026 * 12, 2026 * 12 + 2]]);
  });

  it('covers every period exactly once, without gaps or overlaps', () => {
    const start = Date.UTC(2023, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * DAY }), fc.integer({ min: 1, max: 800 * DAY }), (offset, length) => {
        const from = start + offset;
        const pieces = covered(from, from + length);
        expect(pieces[0]![0]).toBe(from);
        expect(pieces.at(-1)![1]).toBe(from + length);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]![0]).toBe(pieces[i - 1]![1]);
      }),
      { numRuns: 2000 },
    );
  });
});
