import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManifestSignatureError, signManifest, verifyManifest } from './manifestSignature';
import { parseAppUpdateConfig } from './appUpdateConfig';
import { isSameRelease, manifestFileName, parseUpdateManifest, UpdateManifestError } from './updateManifest';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const SHA = `${'x'.repeat(86)}==`;
const text = `version: 2.0.0\nfiles:\n  - url: Shiftdesk Setup 2.0.0.exe\n    sha512: ${SHA}\n`;

describe('manifest signatures', () => {
  it('round-trips: a 64-byte Ed25519 signature in base64 that verifies the same text and bytes', () => {
    const signature = signManifest(text, privateKeyPem);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyManifest(text, signature, publicKeyPem)).toBe(true);
    expect(verifyManifest(Buffer.from(text), signature, publicKeyPem)).toBe(true);
    expect(verifyManifest(text.replace('2.0.0', '2.0.1'), signature, publicKeyPem)).toBe(false);
  });

  it('refuses keys that are not Ed25519, with a clear error', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => signManifest(text, rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/Ed25519/);
    const signature = signManifest(text, privateKeyPem);
    expect(() => verifyManifest(text, signature, rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(ManifestSignatureError);
    expect(() => verifyManifest(text, signature, 'not a key')).toThrow(/not a readable PEM key/);
  });
});

describe('update manifests', () => {
  it('reads version and files as electron-updater does', () => {
    expect(parseUpdateManifest(text)).toEqual({ version: '2.0.0', files: [{ url: 'Shiftdesk Setup 2.0.0.exe', sha512: SHA }] });
  });

  it('says what is missing or wrong', () => {
    expect(() => parseUpdateManifest('files: [')).toThrow(UpdateManifestError);
    expect(() => parseUpdateManifest('version: 2.0.0\n')).toThrow(/files/);
    expect(() => parseUpdateManifest('version: 2.0.0\nfiles:\n  - url: a.exe\n    sha512: abc\n')).toThrow(/files\.0\.sha512/);
  });

  it('matches an offered release only when version and every file digest agree', () => {
    const signed = parseUpdateManifest(text);
    const offered = { version: '2.0.0', files: [{ url: 'Shiftdesk Setup 2.0.0.exe', sha512: SHA }] };
    expect(isSameRelease(signed, offered)).toBe(true);
    expect(isSameRelease(signed, { ...offered, version: '2.0.1' })).toBe(false);
    expect(isSameRelease(signed, { ...offered, files: [{ ...offered.files[0]!, sha512: `${'y'.repeat(86)}==` }] })).toBe(false);
    expect(isSameRelease(signed, { ...offered, files: [...offered.files, { url: 'extra.exe', sha512: SHA }] })).toBe(false);
    expect(isSameRelease(signed, { ...offered, stagingPercentage: 100 })).toBe(false);
  });

  it('names the manifest electron-updater reads per platform', () => {
    expect(manifestFileName('latest', 'win32', 'x64')).toBe('latest.yml');
    expect(manifestFileName('latest', 'darwin', 'arm64')).toBe('latest-mac.yml');
    expect(manifestFileName('beta', 'linux', 'x64')).toBe('beta-linux.yml');
    expect(manifestFileName('latest', 'linux', 'arm64')).toBe('latest-linux-arm64.yml');
  });
});

describe('app-update.yml', () => {
  it('gives the generic feed and its channel', () => {
    expect(parseAppUpdateConfig('provider: generic\nurl: https://updates.example.org/shiftdesk\nchannel: latest\nupdaterCacheDirName: shiftdesk-updater\n')).toEqual({
      provider: 'generic',
      url: 'https://updates.example.org/shiftdesk',
      channel: 'latest',
    });
  });

  it('refuses other providers and a missing URL', () => {
    expect(() => parseAppUpdateConfig('provider: github\nowner: x\nrepo: y\n')).toThrow(/provider/);
    expect(() => parseAppUpdateConfig('provider: generic\n')).toThrow(/url/);
  });
});
