// Update settings in a real SQLite file, applied to the host's updater, through the contract.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '@shared/contract';
import type { UpdateState } from '@shared/updates';
import { tempDir } from '../../../../test/support/coreFixtures';
import { createMemoryBadge, rendererNotifier } from '../adapters/headless';
import { silentLogger } from '../adapters/logger';
import { createCore, DATABASE_FILE, type CoreOptions } from '../index';
import { openDatabase } from '../db/database';
import type { Updater, UpdaterConfig } from '../ports';

const secrets = { backend: 'none', get: async () => null, set: async () => 'none', delete: async () => false };

function core(dataDir: string, overrides: Partial<CoreOptions> = {}) {
  return createCore({ dataDir, notifier: rendererNotifier, badge: createMemoryBadge(), secrets, logger: silentLogger, demo: false, ...overrides });
}

/** An Updater port the test drives (electron-updater itself needs the Electron binary). */
interface ScriptedUpdater extends Updater {
  current: UpdateState;
  configs: UpdaterConfig[];
  calls: string[];
  move(state: UpdateState): void;
}

function scriptedUpdater(builtInFeedUrl: string | null = 'https://updates.example.com/shiftdesk'): ScriptedUpdater {
  const listeners = new Set<(state: UpdateState) => void>();
  const updater: ScriptedUpdater = {
    builtInFeedUrl,
    current: { status: 'idle' } as UpdateState,
    configs: [] as UpdaterConfig[],
    calls: [] as string[],
    state: () => updater.current,
    onState: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    configure: (config: UpdaterConfig) => void updater.configs.push(config),
    check: async () => void updater.calls.push('check'),
    download: async () => void updater.calls.push('download'),
    quitAndInstall: () => void updater.calls.push('quitAndInstall'),
    move(state: UpdateState) {
      updater.current = state;
      listeners.forEach((listener) => listener(state));
    },
  };
  return updater;
}

describe('update settings', () => {
  it('start from stable, the built-in feed and auto-download, and are kept in the replica', async () => {
    const dir = tempDir();
    const updater = scriptedUpdater();
    const first = core(dir, { updater });
    expect(await first.handlers.getUpdateSettings({})).toEqual({ channel: 'stable', feedUrl: null, builtInFeedUrl: 'https://updates.example.com/shiftdesk', autoDownload: true });
    expect(updater.configs.at(-1)).toEqual({ channel: 'stable', feedUrl: 'https://updates.example.com/shiftdesk', autoDownload: true });

    await dispatch(first.handlers, 'saveUpdateSettings', { channel: 'beta', feedUrl: 'http://127.0.0.1:8123/feed', autoDownload: false });
    expect(updater.configs.at(-1)).toEqual({ channel: 'beta', feedUrl: 'http://127.0.0.1:8123/feed', autoDownload: false });
    await first.stop();

    const again = scriptedUpdater();
    const second = core(dir, { updater: again });
    expect(await second.handlers.getUpdateSettings({})).toMatchObject({ channel: 'beta', feedUrl: 'http://127.0.0.1:8123/feed', autoDownload: false });
    expect(again.configs).toEqual([{ channel: 'beta', feedUrl: 'http://127.0.0.1:8123/feed', autoDownload: false }]);
    await second.stop();
  });

  it('refuses a feed that is not https (http only on this computer) with the reason, and changes nothing', async () => {
    const c = core(tempDir(), { updater: scriptedUpdater() });
    await dispatch(c.handlers, 'saveUpdateSettings', { channel: 'beta', feedUrl: 'https://mirror.example.com/', autoDownload: true });
    for (const [feedUrl, reason] of [
      ['http://mirror.example.com/', /Use https:\/\/ for an update feed \(plain http:\/\/ only for 127\.0\.0\.1 or localhost\)/],
      ['file:///tmp/feed', /An update feed is an https:\/\/ address/],
      ['https://me:pw@mirror.example.com/', /Leave the user name and password out/],
      ['mirror', /That is not a web address/],
    ] as const) {
      await expect(dispatch(c.handlers, 'saveUpdateSettings', { channel: 'stable', feedUrl, autoDownload: false })).rejects.toMatchObject({ name: 'InvalidInput', message: expect.stringMatching(reason) });
    }
    expect(await c.handlers.getUpdateSettings({})).toMatchObject({ channel: 'beta', feedUrl: 'https://mirror.example.com/', autoDownload: true });
    await c.stop();
  });

  it('falls back to the defaults when the stored settings are unreadable', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, DATABASE_FILE));
    db.prepare("INSERT INTO settings (key, value) VALUES ('updates', ?)").run(JSON.stringify({ channel: 'nightly', feedUrl: 'http://evil.example/', autoDownload: 1 }));
    db.close();
    const warnings: string[] = [];
    const c = core(dir, { updater: scriptedUpdater(null), logger: { ...silentLogger, warn: (message) => void warnings.push(message) } });
    expect(await c.handlers.getUpdateSettings({})).toEqual({ channel: 'stable', feedUrl: null, builtInFeedUrl: null, autoDownload: true });
    expect(warnings).toContain('update settings unreadable: using the defaults until they are saved again');
    await c.stop();
  });
});

describe('update state', () => {
  it('is unsupported in browser mode (no updater): checking and restarting are refused with the reason', async () => {
    const c = core(tempDir());
    expect(await c.handlers.getUpdateState({})).toEqual({ status: 'unsupported', reason: 'browser-mode' });
    await expect(c.handlers.checkForUpdates({})).rejects.toMatchObject({ name: 'NotAvailable', message: 'Updates are managed by the desktop app' });
    await expect(c.handlers.restartToUpdate({})).rejects.toMatchObject({ name: 'NotAvailable' });
    // The settings still save: the desktop app on this data folder follows them.
    expect(await c.handlers.saveUpdateSettings({ channel: 'beta', feedUrl: null, autoDownload: true })).toMatchObject({ channel: 'beta' });
    await c.stop();
  });

  it('pushes each state of the updater as the updateState event', async () => {
    const updater = scriptedUpdater();
    const c = core(tempDir(), { updater });
    const pushed: UpdateState[] = [];
    c.events.on('updateState', (state) => pushed.push(state));
    await c.handlers.checkForUpdates({});
    updater.move({ status: 'checking' });
    updater.move({ status: 'available', version: '1.5.0', notes: 'Faster inbox' });
    updater.move({ status: 'downloading', version: '1.5.0', percent: 42.5, bytesPerSecond: 1_000_000, transferred: 42_500_000, total: 100_000_000 });
    updater.move({ status: 'ready', version: '1.5.0', notes: null });
    expect(updater.calls).toEqual(['check']);
    expect(pushed.map((s) => s.status)).toEqual(['checking', 'available', 'downloading', 'ready']);
    expect(await c.handlers.getUpdateState({})).toEqual({ status: 'ready', version: '1.5.0', notes: null });
    await c.stop();
  });

  it('downloads only an available update, and restarts only into a downloaded one, after the core stopped', async () => {
    const updater = scriptedUpdater();
    const c = core(tempDir(), { updater });
    await expect(c.handlers.downloadUpdate({})).rejects.toMatchObject({ name: 'Conflict' });
    await expect(c.handlers.restartToUpdate({})).rejects.toMatchObject({ name: 'Conflict', message: 'No update is ready to install yet' });
    updater.move({ status: 'available', version: '1.5.0', notes: null });
    await c.handlers.downloadUpdate({});
    updater.move({ status: 'ready', version: '1.5.0', notes: null });
    let closedFirst = false;
    updater.quitAndInstall = () => {
      closedFirst = !c.repos.db.open;
      updater.calls.push('quitAndInstall');
    };
    expect(await c.handlers.restartToUpdate({})).toBeNull();
    expect(updater.calls).toEqual(['download', 'quitAndInstall']);
    expect(closedFirst).toBe(true);
    await c.stop();
  });
});
