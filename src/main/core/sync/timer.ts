import { MAX_TIMER_MS } from './backoff';

/** One re-armable timer. Delays beyond setTimeout's range are clamped: callers re-check on wake. */
export class Timer {
  private handle: ReturnType<typeof setTimeout> | null = null;
  private firesAt = Infinity;

  constructor(private readonly fire: () => void) {}

  /** (Re)arm to fire after delayMs, replacing any earlier schedule. */
  schedule(delayMs: number): void {
    this.cancel();
    const delay = Math.max(0, Math.min(delayMs, MAX_TIMER_MS));
    this.firesAt = Date.now() + delay;
    this.handle = setTimeout(() => {
      this.handle = null;
      this.firesAt = Infinity;
      this.fire();
    }, delay);
    this.handle.unref?.();
  }

  /** Arm unless it is already due to fire sooner. */
  scheduleWithin(delayMs: number): void {
    if (this.handle !== null && this.firesAt <= Date.now() + delayMs) return;
    this.schedule(delayMs);
  }

  cancel(): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.handle = null;
    this.firesAt = Infinity;
  }
}
