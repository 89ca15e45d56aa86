import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../core/ports';
import { createFallbackSecretStore, SAFE_STORAGE_BACKEND, type SafeStorageLike } from './fallbackSecretStore';

const dir = () => mkdtempSync(join(tmpdir(), 'shiftdesk-secrets-'));

/** Stands in for Electron's safeStorage (which needs the Electron binary): reversible, not plain. */
const safeStorage = (backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  getSelectedStorageBackend: () => backend,
});

function keychain(available: boolean): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const fail = () => Promise.reject(new Error('The OS keychain is not reachable (no Secret Service).'));
  return {
    entries,
    backend: 'os-keychain',
    get: async (a) => (available ? (entries.get(a) ?? null) : fail()),
    set: async (a, s) => (available ? (entries.set(a, s), 'os-keychain') : fail()),
    delete: async (a) => (available ? entries.delete(a) : fail()),
  };
}

describe('fallback secret store', () => {
  it('uses the OS keychain when it is reachable, and never asks', async () => {
    const asked: boolean[] = [];
    const k = keychain(true);
    const store = createFallbackSecretStore({ keychain: k, safeStorage: safeStorage(), dir: dir(), askConsent: async (w) => (asked.push(w), true) });
    expect(await store.set('account:1', 'tok')).toBe('os-keychain');
    expect(await store.get('account:1')).toBe('tok');
    expect(asked).toEqual([]);
  });

  it('without a keychain, asks once; with consent stores the secret encrypted in a file, never in plain text', async () => {
    const folder = dir();
    const asked: boolean[] = [];
    const store = createFallbackSecretStore({ keychain: keychain(false), safeStorage: safeStorage('basic_text'), dir: folder, askConsent: async (w) => (asked.push(w), true) });
    expect(await store.set('account:1', 'super-secret-token')).toBe(SAFE_STORAGE_BACKEND);
    expect(await store.set('account:2', 'another-token')).toBe(SAFE_STORAGE_BACKEND);
    expect(asked).toEqual([true]);
    expect(await store.get('account:1')).toBe('super-secret-token');
    for (const file of readdirSync(folder)) expect(readFileSync(join(folder, file), 'utf8')).not.toContain('super-secret-token');
    expect(await store.delete('account:1')).toBe(true);
    expect(await store.get('account:2')).toBe('another-token');
  });

  it('refuses to store anything when the user said no, and remembers the answer', async () => {
    const folder = dir();
    let asked = 0;
    const make = () => createFallbackSecretStore({ keychain: keychain(false), safeStorage: safeStorage(), dir: folder, askConsent: async () => (asked++, false) });
    await expect(make().set('account:1', 'tok')).rejects.toMatchObject({ name: 'SecretsUnavailable', message: /not allowed/ });
    await expect(make().set('account:1', 'tok')).rejects.toMatchObject({ name: 'SecretsUnavailable' });
    expect(asked).toBe(1);
    expect(readdirSync(folder).some((f) => f.startsWith('secrets.safestorage'))).toBe(false);
  });

  it('moves a secret to the keychain once it is reachable again', async () => {
    const folder = dir();
    const k = keychain(false);
    const offline = createFallbackSecretStore({ keychain: k, safeStorage: safeStorage(), dir: folder, askConsent: async () => true });
    await offline.set('account:1', 'tok');
    const k2 = keychain(true);
    const online = createFallbackSecretStore({ keychain: k2, safeStorage: safeStorage(), dir: folder, askConsent: async () => true });
    expect(await online.set('account:1', 'tok-2')).toBe('os-keychain');
    expect(k2.entries.get('account:1')).toBe('tok-2');
    expect(await online.get('account:1')).toBe('tok-2');
  });
});
