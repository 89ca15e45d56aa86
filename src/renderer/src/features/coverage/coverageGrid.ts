// The coverage heatmap's data: 7 days × 24 hours from the 168 buckets, how dark each demand
// cell is, the segment picker's values, and the target field's check. Plain functions, tested.
import { HOURS_PER_WEEK, coverageTargetSchema, type CoverageBucket, type CoverageSegment, type CoverageSegments } from '@shared/schedule/coverage';

export const DAYS_PER_WEEK = 7;
export const HOURS_PER_DAY = 24;
/** Demand shading steps: 0 (none) to HEAT_LEVELS - 1 (the week's busiest hour). */
export const HEAT_LEVELS = 5;

export interface CoverageCell {
  /** 0 = Monday. */
  day: number;
  hour: number;
  bucket: CoverageBucket;
  heat: number;
}

/** How dark a demand cell is: nothing is 0, the busiest hour is the top level. */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((value / max) * (HEAT_LEVELS - 1)));
}

/** Rows of days (Monday first), each with its 24 hours. */
export function coverageGrid(buckets: readonly CoverageBucket[]): CoverageCell[][] {
  if (buckets.length !== HOURS_PER_WEEK) throw new Error(`Coverage has ${buckets.length} hours, not ${HOURS_PER_WEEK}`);
  const max = Math.max(0, ...buckets.map((b) => b.demand));
  return Array.from({ length: DAYS_PER_WEEK }, (_, day) =>
    Array.from({ length: HOURS_PER_DAY }, (_, hour) => {
      const bucket = buckets[day * HOURS_PER_DAY + hour]!;
      return { day, hour, bucket, heat: heatLevel(bucket.demand, max) };
    }),
  );
}

/** Hours short of agents and hours with a whole agent or more to spare. */
export function coverageSummary(buckets: readonly CoverageBucket[]): { shortHours: number; overHours: number } {
  return {
    shortHours: buckets.filter((b) => b.status === 'short').length,
    overHours: buckets.filter((b) => b.status === 'over').length,
  };
}

/** The segment picker's value for a segment: 'all', 'language:en', 'region:EMEA'. */
export function segmentValue(segment: CoverageSegment): string {
  switch (segment.kind) {
    case 'all':
      return 'all';
    case 'language':
      return `language:${segment.language}`;
    case 'region':
      return `region:${segment.region}`;
  }
}

/** The segment a picker value stands for (everyone for anything else). */
export function parseSegmentValue(value: string | null): CoverageSegment {
  if (value?.startsWith('language:')) return { kind: 'language', language: value.slice('language:'.length) };
  if (value?.startsWith('region:')) return { kind: 'region', region: value.slice('region:'.length) };
  return { kind: 'all' };
}

/** Every segment worth offering: everyone, then languages, then regions. */
export function segmentChoices(segments: CoverageSegments): CoverageSegment[] {
  return [
    { kind: 'all' },
    ...segments.languages.map((language): CoverageSegment => ({ kind: 'language', language })),
    ...segments.regions.map((region): CoverageSegment => ({ kind: 'region', region })),
  ];
}

export type TargetCheck = { ok: true; value: number } | { ok: false; error: 'coverage.target.required' | 'coverage.target.invalid' };

/** The target field: a positive number of messages per agent-hour, up to the contract's limit. */
export function checkTarget(input: string | number): TargetCheck {
  if (typeof input === 'string' && input.trim() === '') return { ok: false, error: 'coverage.target.required' };
  const parsed = coverageTargetSchema.safeParse(typeof input === 'number' ? input : Number(input));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'coverage.target.invalid' };
}
