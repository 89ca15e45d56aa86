// Notifier port over Electron's native Notification. Notifications are kept referenced until
// they are clicked or closed: a dropped reference lets the GC take the click handler with it.
// The Notification class is injected (type-only electron import), so the logic is unit-tested.
import type { NotificationConstructorOptions } from 'electron';
import type { DeskNotification } from '@shared/domain';
import type { Logger, NotificationOutcome, Notifier } from '../core/ports';

/** The part of an Electron Notification this adapter uses. */
export interface NativeNotification {
  on(event: 'click' | 'close' | 'show', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export interface NativeNotificationClass {
  new (options: NotificationConstructorOptions): NativeNotification;
  isSupported(): boolean;
}

/** Bidi controls that could make a title read differently from what it is. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Customer text for a native notification: no bidi controls, and on Linux, where notification
 * daemons interpret a subset of markup in the body, with &, < and > escaped.
 */
export function nativeNotificationText(text: string, platform: NodeJS.Platform, part: 'title' | 'body'): string {
  const plain = text.replace(BIDI_CONTROLS, '');
  if (platform !== 'linux' || part === 'title') return plain;
  return plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface NotifierDeps {
  Notification: NativeNotificationClass;
  /** Bring the main window to the front (restore it when minimized, re-create it when closed). */
  showMainWindow(): void;
  logger: Logger;
  /** Shown by Linux notification daemons; macOS and Windows use the app's icon. */
  icon?: string;
  platform?: NodeJS.Platform;
}

/**
 * Upper bound of notifications kept alive. Some Linux daemons never report 'close', so without a
 * bound the set would grow for a whole shift; the oldest ones are released first.
 */
export const MAX_LIVE_NOTIFICATIONS = 50;

export interface ElectronNotifier extends Notifier {
  /** Notifications currently referenced (for tests and diagnostics). */
  readonly live: number;
}

export function createElectronNotifier({ Notification, showMainWindow, logger, icon, platform = process.platform }: NotifierDeps): ElectronNotifier {
  const live = new Set<NativeNotification>();

  const release = (n: NativeNotification) => live.delete(n);
  const keep = (n: NativeNotification) => {
    live.add(n);
    while (live.size > MAX_LIVE_NOTIFICATIONS) release(live.values().next().value!);
  };

  return {
    native: true,
    get live() {
      return live.size;
    },
    show(notification: DeskNotification, onClick: () => void): NotificationOutcome {
      let supported: boolean;
      try {
        supported = Notification.isSupported();
      } catch {
        supported = false;
      }
      if (!supported) return { status: 'not-shown', reason: 'unsupported' };
      let native: NativeNotification | null = null;
      try {
        const current = new Notification({
          id: notification.id,
          title: nativeNotificationText(notification.title, platform, 'title'),
          body: nativeNotificationText(notification.body, platform, 'body'),
          silent: false,
          ...(icon ? { icon } : {}),
        });
        native = current;
        current.on('click', () => {
          release(current);
          showMainWindow();
          onClick();
        });
        current.on('close', () => release(current));
        current.on('failed', (_event, error) => {
          release(current);
          logger.warn('native notification failed', { id: notification.id, error });
        });
        keep(current);
        current.show();
        return { status: 'shown' };
      } catch (error) {
        if (native) release(native);
        return { status: 'not-shown', reason: 'error', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
