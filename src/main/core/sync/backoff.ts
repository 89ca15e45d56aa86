// Exponential backoff with full jitter: delay = random(0, min(cap, base * 2^attempt)),
// floored at a quarter of the base so a run of failures never spins.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(Math.floor(options.baseMs / 4), Math.floor(random() * ceiling));
}

/** Largest delay setTimeout accepts; longer waits are re-armed. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
