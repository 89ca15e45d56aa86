// A report period cut into the pieces each source answers: whole UTC months from the monthly
// rollups, whole UTC days from the daily ones, and the hours left at either end from the events.

const DAY_MS = 86_400_000;

export interface PeriodSpans {
  /** [first, end) month numbers (year × 12 + month − 1, UTC). */
  months: [number, number][];
  /** [first, end) UTC day numbers (days since the epoch). */
  days: [number, number][];
  /** [from, to) instants in ms. */
  instants: [number, number][];
}

export const monthOfDay = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
export const firstDayOfMonth = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;

const nonEmpty = (spans: [number, number][]) => spans.filter(([a, b]) => a < b);

export function periodSpans(from: number, to: number): PeriodSpans {
  const firstDay = Math.ceil(from / DAY_MS);
  const endDay = Math.floor(to / DAY_MS);
  if (firstDay >= endDay) return { months: [], days: [], instants: nonEmpty([[from, to]]) };
  const instants = nonEmpty([
    [from, firstDay * DAY_MS],
    [endDay * DAY_MS, to],
  ]);
  const firstMonth = firstDayOfMonth(monthOfDay(firstDay)) === firstDay ? monthOfDay(firstDay) : monthOfDay(firstDay) + 1;
  const endMonth = monthOfDay(endDay);
  if (firstMonth >= endMonth) return { months: [], days: [[firstDay, endDay]], instants };
  return {
    months: [[firstMonth, endMonth]],
    days: nonEmpty([
      [firstDay, firstDayOfMonth(firstMonth)],
      [firstDayOfMonth(endMonth), endDay],
    ]),
    instants,
  };
}
