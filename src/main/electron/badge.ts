// Badge port over the OS: the dock (macOS) or launcher (Linux, Unity API) count. Electron is
// injected (app.setBadgeCount), so this module is plain and unit-tested.
import type { Badge, Logger } from '../core/ports';

export interface BadgeDeps {
  platform: NodeJS.Platform;
  /** app.setBadgeCount: false when the desktop has no badge (most Linux desktops without Unity). */
  setBadgeCount(count: number): boolean;
  logger: Logger;
}

export function createBadge({ platform, setBadgeCount, logger }: BadgeDeps): Badge {
  // Windows has no numeric badge: the equivalent is a taskbar overlay icon (an image per count,
  // BrowserWindow.setOverlayIcon). Optional, skipped for now; the window title carries the count.
  const supported = platform === 'darwin' || platform === 'linux';
  let current = -1;
  let warned = false;
  return {
    set(count) {
      const next = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
      if (!supported || next === current) return;
      current = next;
      let shown: boolean;
      try {
        shown = setBadgeCount(next);
      } catch (error) {
        logger.warn('badge count failed', { error: String(error) });
        return;
      }
      if (!shown && !warned) {
        warned = true;
        logger.info('this desktop shows no badge count', { platform });
      }
    },
  };
}
