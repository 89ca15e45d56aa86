// The release script against a folder like electron-builder's output, with throwaway keys.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyManifest } from '../../src/main/core/update/manifestSignature';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const manifest = `version: 1.0.0\nfiles:\n  - url: Shiftdesk-1.0.0.AppImage\n    sha512: ${'Q'.repeat(86)}==\n`;

function pemPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

let dir: string;
let release: string;
const keys = pemPair();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiftdesk-sign-'));
  release = join(dir, 'release');
  mkdirSync(release);
  writeFileSync(join(dir, 'signing.pem'), keys.privateKeyPem);
  writeFileSync(join(dir, 'public.pem'), keys.publicKeyPem);
  for (const name of ['latest.yml', 'latest-linux.yml', 'latest-mac.yml', 'beta-linux.yml', 'builder-debug.yml']) {
    writeFileSync(join(release, name), manifest.replace('1.0.0', name));
  }
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sign(env: Record<string, string>) {
  return spawnSync(tsx, ['scripts/sign-update-manifest.mjs', release], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SHIFTDESK_UPDATE_SIGNING_KEY: '', ...env },
  });
}

describe('scripts/sign-update-manifest.mjs', () => {
  it('writes a verifying .sig beside each update manifest, and only those', () => {
    const run = sign({ SHIFTDESK_UPDATE_SIGNING_KEY: join(dir, 'signing.pem'), SHIFTDESK_UPDATE_PUBLIC_KEY: join(dir, 'public.pem') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const signatures = readdirSync(release).filter((name) => name.endsWith('.sig')).sort();
    expect(signatures).toEqual(['beta-linux.yml.sig', 'latest-linux.yml.sig', 'latest-mac.yml.sig', 'latest.yml.sig']);
    for (const signature of signatures) {
      const manifestBytes = readFileSync(join(release, signature.replace(/\.sig$/, '')));
      expect(verifyManifest(manifestBytes, readFileSync(join(release, signature), 'utf8'), keys.publicKeyPem)).toBe(true);
    }
  });

  it('refuses a signing key that does not match the public key the app ships, and writes nothing', () => {
    writeFileSync(join(dir, 'other.pem'), pemPair().privateKeyPem);
    const run = sign({ SHIFTDESK_UPDATE_SIGNING_KEY: join(dir, 'other.pem'), SHIFTDESK_UPDATE_PUBLIC_KEY: join(dir, 'public.pem') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/does not match/);
    expect(readdirSync(release).some((name) => name.endsWith('.sig'))).toBe(false);
  });

  it('says what is missing: no key given', () => {
    const run = sign({});
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SHIFTDESK_UPDATE_SIGNING_KEY/);
    expect(existsSync(join(release, 'latest.yml.sig'))).toBe(false);
  });
});
