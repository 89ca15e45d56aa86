// Credentials in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret
// Service on Linux) through keytar. Runs in plain Node and in Electron's main process.
import keytar from 'keytar';
import type { SecretStore } from '../ports';

export const KEYCHAIN_SERVICE = 'Shiftdesk';

export class KeychainUnavailableError extends Error {
  override name = 'KeychainUnavailable';
}

function wrap(error: unknown): never {
  const detail = error instanceof Error ? error.message : String(error);
  throw new KeychainUnavailableError(`The OS keychain is not reachable (${detail}).`);
}

export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  return {
    backend: 'os-keychain',
    get: (account) => keytar.getPassword(service, account).catch(wrap),
    set: (account, secret) =>
      keytar
        .setPassword(service, account, secret)
        .then(() => 'os-keychain')
        .catch(wrap),
    delete: (account) => keytar.deletePassword(service, account).catch(wrap),
  };
}
