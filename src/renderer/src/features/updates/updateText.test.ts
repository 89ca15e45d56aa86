import { describe, expect, it } from 'vitest';
import { formatBytes, formatProgressPercent, progressText } from './updateText';

describe('update progress text', () => {
  it('picks the unit and writes numbers the locale’s way', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(12_500_000, 'en')).toBe('12.5 MB');
    expect(formatBytes(12_500_000, 'de')).toBe('12,5 MB');
    expect(formatBytes(150_000_000, 'en')).toBe('150 MB');
    expect(formatBytes(1_250_000_000, 'fr')).toMatch(/^1,3\sGo$/);
    expect(formatBytes(2_500_000, 'en', true)).toBe('2.5 MB/s');
  });

  it('percent as the locale writes it, clamped', () => {
    expect(formatProgressPercent(42.4, 'en')).toBe('42%');
    expect(formatProgressPercent(42.4, 'fr')).toMatch(/^42\s%$/);
    expect(formatProgressPercent(120, 'en')).toBe('100%');
  });

  it('describes a download', () => {
    expect(progressText({ status: 'downloading', version: '1.5.0', percent: 25, bytesPerSecond: 2_500_000, transferred: 20_000_000, total: 80_000_000 }, 'de')).toEqual({
      percent: '25\u00a0%',
      transferred: '20 MB',
      total: '80 MB',
      speed: '2,5 MB/s',
    });
  });
});
