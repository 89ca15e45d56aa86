// Reconnect delays: exponential backoff with full jitter (a random delay between 0 and the
// exponential bound), so many tabs that lost the same host do not reconnect in lockstep.

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 10_000 };

/** The delay before reconnect attempt number `attempt` (0 for the first retry). */
export function fullJitterDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const bound = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.floor(random() * bound);
}
