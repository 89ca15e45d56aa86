// The guard as electron-updater calls it (isUpdateSupported with the UpdateInfo it read), against
// a real feed on 127.0.0.1. electron-updater itself needs the Electron binary, absent here.
import type { UpdateInfo } from 'electron-updater';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ed25519PemPair, manifestFor, SHA_A, SHA_B, startUpdateFeed, type UpdateFeedServer } from '../../../test/support/updateFeed';
import { signManifest } from '../core/update';
import { guardUpdatesWithSignature } from './updater';

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
