// Download progress in the agent's locale: percent, sizes and speed through Intl (units, not
// hand-made "MB" strings), so "12,5 MB von 80 MB" reads right in German.
import type { UpdateState } from '@shared/updates';

type Downloading = Extract<UpdateState, { status: 'downloading' }>;

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const formats = new Map<string, Intl.NumberFormat>();

function format(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let value = formats.get(key);
  if (!value) formats.set(key, (value = new Intl.NumberFormat(locale, options)));
  return value;
}

/** Bytes in the largest unit that keeps the number at or above 1 (decimal: 1 MB = 1,000,000 bytes). */
export function formatBytes(bytes: number, locale: string, perSecond = false): string {
  let size = Math.max(0, bytes);
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return format(locale, {
    style: 'unit',
    unit: perSecond ? `${UNITS[unit]}-per-second` : UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 || size >= 100 ? 0 : 1,
  }).format(size);
}

/** electron-updater's percent (0..100) as the locale writes a percentage. */
export function formatProgressPercent(percent: number, locale: string): string {
  return format(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.min(100, Math.max(0, percent)) / 100);
}

export interface ProgressText {
  percent: string;
  transferred: string;
  total: string;
  speed: string;
}

export function progressText(state: Downloading, locale: string): ProgressText {
  return {
    percent: formatProgressPercent(state.percent, locale),
    transferred: formatBytes(state.transferred, locale),
    total: formatBytes(state.total, locale),
    speed: formatBytes(state.bytesPerSecond, locale, true),
  };
}
