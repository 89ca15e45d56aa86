import { describe, expect, it } from 'vitest';
import { quietOptions } from './quietMode';

describe('quiet mode options', () => {
  it('offers half an hour, one and two hours, and until 08:00 tomorrow', () => {
    const now = new Date(2026, 10, 23, 22, 15).getTime();
    const options = quietOptions(now);
    expect(options.map((o) => o.key)).toEqual(['minutes30', 'hour1', 'hours2', 'tomorrow']);
    expect(options[0]!.until - now).toBe(30 * 60_000);
    expect(new Date(options[3]!.until)).toEqual(new Date(2026, 10, 24, 8, 0));
  });
});
