// Secrets in the OS keychain; where none is reachable (headless Linux without a Secret Service),
// in a file encrypted with Electron's safeStorage, but only after the user agreed. The choice is
// remembered, each secret's store is recorded on its account, and nothing goes to SQLite.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../core/ports';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real protection. */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_BACKEND = 'electron-safe-storage';

export interface FallbackSecretStoreDeps {
  keychain: SecretStore;
  safeStorage: SafeStorageLike;
  /** The app's user-data folder: the encrypted file and the remembered consent live there. */
  dir: string;
  /** Asks the user once; `weak` when safeStorage would only obscure, not encrypt. */
  askConsent(weak: boolean): Promise<boolean>;
}

const FILE = 'secrets.safestorage.json';
const CONSENT = 'secrets.consent.json';

export class SecretsRefusedError extends Error {
  override name = 'SecretsUnavailable';
}

export function createFallbackSecretStore(deps: FallbackSecretStoreDeps): SecretStore {
  const file = join(deps.dir, FILE);
  const consentFile = join(deps.dir, CONSENT);
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (entries: Record<string, string>) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(entries), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  const consent = (): boolean | null => (existsSync(consentFile) ? (JSON.parse(readFileSync(consentFile, 'utf8')) as { allowed: boolean }).allowed : null);

  async function fallbackAllowed(): Promise<boolean> {
    const remembered = consent();
    if (remembered !== null) return remembered;
    if (!deps.safeStorage.isEncryptionAvailable()) return false;
    const weak = deps.safeStorage.getSelectedStorageBackend?.() === 'basic_text';
    const allowed = await deps.askConsent(weak);
    writeFileSync(consentFile, JSON.stringify({ allowed }), { mode: 0o600 });
    return allowed;
  }

  const fromFile = (account: string): string | null => {
    const entry = read()[account];
    return entry === undefined ? null : deps.safeStorage.decryptString(Buffer.from(entry, 'base64'));
  };

  return {
    backend: deps.keychain.backend,
    async get(account) {
      const local = fromFile(account);
      if (local !== null) return local;
      return deps.keychain.get(account);
    },
    async set(account, secret) {
      try {
        const backend = await deps.keychain.set(account, secret);
        // Moved to the keychain: drop any older copy in the file.
        if (fromFile(account) !== null) {
          const entries = read();
          delete entries[account];
          write(entries);
        }
        return backend;
      } catch (error) {
        if (!(await fallbackAllowed())) {
          throw new SecretsRefusedError(
            `${error instanceof Error ? error.message : String(error)} Credentials were not saved: the OS keychain is not reachable and storing them encrypted by Shiftdesk was not allowed.`,
          );
        }
        write({ ...read(), [account]: deps.safeStorage.encryptString(secret).toString('base64') });
        return SAFE_STORAGE_BACKEND;
      }
    },
    async delete(account) {
      const entries = read();
      const inFile = account in entries;
      if (inFile) {
        delete entries[account];
        write(entries);
      }
      const inKeychain = await deps.keychain.delete(account).catch(() => false);
      return inFile || inKeychain;
    },
  };
}
