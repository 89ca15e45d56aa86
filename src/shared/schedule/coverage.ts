// Coverage against demand (#6): how many messages arrive in each hour of the week, how many
// agents are needed for them at the lead's target, and how many are on shift for them.
//
// A week has 168 buckets of local hours in the viewer's zone, Monday 00:00 first
// (bucket = (ISO weekday - 1) * 24 + local hour). Zones with half-hour and 45-minute offsets
// (Asia/Kolkata, Asia/Kathmandu, Australia/Adelaide) only move where the buckets start in UTC:
// a shift counts in a bucket for the fraction of the local hour it covers. On the day the clocks
// go back the repeated hour counts both real hours, and a skipped hour counts nothing.
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { canonicalTimeZone } from '../businessHours';
import { invalidInput } from '../errors';
import { languageTagSchema, primaryLanguage, sameLanguage } from '../languageTags';
import type { AgentProfile, ShiftOccurrence } from '../schedule';

export const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;

/** Whose demand and coverage: everyone, one language, or the shifts of one region label. */
export const coverageSegmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('language'), language: languageTagSchema }).strict(),
  z.object({ kind: z.literal('region'), region: z.string().min(1).max(60) }).strict(),
]);
export type CoverageSegment = z.infer<typeof coverageSegmentSchema>;
export const ALL_SEGMENT: CoverageSegment = { kind: 'all' };

/** Messages per agent-hour: how many inbound messages one agent answers in an hour. */
export const coverageTargetSchema = z.number().positive().max(1000);

/** Inbound messages that arrived at one instant (or in a quarter hour starting there). */
export interface InboundCount {
  at: number;
  language: string | null;
  /** The region of the account the messages came to (accounts.region), when it has one. */
  region?: string | null;
  count: number;
}

export type CoverageStatus = 'short' | 'over' | 'ok';

export interface CoverageBucket {
  /** Inbound messages in this hour of the week, averaged over the weeks of history. */
  demand: number;
  /** Agent-hours on shift in this hour of the week (an agent on for 30 minutes counts 0.5). */
  staffed: number;
  /** Agents needed: demand / target. */
  required: number;
  /** required - staffed: above 0 agents are missing, below 0 agents are spare. */
  gap: number;
  status: CoverageStatus;
}

export interface CoverageSegments {
  languages: string[];
  regions: string[];
}

/**
 * This week's staffing in a viewer's zone against the demand of the last `weeks` weeks up to now
 * (a window of whole weeks holds every hour of the week `weeks` times).
 */
export interface CoverageReport {
  timeZone: string;
  segment: CoverageSegment;
  /** 168 buckets, Monday 00:00 local time first. */
  buckets: CoverageBucket[];
  /** Messages per agent-hour. */
  target: number;
  /** Whether the target is the default because no lead has set one. */
  targetIsDefault: boolean;
  segments: CoverageSegments;
  /** The week staffed: [weekStart, weekEnd), UTC epoch ms. */
  weekStart: number;
  weekEnd: number;
  /** The history demand is averaged over: [historyFrom, historyTo), `weeks` weeks up to now. */
  historyFrom: number;
  historyTo: number;
  weeks: number;
}

/** Messages per agent-hour until a lead sets the team's own. */
export const DEFAULT_COVERAGE_TARGET = 6;

/** Throws a clear error for a name that is not an IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  if (canonicalTimeZone(timeZone) === null) throw invalidInput(`'${timeZone}' is not a time zone such as Europe/Riga or Asia/Kolkata`);
}

const zoned = (at: number, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);

/** The bucket of an instant: its local weekday and hour in `timeZone`. */
export function hourOfWeek(at: number, timeZone: string): number {
  const local = zoned(at, timeZone);
  return (local.dayOfWeek - 1) * 24 + local.hour;
}

/** Monday 00:00 (or the first instant of that Monday) of the local week holding `at`. */
export function startOfWeek(at: number, timeZone: string): number {
  const local = zoned(at, timeZone);
  return local.toPlainDate().subtract({ days: local.dayOfWeek - 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** The same local wall-clock time `weeks` weeks earlier (negative: later). */
export function weeksBefore(at: number, weeks: number, timeZone: string): number {
  return zoned(at, timeZone).subtract({ weeks }).epochMilliseconds;
}

const emptyWeek = (): number[] => new Array<number>(HOURS_PER_WEEK).fill(0);

/** Messages per hour of the week, averaged over `weeks` weeks of history. */
export function demandByHourOfWeek(
  inbound: readonly InboundCount[],
  options: { timeZone: string; weeks: number; segment?: CoverageSegment },
): number[] {
  const segment = options.segment ?? ALL_SEGMENT;
  const week = emptyWeek();
  for (const item of inbound) {
    if (segment.kind === 'language' && (item.language === null || !sameLanguage(item.language, segment.language))) continue;
    // A region's demand: the messages to the accounts that serve it (the region an account is labelled with).
    if (segment.kind === 'region' && item.region !== segment.region) continue;
    week[hourOfWeek(item.at, options.timeZone)]! += item.count;
  }
  return week.map((n) => n / options.weeks);
}

/**
 * Whether an agent answers a segment's messages. For a language: they speak it and one of their
 * queues reaches it (every queue, an account's queue, or that language's queue).
 */
export function agentCovers(profile: AgentProfile | undefined, segment: CoverageSegment): boolean {
  if (!profile) return segment.kind !== 'language';
  if (segment.kind !== 'language') return true;
  const { language } = segment;
  const speaks = profile.languages.some((l) => sameLanguage(l, language));
  const reaches = profile.queues.some(
    (q) => q === 'all' || q.startsWith('account:') || (q.startsWith('language:') && sameLanguage(q.slice('language:'.length), language)),
  );
  return speaks && reaches;
}

/** Each agent's time on shift as disjoint intervals: overlapping shifts of one agent count once. */
function workedIntervals(occurrences: readonly ShiftOccurrence[]): [number, number][] {
  const byAgent = new Map<string, ShiftOccurrence[]>();
  for (const o of occurrences) byAgent.set(o.agentId, [...(byAgent.get(o.agentId) ?? []), o]);
  const intervals: [number, number][] = [];
  for (const own of byAgent.values()) {
    let current: [number, number] | null = null;
    for (const o of [...own].sort((a, b) => a.start - b.start)) {
      if (current && o.start <= current[1]) current[1] = Math.max(current[1], o.end);
      else intervals.push((current = [o.start, o.end]));
    }
  }
  return intervals;
}

/** Adds each local hour's share of [start, end) to `week`, in agent-hours. */
function addInterval(week: number[], start: number, end: number, timeZone: string): void {
  let at = start;
  while (at < end) {
    const local = zoned(at, timeZone);
    const hourStart = local.round({ smallestUnit: 'hour', roundingMode: 'floor' });
    // Re-floor after adding: across a 30-minute clock change an exact hour lands off the hour.
    const next = Math.min(end, hourStart.add({ hours: 1 }).round({ smallestUnit: 'hour', roundingMode: 'floor' }).epochMilliseconds);
    const boundary = next > at ? next : Math.min(end, at + HOUR_MS);
    week[(local.dayOfWeek - 1) * 24 + local.hour]! += (boundary - at) / HOUR_MS;
    at = boundary;
  }
}

/**
 * Agent-hours on shift per hour of the week, from the occurrences inside [from, to) (clipped to
 * it), averaged over `weeks` (the window's length in weeks). An agent counts once at a time, even
 * in overlapping shifts. Agents without a profile count for everyone and for their region, not for
 * a language.
 */
export function staffedByHourOfWeek(
  occurrences: readonly ShiftOccurrence[],
  profiles: readonly AgentProfile[],
  options: { timeZone: string; from: number; to: number; weeks: number; segment?: CoverageSegment },
): number[] {
  const segment = options.segment ?? ALL_SEGMENT;
  const byAgent = new Map(profiles.map((p) => [p.agentId, p]));
  const week = emptyWeek();
  const counted = occurrences.filter((o) => (segment.kind !== 'region' || o.region === segment.region) && agentCovers(byAgent.get(o.agentId), segment));
  for (const [start, end] of workedIntervals(counted)) {
    const from = Math.max(start, options.from);
    const to = Math.min(end, options.to);
    if (to > from) addInterval(week, from, to, options.timeZone);
  }
  return week.map((n) => n / options.weeks);
}

/** Short when fewer agents than needed; over when at least one whole agent more than needed. */
export function coverageStatus(required: number, staffed: number): CoverageStatus {
  const EPSILON = 1e-9;
  if (staffed + EPSILON < required) return 'short';
  if (staffed - required >= 1 - EPSILON) return 'over';
  return 'ok';
}

/** Demand and staffing side by side, with the agents needed at `target` messages per agent-hour. */
export function compareCoverage(demand: readonly number[], staffed: readonly number[], target: number): CoverageBucket[] {
  if (!(target > 0)) throw invalidInput('The target must be more than 0 messages per agent-hour');
  return demand.map((d, i) => {
    const s = staffed[i] ?? 0;
    const required = d / target;
    return { demand: d, staffed: s, required, gap: required - s, status: coverageStatus(required, s) };
  });
}

/** The segments worth offering: languages seen in demand or spoken, and the shifts' region labels. */
export function coverageSegments(inbound: readonly InboundCount[], profiles: readonly AgentProfile[], occurrences: readonly ShiftOccurrence[]): CoverageSegments {
  const languages = new Set<string>();
  for (const item of inbound) if (item.language && item.language !== 'und') languages.add(primaryLanguage(item.language));
  for (const p of profiles) for (const tag of p.languages) languages.add(primaryLanguage(tag));
  const regions = new Set(occurrences.flatMap((o) => (o.region ? [o.region] : [])));
  return { languages: [...languages].sort(), regions: [...regions].sort() };
}
