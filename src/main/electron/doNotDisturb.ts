// The OS's Do Not Disturb, where it can be read: GNOME's "show banners" switch on Linux. macOS
// and Windows give apps no way to read Focus / Focus Assist (they silence notifications
// themselves), so there it is unknown (null). Polled: reading it must never block a notification.
import { execFile } from 'node:child_process';

const POLL_MS = 30_000;

export type ReadSetting = (command: string, args: string[]) => Promise<string>;

const run: ReadSetting = (command, args) =>
  new Promise((resolve, reject) => execFile(command, args, { timeout: 2000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))));

/** Parses `gsettings get org.gnome.desktop.notifications show-banners`: false means Do Not Disturb. */
export function parseShowBanners(output: string): boolean | null {
  const value = output.trim();
  if (value === 'false') return true;
  if (value === 'true') return false;
  return null;
}

export function watchDoNotDisturb(platform: NodeJS.Platform, read: ReadSetting = run): { current(): boolean | null; stop(): void } {
  let state: boolean | null = null;
  if (platform !== 'linux') return { current: () => null, stop: () => {} };
  const poll = () =>
    read('gsettings', ['get', 'org.gnome.desktop.notifications', 'show-banners'])
      .then((out) => (state = parseShowBanners(out)))
      .catch(() => (state = null));
  void poll();
  const timer = setInterval(() => void poll(), POLL_MS);
  timer.unref();
  return { current: () => state, stop: () => clearInterval(timer) };
}
