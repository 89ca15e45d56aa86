// Shift patterns → worked occurrences (UTC instants), and who is on shift at an instant.
//
// A shift keeps its local wall-clock start and end across DST: the rrule library yields the
// local start date-times (floating: JS Dates read as UTC fields, so no zone rules leak in), each
// is placed in the shift's zone with Temporal, and the end is the local start plus the duration
// in wall-clock terms, then placed in the zone too. So a 22:00 + 8 h night shift ends at 06:00
// local even on the night the clocks change (lasting 7 or 9 real hours). A start that does not
// exist (inside a spring-forward gap) moves forward by the gap ('compatible') and is marked; a
// start that exists twice (fall-back) takes the earlier instant.
import { RRule } from 'rrule';
import { Temporal } from 'temporal-polyfill';
import { canonicalTimeZone } from '../businessHours';
import { invalidInput } from '../errors';
import type { OnShiftSummary, Shift, ShiftOccurrence, TimeOff } from '../schedule';
import { parseShiftRule } from './shiftRule';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/**
 * Local wall clocks are within -12 h and +14 h of UTC, and a start may move by a gap (Samoa
 * skipped a whole day in 2011): two days either side of the window catch every local start whose
 * occurrence can overlap it.
 */
const LOCAL_MARGIN_MS = 2 * DAY_MS;

/**
 * The occurrences of `shifts` that overlap [from, to), sorted by start (then agent, shift).
 * With `timeOff`, an agent's occurrences are cut by their time off: one inside it disappears,
 * one partly inside keeps only the part outside (possibly two pieces).
 * Throws DeskError('InvalidInput') naming the shift when its zone, date or rule is invalid.
 */
export function expandShifts(shifts: Shift[], from: number, to: number, timeOff: TimeOff[] = []): ShiftOccurrence[] {
  const occurrences = shifts.flatMap((shift) => shiftOccurrences(shift, from, to));
  const cut = timeOff.length === 0 ? occurrences : cutByTimeOff(occurrences, timeOff).filter((o) => o.end > from && o.start < to);
  return cut.sort(byStart);
}

/** The occurrences of one shift overlapping [from, to), unsorted. */
function shiftOccurrences(shift: Shift, from: number, to: number): ShiftOccurrence[] {
  const zone = canonicalTimeZone(shift.timeZone);
  if (zone === null) throw invalidInput(`Shift ${shift.id}: "${shift.timeZone}" is not an IANA time zone (for example Europe/Riga)`);
  const first = localStart(shift);
  const skipped = new Set(shift.exceptions);
  const occurrences: ShiftOccurrence[] = [];
  for (const start of localStarts(shift, first, from, to)) {
    const localDate = start.toPlainDate().toString();
    if (skipped.has(localDate)) continue;
    const occurrence = place(shift, zone, start, localDate);
    if (occurrence.end > from && occurrence.start < to) occurrences.push(occurrence);
  }
  return occurrences;
}

function localStart(shift: Shift): Temporal.PlainDateTime {
  try {
    return Temporal.PlainDateTime.from(`${shift.startDate}T${shift.start}`, { overflow: 'reject' });
  } catch {
    throw invalidInput(`Shift ${shift.id}: ${shift.startDate} ${shift.start} is not a valid date and time`);
  }
}

/** Local start date-times whose occurrence may overlap [from, to). */
function localStarts(shift: Shift, first: Temporal.PlainDateTime, from: number, to: number): Temporal.PlainDateTime[] {
  const lowest = from - shift.durationMinutes * MINUTE_MS - LOCAL_MARGIN_MS;
  const highest = to + LOCAL_MARGIN_MS;
  if (shift.rrule === null) {
    const floating = floatingMs(first);
    return floating >= lowest && floating <= highest ? [first] : [];
  }
  return floatingRule(shift, first).between(new Date(lowest), new Date(highest), true).map(fromFloating);
}

/**
 * The shift's rule on floating local date-times from its first start. An UNTIL in UTC ('…Z') is
 * turned into the shift zone's wall clock at that instant; other UNTILs are local already.
 */
function floatingRule(shift: Shift, first: Temporal.PlainDateTime): RRule {
  let options;
  try {
    options = parseShiftRule(shift.rrule ?? '');
  } catch (error) {
    throw invalidInput(`Shift ${shift.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.until && /UNTIL=\d{8}T\d{6}Z/i.test(shift.rrule ?? '')) {
    const local = Temporal.Instant.fromEpochMilliseconds(options.until.getTime()).toZonedDateTimeISO(shift.timeZone).toPlainDateTime();
    options.until = new Date(floatingMs(local));
  }
  return new RRule({ ...options, dtstart: new Date(floatingMs(first)), tzid: null });
}

/**
 * The local date on which the shift's last occurrence ends, or null when it recurs for ever;
 * throws when the rule never produces an occurrence (an UNTIL before the start date).
 */
export function lastLocalDate(shift: Shift): string | null {
  const first = localStart(shift);
  let last = first;
  if (shift.rrule !== null) {
    const rule = floatingRule(shift, first);
    const { count, until } = rule.origOptions;
    if (!count && !until) return null;
    const found = until ? rule.before(until, true) : rule.all().at(-1);
    if (!found) throw invalidInput(`Shift ${shift.id}: the recurrence rule ends before the first shift (${shift.startDate})`);
    last = fromFloating(found);
  }
  return last.add({ minutes: shift.durationMinutes }).toPlainDate().toString();
}

function place(shift: Shift, zone: string, start: Temporal.PlainDateTime, localDate: string): ShiftOccurrence {
  const zonedStart = start.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const startMs = zonedStart.epochMilliseconds;
  let endMs = start.add({ minutes: shift.durationMinutes }).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  // A short shift starting in a fall-back overlap could otherwise end before it starts.
  if (endMs <= startMs) endMs = startMs + shift.durationMinutes * MINUTE_MS;
  const occurrence: ShiftOccurrence = { shiftId: shift.id, agentId: shift.agentId, timeZone: zone, localDate, start: startMs, end: endMs, region: shift.region };
  if (!zonedStart.toPlainDateTime().equals(start)) occurrence.startMovedByDstGap = true;
  return occurrence;
}

/** A local date-time as the UTC instant with the same fields: what rrule calls a floating date. */
function floatingMs(local: Temporal.PlainDateTime): number {
  return local.toZonedDateTime('UTC').epochMilliseconds;
}

function fromFloating(date: Date): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO('UTC').toPlainDateTime();
}

/** Occurrences minus their agent's time off. */
export function cutByTimeOff(occurrences: ShiftOccurrence[], timeOff: TimeOff[]): ShiftOccurrence[] {
  const byAgent = timeOffByAgent(timeOff);
  return occurrences.flatMap((occurrence) => {
    let pieces = [occurrence];
    for (const off of byAgent.get(occurrence.agentId) ?? []) {
      if (off.start >= occurrence.end) break;
      pieces = pieces.flatMap((piece) => {
        if (off.end <= piece.start || off.start >= piece.end) return [piece];
        const left = off.start > piece.start ? [{ ...piece, end: off.start }] : [];
        const right = off.end < piece.end ? [{ ...piece, start: off.end }] : [];
        return [...left, ...right];
      });
    }
    return pieces;
  });
}

/** Each agent's time off, sorted by start. */
export function timeOffByAgent(timeOff: TimeOff[]): Map<string, TimeOff[]> {
  const byAgent = new Map<string, TimeOff[]>();
  for (const off of timeOff) byAgent.set(off.agentId, [...(byAgent.get(off.agentId) ?? []), off]);
  for (const list of byAgent.values()) list.sort((a, b) => a.start - b.start);
  return byAgent;
}

/** The occurrences being worked at `at` (start ≤ at < end). */
export function onShiftAt(occurrences: ShiftOccurrence[], at: number): ShiftOccurrence[] {
  return occurrences.filter((o) => o.start <= at && at < o.end);
}

/**
 * Who is on shift at `at` (each agent once, with the end of their unbroken stretch of work:
 * back-to-back or overlapping occurrences count as one) and who comes next: every other agent
 * with an occurrence starting after `at`, at their first start. Both sorted by that time.
 */
export function onShiftSummary(occurrences: ShiftOccurrence[], at: number): OnShiftSummary {
  const sorted = [...occurrences].sort(byStart);
  const now = new Map<string, number>();
  for (const occurrence of onShiftAt(sorted, at)) now.set(occurrence.agentId, Math.max(now.get(occurrence.agentId) ?? 0, occurrence.end));
  for (const [agentId, end] of now) {
    let stretchEnd = end;
    for (const o of sorted) if (o.agentId === agentId && o.start <= stretchEnd && o.end > stretchEnd) stretchEnd = o.end;
    now.set(agentId, stretchEnd);
  }
  const next = new Map<string, number>();
  for (const o of sorted) if (o.start > at && !now.has(o.agentId) && !next.has(o.agentId)) next.set(o.agentId, o.start);
  return {
    now: [...now].map(([agentId, end]) => ({ agentId, end })).sort((a, b) => a.end - b.end || compare(a.agentId, b.agentId)),
    next: [...next].map(([agentId, start]) => ({ agentId, start })).sort((a, b) => a.start - b.start || compare(a.agentId, b.agentId)),
  };
}

export function byStart(a: ShiftOccurrence, b: ShiftOccurrence): number {
  return a.start - b.start || compare(a.agentId, b.agentId) || compare(a.shiftId, b.shiftId) || a.end - b.end;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
