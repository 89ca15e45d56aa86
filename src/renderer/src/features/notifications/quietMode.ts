// The lengths of quiet mode offered, as times to end it.
export type QuietOptionKey = 'minutes30' | 'hour1' | 'hours2' | 'tomorrow';

/** "Until tomorrow" ends at 08:00 local time the next day. */
export function quietOptions(now: number): { key: QuietOptionKey; until: number }[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(8, 0, 0, 0);
  return [
    { key: 'minutes30', until: now + 30 * 60_000 },
    { key: 'hour1', until: now + 60 * 60_000 },
    { key: 'hours2', until: now + 2 * 60 * 60_000 },
    { key: 'tomorrow', until: tomorrow.getTime() },
  ];
}
