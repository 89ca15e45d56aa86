// The guard as electron-updater calls it (isUpdateSupported with the UpdateInfo it read), against
// a real feed on 127.0.0.1. electron-updater itself needs the Electron binary, absent here.
import { EventEmitter } from 'node:events';
import type { ProgressInfo, UpdateInfo } from 'electron-updater';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateState } from '@shared/updates';
import { ed25519PemPair, manifestFor, SHA_A, SHA_B, startUpdateFeed, type UpdateFeedServer } from '../../../test/support/updateFeed';
import { signManifest } from '../core/update';
import { createElectronUpdater, guardUpdatesWithSignature, releaseNotesText } from './updater';

const release = ed25519PemPair();
let feed: UpdateFeedServer;
const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
const logger = {
  info: (message: string, fields?: Record<string, unknown>) => logged.push({ level: 'info', message, fields }),
  warn: (message: string, fields?: Record<string, unknown>) => logged.push({ level: 'warn', message, fields }),
  error: (message: string, fields?: Record<string, unknown>) => logged.push({ level: 'error', message, fields }),
};

beforeAll(async () => {
  feed = await startUpdateFeed();
});
afterAll(() => feed.close());
afterEach(() => {
  feed.reset();
  logged.length = 0;
});

/** What electron-updater parsed from the manifest it fetched itself. */
const offered = (version: string, sha512 = SHA_A): UpdateInfo => ({
  version,
  files: [{ url: `Shiftdesk-${version}.AppImage`, sha512, size: 123456789 }],
  path: `Shiftdesk-${version}.AppImage`,
  sha512,
  releaseDate: '2026-11-20T10:00:00.000Z',
});

function guardedUpdater(builtIn: (info: UpdateInfo) => boolean = () => true) {
  const updater = { channel: null as string | null, isUpdateSupported: builtIn as (info: UpdateInfo) => boolean | Promise<boolean> };
  guardUpdatesWithSignature(updater, { feedUrl: feed.url, configChannel: 'latest', publicKeyPem: release.publicKeyPem, platform: 'linux', arch: 'x64', logger });
  return updater;
}

function publish(name: string, manifest: string, signature = signManifest(manifest, release.privateKeyPem)): void {
  feed.files = { ...feed.files, [name]: manifest, [`${name}.sig`]: signature };
}

describe('guardUpdatesWithSignature', () => {
  it('lets a signed release through, reading the platform manifest of the channel', async () => {
    publish('latest-linux.yml', manifestFor('1.4.0'));
    expect(await guardedUpdater().isUpdateSupported(offered('1.4.0'))).toBe(true);
    expect(feed.requested).toEqual(['latest-linux.yml', 'latest-linux.yml.sig']);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'info', message: 'update manifest signature verified' }));
  });

  it('follows the channel set on the updater (beta)', async () => {
    publish('beta-linux.yml', manifestFor('1.5.0-beta.1'));
    const updater = guardedUpdater();
    updater.channel = 'beta';
    expect(await updater.isUpdateSupported(offered('1.5.0-beta.1'))).toBe(true);
  });

  it('refuses and logs an unsigned release: nothing beyond the manifest is fetched', async () => {
    feed.files = { 'latest-linux.yml': manifestFor('1.4.0') };
    expect(await guardedUpdater().isUpdateSupported(offered('1.4.0'))).toBe(false);
    expect(feed.requested).toEqual(['latest-linux.yml', 'latest-linux.yml.sig']);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', message: 'update refused', fields: expect.objectContaining({ reason: 'unsigned' }) }));
  });

  it('refuses a tampered manifest', async () => {
    publish('latest-linux.yml', manifestFor('1.4.0', SHA_B), signManifest(manifestFor('1.4.0'), release.privateKeyPem));
    expect(await guardedUpdater().isUpdateSupported(offered('1.4.0', SHA_B))).toBe(false);
    expect(logged.at(-1)?.fields).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuses when electron-updater was served another release than the signed one', async () => {
    publish('latest-linux.yml', manifestFor('1.4.0'));
    expect(await guardedUpdater().isUpdateSupported(offered('1.4.0', SHA_B))).toBe(false);
    expect(await guardedUpdater().isUpdateSupported(offered('6.6.6'))).toBe(false);
    expect(logged.filter((entry) => entry.message.startsWith('update refused: the release offered differs'))).toHaveLength(2);
  });

  it('still applies electron-updater’s own check (minimum OS version) after ours', async () => {
    publish('latest-linux.yml', manifestFor('1.4.0'));
    expect(await guardedUpdater(() => false).isUpdateSupported(offered('1.4.0'))).toBe(false);
  });
});

/**
 * electron-updater's surface as createElectronUpdater uses it, checking in its own order
 * (isUpdateSupported, then the staged-rollout match) against what the feed offers. The real one
 * needs the Electron binary, absent here.
 */
class StandInAppUpdater extends EventEmitter {
  private channelValue: string | null = null;
  allowPrerelease = false;
  allowDowngrade = false;
  autoDownload = true;
  feeds: unknown[] = [];
  offered: UpdateInfo | null = null;
  installs: unknown[][] = [];
  isUpdateSupported: (info: UpdateInfo) => boolean | Promise<boolean> = () => true;
  readonly rolloutCheck = (info: UpdateInfo) => (info.stagingPercentage ?? 100) > 50;
  isUserWithinRollout = this.rolloutCheck;
  get channel(): string | null {
    return this.channelValue;
  }
  set channel(value: string | null) {
    this.channelValue = value;
    // As electron-updater does.
    this.allowDowngrade = true;
  }
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
  async checkForUpdates() {
    this.emit('checking-for-update');
    const info = this.offered!;
    const available = (await this.isUpdateSupported(info)) && this.isUserWithinRollout(info);
    this.emit(available ? 'update-available' : 'update-not-available', info);
    return null;
  }
  async downloadUpdate() {
    const progress = (transferred: number): ProgressInfo => ({ total: 80_000_000, delta: 0, transferred, percent: (transferred / 80_000_000) * 100, bytesPerSecond: 2_500_000 });
    this.emit('download-progress', progress(20_000_000));
    this.emit('update-downloaded', { ...this.offered!, downloadedFile: '/tmp/Shiftdesk.AppImage' });
    return [];
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
  }
}

function electronUpdater() {
  const standIn = new StandInAppUpdater();
  const states: UpdateState[] = [];
  const updater = createElectronUpdater({
    load: async () => standIn as never,
    builtInFeedUrl: feed.url,
    configChannel: 'latest',
    publicKeyPem: release.publicKeyPem,
    platform: 'linux',
    arch: 'x64',
    logger,
    now: () => 1_700_000_000_000,
  });
  updater.onState((state) => states.push(state));
  return { standIn, updater, states };
}

describe('createElectronUpdater', () => {
  it('applies the channel: beta reads beta-linux.yml with prereleases; never a downgrade', async () => {
    const { standIn, updater } = electronUpdater();
    updater.configure({ channel: 'beta', feedUrl: feed.url, autoDownload: false });
    publish('beta-linux.yml', manifestFor('1.5.0-beta.1'));
    standIn.offered = offered('1.5.0-beta.1');
    await updater.check();
    expect(standIn).toMatchObject({ channel: 'beta', allowPrerelease: true, allowDowngrade: false, autoDownload: false });
    expect(standIn.feeds.at(-1)).toEqual({ provider: 'generic', url: feed.url, channel: 'beta' });
    expect(feed.requested).toEqual(['beta-linux.yml', 'beta-linux.yml.sig']);
    expect(updater.state()).toEqual({ status: 'available', version: '1.5.0-beta.1', notes: null });

    updater.configure({ channel: 'stable', feedUrl: 'https://mirror.example.com/shiftdesk', autoDownload: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(standIn).toMatchObject({ channel: 'latest', allowPrerelease: false, allowDowngrade: false, autoDownload: true });
    expect(standIn.feeds.at(-1)).toEqual({ provider: 'generic', url: 'https://mirror.example.com/shiftdesk', channel: 'latest' });
  });

  it('turns electron-updater’s events into states: checking, available, downloading, ready; restart installs', async () => {
    const { standIn, updater, states } = electronUpdater();
    updater.configure({ channel: 'stable', feedUrl: feed.url, autoDownload: false });
    publish('latest-linux.yml', manifestFor('1.4.0'));
    standIn.offered = { ...offered('1.4.0'), releaseNotes: [{ version: '1.4.0', note: 'Faster inbox' }] };
    await updater.check();
    await updater.download();
    expect(states).toEqual([
      { status: 'checking' },
      { status: 'available', version: '1.4.0', notes: '1.4.0\nFaster inbox' },
      { status: 'downloading', version: '1.4.0', percent: 25, bytesPerSecond: 2_500_000, transferred: 20_000_000, total: 80_000_000 },
      { status: 'ready', version: '1.4.0', notes: '1.4.0\nFaster inbox' },
    ]);
    updater.quitAndInstall();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(standIn.installs).toEqual([[false, true]]);
  });

  it('says why a refused release is not offered instead of "up to date"', async () => {
    const { standIn, updater } = electronUpdater();
    updater.configure({ channel: 'stable', feedUrl: feed.url, autoDownload: true });
    feed.files = { 'latest-linux.yml': manifestFor('1.4.0') };
    standIn.offered = offered('1.4.0');
    await updater.check();
    expect(updater.state()).toEqual({ status: 'error', message: expect.stringMatching(/^Update refused: the manifest has no signature/) });

    publish('latest-linux.yml', manifestFor('1.4.0'));
    standIn.emit('error', new Error('net::ERR_CONNECTION_RESET'));
    expect(updater.state()).toEqual({ status: 'error', message: 'net::ERR_CONNECTION_RESET' });
    await updater.check();
    expect(updater.state()).toEqual({ status: 'available', version: '1.4.0', notes: null });
  });

  it('leaves the staged rollout to electron-updater, with the signed percentage only', async () => {
    const { standIn, updater } = electronUpdater();
    updater.configure({ channel: 'stable', feedUrl: feed.url, autoDownload: true });
    const staged = `${manifestFor('1.4.0')}stagingPercentage: 10\n`;
    publish('latest-linux.yml', staged);
    // The feed (or someone on the way) widens the rollout to everyone: refused.
    standIn.offered = offered('1.4.0');
    await updater.check();
    expect(updater.state()).toMatchObject({ status: 'error', message: expect.stringMatching(/other files than the signed manifest/) });
    // The signed 10 %: our guard lets it through, electron-updater's per-install match decides.
    standIn.offered = { ...offered('1.4.0'), stagingPercentage: 10 };
    await updater.check();
    expect(updater.state()).toEqual({ status: 'not-available', checkedAt: 1_700_000_000_000 });
    expect(standIn.isUserWithinRollout).toBe(standIn.rolloutCheck);
    publish('latest-linux.yml', `${manifestFor('1.4.0')}stagingPercentage: 90\n`);
    standIn.offered = { ...offered('1.4.0'), stagingPercentage: 90 };
    await updater.check();
    expect(updater.state()).toMatchObject({ status: 'available', version: '1.4.0' });
  });

  it('without any feed, a check says so', async () => {
    const { updater } = electronUpdater();
    updater.configure({ channel: 'stable', feedUrl: null, autoDownload: true });
    await updater.check();
    expect(updater.state()).toEqual({ status: 'error', message: 'This build has no update feed: enter one in the update settings.' });
  });
});

describe('releaseNotesText', () => {
  it('reads text or per-version notes', () => {
    expect(releaseNotesText(null)).toBeNull();
    expect(releaseNotesText('  ')).toBeNull();
    expect(releaseNotesText('Fixes')).toBe('Fixes');
    expect(releaseNotesText([{ version: '1.5.0', note: 'B' }, { version: '1.4.0', note: null }])).toBe('1.5.0\nB');
  });
});
