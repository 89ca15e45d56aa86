// Every operating-system facility the core uses, as an interface. Electron adapters live in
// src/main/electron, plain-Node adapters in src/main/core/adapters (browser mode and tests).
import type { DeskNotification } from '@shared/domain';
import type { UpdateChannel, UpdateState } from '@shared/updates';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Credentials in the OS keychain. Secrets never touch SQLite, logs or exports. */
export interface SecretStore {
  /** The store secrets go to when nothing is wrong ('os-keychain'). */
  readonly backend: string;
  get(account: string): Promise<string | null>;
  /** Stores the secret; says which store took it (a fallback may, with the user's consent). */
  set(account: string, secret: string): Promise<string>;
  delete(account: string): Promise<boolean>;
}

export type NotificationOutcome =
  | { status: 'shown' }
  | { status: 'not-shown'; reason: 'unsupported' | 'do-not-disturb' | 'permission-denied' | 'error'; detail?: string };

export interface Notifier {
  /** True when this host shows notifications itself (a native OS notification). */
  readonly native: boolean;
  show(notification: DeskNotification, onClick: () => void): NotificationOutcome;
}

export interface Badge {
  /**
   * Count of conversations that need attention now (breached + urgent), and the nearest running
   * deadline (UTC ms; null when none runs) for the tray's "next breach in N min".
   */
  set(count: number, nextBreachAt?: number | null): void;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The feed, channel and download policy the updater follows (the agent's settings applied). */
export interface UpdaterConfig {
  channel: UpdateChannel;
  /** The override, else the built-in feed; null: this build has none and none was set. */
  feedUrl: string | null;
  autoDownload: boolean;
}

/** The app's own updates: electron-updater in the desktop app; none in browser mode. */
export interface Updater {
  /** The feed the app was built with (app-update.yml); null when it has none. */
  readonly builtInFeedUrl: string | null;
  state(): UpdateState;
  onState(listener: (state: UpdateState) => void): () => void;
  configure(config: UpdaterConfig): void;
  check(): Promise<void>;
  download(): Promise<void>;
  /** Only after the core is ready to stop (Core.prepareForRestart): the app quits and installs. */
  quitAndInstall(): void;
}
