// Runs against the real OS keychain (gnome-keyring under dbus in CI). Where no Secret Service
// is reachable it skips, except when SHIFTDESK_REQUIRE_KEYCHAIN=1 (CI), where that is a failure.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from './keytarSecretStore';

const store = createKeytarSecretStore('Shiftdesk-test');
const probe = `probe-${randomUUID()}`;
const available = await store
  .set(probe, 'x')
  .then(() => store.delete(probe))
  .then(() => true)
  .catch(() => false);
const required = process.env.SHIFTDESK_REQUIRE_KEYCHAIN === '1';

describe.runIf(available || required)('keytar secret store (real OS keychain)', () => {
  it('stores, reads, replaces and deletes a secret', async () => {
    const account = `account-${randomUUID()}`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'app-password-1 ✓ ünïcode');
    expect(await store.get(account)).toBe('app-password-1 ✓ ünïcode');
    await store.set(account, 'rotated');
    expect(await store.get(account)).toBe('rotated');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps accounts apart', async () => {
    const a = `a-${randomUUID()}`;
    const b = `b-${randomUUID()}`;
    await store.set(a, 'secret-a');
    await store.set(b, 'secret-b');
    expect([await store.get(a), await store.get(b)]).toEqual(['secret-a', 'secret-b']);
    await Promise.all([store.delete(a), store.delete(b)]);
  });
});

if (!available && !required) {
  describe('keytar secret store', () => {
    it.skip('needs a Secret Service (run `npm test`, which starts gnome-keyring under dbus on Linux)', () => {});
  });
}
