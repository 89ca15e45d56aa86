// Where shift occurrences go on the week and day grids, in the zone being shown: one column per
// local day, minutes from that day's local midnight. A block that crosses midnight in the shown
// zone is split in two (one piece per day). Positions use wall-clock minutes so 09:00 sits on the
// 09:00 row in any zone, including half-hour and 45-minute offsets.
import { Temporal } from 'temporal-polyfill';
import type { ShiftOccurrence } from '@shared/schedule';

export const MINUTES_PER_DAY = 24 * 60;

export type GridView = 'week' | 'day';

/** The local dates shown: the ISO week (Monday first) holding `anchor`, or that day alone. */
export function visibleDays(anchor: string, view: GridView): string[] {
  const date = Temporal.PlainDate.from(anchor);
  if (view === 'day') return [date.toString()];
  const monday = date.subtract({ days: date.dayOfWeek - 1 });
  return Array.from({ length: 7 }, (_, i) => monday.add({ days: i }).toString());
}

/** The day `days` days from `date` ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** [from, to) in UTC ms covering the given local days in a zone (what getSchedule is asked for). */
export function rangeOfDays(days: readonly string[], zone: string): { from: number; to: number } {
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) throw new Error('no days to show');
  const from = Temporal.PlainDate.from(first).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  const to = Temporal.PlainDate.from(last).add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
  return { from, to };
}

/** The instant at `minutes` past local midnight of `date` in `zone` (wall clock; a DST gap moves later). */
export function instantAt(date: string, minutes: number, zone: string): number {
  const day = Temporal.PlainDate.from(date);
  const extraDays = Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes - extraDays * MINUTES_PER_DAY;
  const wall = day.add({ days: extraDays }).toPlainDateTime({ hour: Math.floor(rest / 60), minute: rest % 60 });
  return wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** Wall-clock minutes since local midnight of an instant in a zone. */
export function wallMinutes(instant: number, zone: string): number {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
  return zoned.hour * 60 + zoned.minute;
}

export interface GridBlock {
  occurrence: ShiftOccurrence;
  /** Index into the visible days. */
  dayIndex: number;
  /** Minutes from the column's top (local midnight) and the block's length in minutes. */
  top: number;
  height: number;
  /** The occurrence began the day before / goes on past midnight (a piece of a split block). */
  continuesBefore: boolean;
  continuesAfter: boolean;
  /** Side-by-side placement when blocks overlap in the same column: lane of lanes, and how many lanes it spans (free lanes to its end side). */
  lane: number;
  lanes: number;
  span: number;
}

/** The pieces of each occurrence that fall on the visible days, in `zone`, laid out in lanes. */
export function layoutBlocks(occurrences: readonly ShiftOccurrence[], days: readonly string[], zone: string): GridBlock[] {
  const index = new Map(days.map((d, i) => [d, i]));
  const pieces: Omit<GridBlock, 'lane' | 'lanes' | 'span'>[] = [];
  for (const occurrence of occurrences) {
    const start = Temporal.Instant.fromEpochMilliseconds(occurrence.start).toZonedDateTimeISO(zone);
    const end = Temporal.Instant.fromEpochMilliseconds(occurrence.end).toZonedDateTimeISO(zone);
    let day = start.toPlainDate();
    const endDay = end.toPlainDate();
    for (;;) {
      const first = Temporal.PlainDate.compare(day, start.toPlainDate()) === 0;
      const last = Temporal.PlainDate.compare(day, endDay) === 0;
      const top = first ? start.hour * 60 + start.minute : 0;
      const bottom = last ? end.hour * 60 + end.minute : MINUTES_PER_DAY;
      const dayIndex = index.get(day.toString());
      // An occurrence ending exactly at midnight leaves no piece on the next day.
      if (dayIndex !== undefined && bottom > top) {
        pieces.push({ occurrence, dayIndex, top, height: bottom - top, continuesBefore: !first, continuesAfter: !last });
      }
      if (last) break;
      day = day.add({ days: 1 });
    }
  }
  return assignLanes(pieces);
}

/** Overlapping pieces in a column share its width: each cluster of overlaps gets as many lanes as it needs. */
function assignLanes(pieces: Omit<GridBlock, 'lane' | 'lanes' | 'span'>[]): GridBlock[] {
  const sorted = [...pieces].sort((a, b) => a.dayIndex - b.dayIndex || a.top - b.top || b.height - a.height);
  const out: GridBlock[] = [];
  let cluster: GridBlock[] = [];
  let clusterEnd = -1;
  let clusterDay = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((b) => b.lane + 1));
    const overlaps = (a: GridBlock, b: GridBlock) => a.top < b.top + b.height && b.top < a.top + a.height;
    for (const block of cluster) {
      block.lanes = lanes;
      // Widen into the lanes after it while nothing there overlaps it.
      while (block.lane + block.span < lanes && !cluster.some((other) => other.lane === block.lane + block.span && overlaps(block, other))) block.span++;
    }
    cluster = [];
  };
  for (const piece of sorted) {
    if (piece.dayIndex !== clusterDay || piece.top >= clusterEnd) {
      closeCluster();
      clusterDay = piece.dayIndex;
      clusterEnd = -1;
    }
    const laneEnds = new Map<number, number>();
    for (const block of cluster) laneEnds.set(block.lane, Math.max(laneEnds.get(block.lane) ?? 0, block.top + block.height));
    let lane = 0;
    while ((laneEnds.get(lane) ?? -1) > piece.top) lane++;
    const block: GridBlock = { ...piece, lane, lanes: 1, span: 1 };
    cluster.push(block);
    out.push(block);
    clusterEnd = Math.max(clusterEnd, piece.top + piece.height);
  }
  closeCluster();
  return out;
}

/**
 * Where an occurrence starts once the piece shown as `block` is moved by whole days and minutes
 * on the wall clock of the shown zone (a piece after midnight moves its occurrence by as much).
 */
export function movedStart(block: GridBlock, days: readonly string[], zone: string, by: { days: number; minutes: number }): number | null {
  const from = days[block.dayIndex];
  if (from === undefined) return null;
  const pieceOffset = instantAt(from, block.top, zone) - block.occurrence.start;
  return instantAt(addDays(from, by.days), block.top + by.minutes, zone) - pieceOffset;
}

/** A minute position snapped to the grid's step (15 minutes by default), within the day. */
export function snapMinutes(minutes: number, step = 15): number {
  return Math.min(MINUTES_PER_DAY, Math.max(0, Math.round(minutes / step) * step));
}
