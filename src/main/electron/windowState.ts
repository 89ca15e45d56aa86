// The main window's size, position and maximized state, remembered in a small JSON file in the
// user data folder and restored onto the displays that exist now. Pure: no electron import.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect;
  maximized: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** Where to create the window: no x/y means "let the OS centre it". */
export interface Placement {
  bounds: Size & Partial<Pick<Rect, 'x' | 'y'>>;
  maximized: boolean;
}

const VERSION = 1;
const MAX_COORDINATE = 100_000;

const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;
const isLength = (v: unknown): v is number => isCoordinate(v) && v > 0;

function parseState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { version, bounds, maximized } = value as Record<string, unknown>;
  if (version !== VERSION || typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isLength(width) || !isLength(height)) return null;
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized };
}

/** The saved state, or null when there is none or it is unreadable (a fresh window then). */
export function loadWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return parseState(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Writes atomically (temp file + rename), so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ version: VERSION, ...state }, null, 2) + '\n');
  renameSync(temp, file);
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

export interface PlacementOptions {
  defaultSize: Size;
  minSize: Size;
}

/**
 * Where the window goes now. `workAreas` are the displays' work areas, primary first. The saved
 * bounds are kept on the display they overlap most, shrunk to fit it and moved fully inside it;
 * bounds on a display that is gone are dropped and the window is centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], { defaultSize, minSize }: PlacementOptions): Placement {
  const primary = workAreas[0];
  const fit = (size: Size, area: Rect | undefined): Size =>
    area
      ? { width: clamp(size.width, Math.min(minSize.width, area.width), area.width), height: clamp(size.height, Math.min(minSize.height, area.height), area.height) }
      : { width: Math.max(size.width, minSize.width), height: Math.max(size.height, minSize.height) };

  if (!saved) return { bounds: fit(defaultSize, primary), maximized: false };

  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o > bestOverlap) [best, bestOverlap] = [area, o];
  }
  if (!best) {
    const size = fit(saved.bounds, primary);
    if (!primary) return { bounds: size, maximized: saved.maximized };
    return {
      bounds: { ...size, x: primary.x + Math.round((primary.width - size.width) / 2), y: primary.y + Math.round((primary.height - size.height) / 2) },
      maximized: saved.maximized,
    };
  }
  const size = fit(saved.bounds, best);
  return {
    bounds: {
      ...size,
      x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
    },
    maximized: saved.maximized,
  };
}
