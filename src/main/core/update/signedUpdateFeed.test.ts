import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signManifest } from './manifestSignature';
import { SignedUpdateFeed, UpdateRefusedError } from './signedUpdateFeed';

// Throwaway key pairs made for this run: the release key never sits in the repository.
function ed25519Pair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const release = ed25519Pair();
const stranger = ed25519Pair();

const SHA_A = `${'A'.repeat(86)}==`;
const SHA_B = `${'B'.repeat(86)}==`;
const manifest = [
  'version: 1.4.0',
  'files:',
  '  - url: Shiftdesk-1.4.0.AppImage',
  `    sha512: ${SHA_A}`,
  '    size: 123456789',
  'path: Shiftdesk-1.4.0.AppImage',
  `sha512: ${SHA_A}`,
  "releaseDate: '2026-11-20T10:00:00.000Z'",
  '',
].join('\n');

/** A generic feed on 127.0.0.1 serving whatever `files` holds; records every path requested. */
let files: Record<string, string> = {};
const requested: string[] = [];
let server: Server;
let feedUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/updates\//, '');
    requested.push(path);
    const body = files[path];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  files = {};
  requested.length = 0;
});

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
    files = { 'latest.yml': manifest, 'latest.yml.sig': `${signManifest(manifest, release.privateKeyPem)}\n` };
    const { manifest: verified, manifestUrl } = await feed().check();
    expect(manifestUrl).toBe(`${feedUrl}/latest.yml`);
    expect(verified.version).toBe('1.4.0');
    expect(verified.files).toEqual([{ url: 'Shiftdesk-1.4.0.AppImage', sha512: SHA_A, size: 123456789 }]);
    expect(verified.releaseDate).toBe('2026-11-20T10:00:00.000Z');
    expect(requested).toEqual(['latest.yml', 'latest.yml.sig']);
  });

  it('reads the platform manifest it is given (latest-linux.yml)', async () => {
    files = { 'latest-linux.yml': manifest, 'latest-linux.yml.sig': signManifest(manifest, release.privateKeyPem) };
    const checked = await new SignedUpdateFeed({ feedUrl: `${feedUrl}/`, publicKeyPem: release.publicKeyPem, manifestName: 'latest-linux.yml' }).check();
    expect(checked.manifest.version).toBe('1.4.0');
  });

  it('refuses a manifest whose version was changed after signing', async () => {
    const signature = signManifest(manifest, release.privateKeyPem);
    files = { 'latest.yml': manifest.replace('version: 1.4.0', 'version: 9.9.9'), 'latest.yml.sig': signature };
    const error = await refusal();
    expect(error.reason).toBe('bad-signature');
    expect(error.message).toMatch(/does not match/);
  });

  it('refuses a manifest whose sha512 was changed after signing', async () => {
    const signature = signManifest(manifest, release.privateKeyPem);
    files = { 'latest.yml': manifest.replaceAll(SHA_A, SHA_B), 'latest.yml.sig': signature };
    expect((await refusal()).reason).toBe('bad-signature');
  });

  it('refuses a manifest changed by a single byte of whitespace', async () => {
    const signature = signManifest(manifest, release.privateKeyPem);
    files = { 'latest.yml': `${manifest}\n`, 'latest.yml.sig': signature };
    expect((await refusal()).reason).toBe('bad-signature');
  });

  it('refuses an unsigned manifest (no latest.yml.sig)', async () => {
    files = { 'latest.yml': manifest };
    const error = await refusal();
    expect(error.reason).toBe('unsigned');
    expect(error.message).toMatch(/no signature/);
  });

  it('refuses a manifest signed by another key', async () => {
    files = { 'latest.yml': manifest, 'latest.yml.sig': signManifest(manifest, stranger.privateKeyPem) };
    expect((await refusal()).reason).toBe('bad-signature');
  });

  it.each([
    ['garbage text', 'this is not a signature'],
    ['empty file', ''],
    ['base64 of the wrong length', Buffer.alloc(32, 7).toString('base64')],
    ['a hex digest', 'ab'.repeat(64)],
    ['binary noise', '\u0000\u00ff\u0001'],
  ])('refuses a .sig holding %s', async (_label, signature) => {
    files = { 'latest.yml': manifest, 'latest.yml.sig': signature };
    const error = await refusal();
    expect(error.reason).toBe('malformed-signature');
    expect(error.message).toMatch(/malformed/);
  });

  it('refuses a correctly signed manifest that lacks what an update needs', async () => {
    const incomplete = 'version: 1.4.0\nfiles: []\n';
    files = { 'latest.yml': incomplete, 'latest.yml.sig': signManifest(incomplete, release.privateKeyPem) };
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
