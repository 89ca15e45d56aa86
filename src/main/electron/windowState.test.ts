import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, placeWindow, saveWindowState, WINDOW_STATE_FILE, type Rect, type WindowState } from './windowState';

const options = { defaultSize: { width: 1440, height: 900 }, minSize: { width: 960, height: 600 } };
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftdesk-window-'));
    file = join(dir, 'nested', WINDOW_STATE_FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, creating the folder, without leaving temp files', () => {
    const state: WindowState = { bounds: { x: 100, y: -20, width: 1200, height: 800 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual([WINDOW_STATE_FILE]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('overwrites an earlier state', () => {
    saveWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false });
    saveWindowState(file, { bounds: { x: 3, y: 4, width: 1100, height: 720 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 3, y: 4, width: 1100, height: 720 }, maximized: true });
  });

  it('reads a missing, corrupt or foreign file as no state', () => {
    expect(loadWindowState(file)).toBeNull();
    const path = join(dir, WINDOW_STATE_FILE);
    for (const text of [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ version: 2, bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }),
      JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 0, height: 10 }, maximized: false }),
      JSON.stringify({ version: 1, bounds: { x: 'a', y: 0, width: 10, height: 10 }, maximized: false }),
      JSON.stringify({ version: 1, bounds: { x: 1e9, y: 0, width: 10, height: 10 }, maximized: false }),
      JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: 'yes' }),
    ]) {
      writeFileSync(path, text);
      expect(loadWindowState(path), text).toBeNull();
    }
  });
});

describe('placeWindow', () => {
  it('uses the default size, centred by the OS, the first time', () => {
    expect(placeWindow(null, [laptop], options)).toEqual({ bounds: { width: 1440, height: 900 }, maximized: false });
  });

  it('shrinks the default size to a small screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }], options).bounds).toEqual({ width: 1280, height: 720 });
  });

  it('restores bounds that fit', () => {
    const saved = { bounds: { x: 2100, y: 50, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor], options)).toEqual(saved);
  });

  it('keeps a window that hangs off an edge on the display it overlaps most, moved fully inside', () => {
    const saved = { bounds: { x: 1700, y: -200, width: 1200, height: 800 }, maximized: false };
    // Overlaps the right monitor more (980 px wide) than the laptop (220 px).
    expect(placeWindow(saved, [laptop, rightMonitor], options).bounds).toEqual({ x: 1920, y: 0, width: 1200, height: 800 });
  });

  it('centres the window on the primary display when its display is gone', () => {
    const saved = { bounds: { x: 2100, y: 50, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop], options)).toEqual({ bounds: { x: 160, y: 25, width: 1600, height: 1000 }, maximized: true });
  });

  it('shrinks a window larger than its display, and grows one below the minimum size', () => {
    const big = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(placeWindow(big, [laptop], options).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
    const tiny = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    expect(placeWindow(tiny, [laptop], options).bounds).toEqual({ x: 10, y: 10, width: 960, height: 600 });
  });

  it('handles displays left of and above the primary one (negative coordinates)', () => {
    const left: Rect = { x: -1680, y: -300, width: 1680, height: 1050 };
    const saved = { bounds: { x: -1600, y: -250, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop, left], options).bounds).toEqual(saved.bounds);
  });

  it('copes with no display information', () => {
    const saved = { bounds: { x: 10, y: 10, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [], options)).toEqual({ bounds: { width: 1200, height: 800 }, maximized: false });
  });
});
