// The maths of reports (#8), pure: percentiles, CSAT, NPS, shares, local-time buckets. The core's
// ReportService reads counts and durations from SQLite and hands them to these functions.
import { Temporal } from 'temporal-polyfill';
import type { CsatFigures, DurationStats, NpsFigures, SentimentLabel, SentimentShare } from './types';

/** part ÷ whole, or null when whole is 0 (a figure without data is null, never NaN). */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Median of sorted values: the middle one, or the mean of the two middle ones for an even count.
 * null for no values.
 */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile of sorted values (the smallest value with at least p % at or below it); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(n, rank) - 1]!;
}

/** Median and p90 of durations in any order (sorted in place when given a Float64Array). */
export function durationStats(values: readonly number[] | Float64Array): DurationStats {
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  const list = sorted as unknown as readonly number[];
  return { count: sorted.length, medianMs: median(list), p90Ms: percentile(list, 90), estimated: false };
}

/** CSAT from counts of scores 1..5 (index 0 = score 1). */
export function csatFigures(distribution: readonly number[]): CsatFigures {
  const counts = Array.from({ length: 5 }, (_, i) => distribution[i] ?? 0);
  const responses = counts.reduce((a, b) => a + b, 0);
  const sum = counts.reduce((a, c, i) => a + c * (i + 1), 0);
  return {
    responses,
    average: responses > 0 ? sum / responses : null,
    distribution: counts,
    satisfiedShare: share(counts[3]! + counts[4]!, responses),
  };
}

/** NPS from counts of scores 0..10: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsFigures(distribution: readonly number[]): NpsFigures {
  const counts = Array.from({ length: 11 }, (_, i) => distribution[i] ?? 0);
  const responses = counts.reduce((a, b) => a + b, 0);
  const promoters = counts[9]! + counts[10]!;
  const passives = counts[7]! + counts[8]!;
  const detractors = responses - promoters - passives;
  return {
    responses,
    promoters,
    passives,
    detractors,
    score: responses > 0 ? (100 * (promoters - detractors)) / responses : null,
    distribution: counts,
  };
}

export function sentimentShare(key: string, counts: Record<SentimentLabel, number>): SentimentShare {
  const total = counts.negative + counts.neutral + counts.positive;
  return {
    key,
    ...counts,
    total,
    negativeShare: share(counts.negative, total),
    neutralShare: share(counts.neutral, total),
    positiveShare: share(counts.positive, total),
  };
}

/** Every zone's offset is a whole number of quarter hours: counts kept per UTC quarter hour can be placed in any zone's local hours. */
export const QUARTER_HOUR_MS = 15 * 60_000;

const offsetMs = (ms: number, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;

/**
 * The zone's UTC offset at each instant, looked up once per UTC day when the offset is the same
 * at both ends of that day (nearly always), else at the instant itself (a clock-change day).
 */
export function offsetLookup(timeZone: string): (ms: number) => number {
  const days = new Map<number, number | null>();
  return (ms) => {
    const day = Math.floor(ms / 86_400_000);
    let offset = days.get(day);
    if (offset === undefined) {
      const start = offsetMs(day * 86_400_000, timeZone);
      offset = start === offsetMs((day + 1) * 86_400_000 - 1, timeZone) ? start : null;
      days.set(day, offset);
    }
    return offset ?? offsetMs(ms, timeZone);
  };
}

/**
 * Places counts kept per UTC quarter hour (bucket = floor(ms / 15 min)) in the viewer's zone:
 * by local hour of day (24 entries) and by local date.
 */
export function placeQuarterHours(rows: Iterable<{ bucket: number; count: number }>, timeZone: string): { byHour: number[]; byDay: Map<string, number> } {
  const byHour = new Array<number>(24).fill(0);
  const byLocalDay = new Map<number, number>();
  const offsetAt = offsetLookup(timeZone);
  for (const { bucket, count } of rows) {
    const ms = bucket * QUARTER_HOUR_MS;
    const local = ms + offsetAt(ms);
    const day = Math.floor(local / 86_400_000);
    byHour[Math.floor((local - day * 86_400_000) / 3_600_000)]! += count;
    byLocalDay.set(day, (byLocalDay.get(day) ?? 0) + count);
  }
  const byDay = new Map<string, number>();
  for (const [day, count] of byLocalDay) byDay.set(new Date(day * 86_400_000).toISOString().slice(0, 10), count);
  return { byHour, byDay };
}

/**
 * Bucket boundaries for a backlog line: each local midnight in the viewer's zone (or each hour,
 * for periods up to two days) from `from` to `to`, both ends included.
 */
export function backlogInstants(from: number, to: number, timeZone: string): { bucket: 'hour' | 'day'; instants: number[] } {
  if (to - from <= 2 * 86_400_000) {
    const instants: number[] = [];
    for (let t = from; t < to; t += 3_600_000) instants.push(t);
    instants.push(to);
    return { bucket: 'hour', instants };
  }
  const instants = [from];
  let day = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone).toPlainDate().add({ days: 1 });
  for (;;) {
    const at = day.toZonedDateTime({ timeZone }).epochMilliseconds;
    if (at >= to) break;
    instants.push(at);
    day = day.add({ days: 1 });
  }
  instants.push(to);
  return { bucket: 'day', instants };
}
