// One clock for every countdown on screen: ticks on the second, only while something shows it.
import { useEffect, useState, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | null = null;

function tick() {
  now = Date.now();
  for (const listener of [...listeners]) listener();
  timer = setTimeout(tick, 1000 - (now % 1000) + 5);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setTimeout(tick, 1000 - (now % 1000) + 5);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

const getNow = () => now;

/** The current time in epoch ms, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow);
}

/** The current time without subscribing (event handlers, one-off labels). */
export const readNow = (): number => (timer === null ? Date.now() : now);

/**
 * Re-renders the caller every periodMs while it is mounted: for labels that go stale slowly
 * ("last synced 3 min ago") and need no per-second clock. Read the time with readNow().
 */
export function useRerenderEvery(periodMs: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
}
