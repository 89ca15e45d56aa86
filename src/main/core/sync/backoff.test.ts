import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay (full jitter)', () => {
  const options = { baseMs: 1000, capMs: 30_000 };

  it('grows the ceiling exponentially and caps it', () => {
    expect(backoffDelay(0, options, () => 0.999)).toBe(999);
    expect(backoffDelay(3, options, () => 0.999)).toBe(7992);
    expect(backoffDelay(10, options, () => 0.999)).toBe(29_970);
    expect(backoffDelay(1000, options, () => 0.999)).toBe(29_970);
  });

  it('spreads retries over the whole window, with a small floor so failures never spin', () => {
    expect(backoffDelay(5, options, () => 0)).toBe(250);
    const samples = Array.from({ length: 2000 }, () => backoffDelay(4, options));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(250);
    expect(Math.max(...samples)).toBeLessThan(16_000);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    expect(mean).toBeGreaterThan(6_000);
    expect(mean).toBeLessThan(10_000);
  });
});
