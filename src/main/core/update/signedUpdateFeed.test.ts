import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ed25519PemPair, manifestFor, SHA_A, SHA_B, startUpdateFeed, type UpdateFeedServer } from '../../../../test/support/updateFeed';
import { signManifest } from './manifestSignature';
import { SignedUpdateFeed, UpdateRefusedError } from './signedUpdateFeed';

// Throwaway key pairs made for this run: the release key never sits in the repository.
const release = ed25519PemPair();
const stranger = ed25519PemPair();
const manifest = manifestFor('1.4.0');

let server: UpdateFeedServer;
let feedUrl: string;
let requested: string[];

beforeAll(async () => {
  server = await startUpdateFeed();
  feedUrl = server.url;
  requested = server.requested;
});

afterAll(() => server.close());

afterEach(() => server.reset());

const feed = (): SignedUpdateFeed => new SignedUpdateFeed({ feedUrl, publicKeyPem: release.publicKeyPem });

async function refusal(): Promise<UpdateRefusedError> {
  const error = await feed().check().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UpdateRefusedError);
  // Only the manifest and its signature were read: nothing of the update itself.
  expect(requested.every((path) => path === 'latest.yml' || path === 'latest.yml.sig')).toBe(true);
  return error as UpdateRefusedError;
}

describe('SignedUpdateFeed against a local feed', () => {
  it('accepts a manifest signed by the release key and returns the release it describes', async () => {
    server.files = { 'latest.yml': manifest, 'latest.yml.sig': `${signManifest(manifest, release.privateKeyPem)}\n` };
    const { manifest: verified, manifestUrl } = await feed().check();
    expect(manifestUrl).toBe(`${feedUrl}/latest.yml`);
    expect(verified.version).toBe('1.4.0');
    expect(verified.files).toEqual([{ url: 'Shiftdesk-1.4.0.AppImage', sha512: SHA_A, size: 123456789 }]);
    expect(verified.releaseDate).toBe('2026-11-20T10:00:00.000Z');
    expect(requested).toEqual(['latest.yml', 'latest.yml.sig']);
  });

  it('reads the platform manifest it is given (latest-linux.yml)', async () => {
    server.files = { 'latest-linux.yml': manifest, 'latest-linux.yml.sig': signManifest(manifest, release.privateKeyPem) };
    const checked = await new SignedUpdateFeed({ feedUrl: `${feedUrl}/`, publicKeyPem: release.publicKeyPem, manifestName: 'latest-linux.yml' }).check();
    expect(checked.manifest.version).toBe('1.4.0');
  });

  it('refuses a manifest whose version was changed after signing', async () => {
    const signature = signManifest(manifest, release.privateKeyPem);
    server.files = { 'latest.yml': manifest.replace('version: 1.4.0', 'version: 9.9.9'), 'latest.yml.sig': signature };
    const error = await refusal();
    expect(error.reason).toBe('bad-signature');
    expect(error.message).toMatch(/does not match/);
  });

  it('refuses a manifest whose sha512 was changed after signing', async () => {
    const signature = signManifest(manifest, release.privateKeyPem);
    server.files = { 'latest.yml': manifest.replaceAll(SHA_A, SHA_B), 'latest.yml.sig': signature };
    expect((await refusal()).reason).toBe('bad-signature');
  });

  it('refuses a manifest changed by a single byte of whitespace', async () => {
    const signature = signManifest(manifest, release.privateKeyPem);
    server.files = { 'latest.yml': `${manifest}\n`, 'latest.yml.sig': signature };
    expect((await refusal()).reason).toBe('bad-signature');
  });

  it('refuses an unsigned manifest (no latest.yml.sig)', async () => {
    server.files = { 'latest.yml': manifest };
    const error = await refusal();
    expect(error.reason).toBe('unsigned');
    expect(error.message).toMatch(/no signature/);
  });

  it('refuses a manifest signed by another key', async () => {
    server.files = { 'latest.yml': manifest, 'latest.yml.sig': signManifest(manifest, stranger.privateKeyPem) };
    expect((await refusal()).reason).toBe('bad-signature');
  });

  it.each([
    ['garbage text', 'this is not a signature'],
    ['empty file', ''],
    ['base64 of the wrong length', Buffer.alloc(32, 7).toString('base64')],
    ['a hex digest', 'ab'.repeat(64)],
    ['binary noise', '\u0000\u00ff\u0001'],
  ])('refuses a .sig holding %s', async (_label, signature) => {
    server.files = { 'latest.yml': manifest, 'latest.yml.sig': signature };
    const error = await refusal();
    expect(error.reason).toBe('malformed-signature');
    expect(error.message).toMatch(/malformed/);
  });

  it('refuses a correctly signed manifest that lacks what an update needs', async () => {
    const incomplete = 'version: 1.4.0\nfiles: []\n';
    server.files = { 'latest.yml': incomplete, 'latest.yml.sig': signManifest(incomplete, release.privateKeyPem) };
    const error = await refusal();
    expect(error.reason).toBe('bad-manifest');
    expect(error.message).toMatch(/files/);
  });

  it('says the feed has no manifest, without asking for the signature', async () => {
    const error = await refusal();
    expect(error.reason).toBe('no-manifest');
    expect(requested).toEqual(['latest.yml']);
  });

  it('says when the feed cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await new SignedUpdateFeed({ feedUrl: `http://127.0.0.1:${port}/`, publicKeyPem: release.publicKeyPem })
      .check()
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UpdateRefusedError);
    expect((error as UpdateRefusedError).reason).toBe('unreachable');
  });
});
