// Real accounts end to end in the core: the OS keychain (gnome-keyring in CI), a Mastodon
// instance faked from its documented API, real SQLite. Proves the token lives only in the
// keychain: not in the database files, the logs or anything the core emits.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '@shared/contract';
import { tempDir } from '../../../../test/support/coreFixtures';
import { MastodonFake } from '../../../../test/support/fakes/mastodonFake';
import { createMemoryBadge, rendererNotifier } from '../adapters/headless';
import { createKeytarSecretStore } from '../adapters/keytarSecretStore';
import { createLogger } from '../adapters/logger';
import { createCore, type Core } from '../index';
import { secretKey } from './accountService';

const secrets = createKeytarSecretStore('Shiftdesk-test');
const probe = `probe-${randomUUID()}`;
const keychain = await secrets
  .set(probe, 'x')
  .then(() => secrets.delete(probe))
  .then(() => true)
  .catch(() => false);
const required = process.env.SHIFTDESK_REQUIRE_KEYCHAIN === '1';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
  server.resetHandlers();
});

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.runIf(keychain || required)('accounts with credentials in the OS keychain', () => {
  it('connects a Mastodon account, syncs it, and keeps the token only in the keychain', async () => {
    const fake = new MastodonFake();
    const token = `tok-${randomUUID()}-secret`;
    fake.token = token;
    server.use(...fake.handlers());
    const dir = tempDir();
    const logs: string[] = [];
    const emitted: string[] = [];
    const start = () => {
      const core = createCore({
        dataDir: dir,
        notifier: rendererNotifier,
        badge: createMemoryBadge(),
        secrets,
        logger: createLogger('test', (line) => logs.push(line)),
        demo: false,
        pullIntervalMs: 50,
        backoff: { baseMs: 20, capMs: 40 },
        notificationGroupWindowMs: 50,
      });
      core.events.onAny((name, payload) => emitted.push(JSON.stringify({ name, payload })));
      cores.push(core);
      core.start();
      return core;
    };
    const core = start();
    const call = (method: string, params: unknown) => dispatch(core.handlers, method, params);
    const draft = { connector: 'mastodon', config: { instanceUrl: 'social.example' }, secret: token };

    await expect(call('testAccountConnection', { ...draft, secret: 'wrong' })).rejects.toMatchObject({ name: 'ConnectionFailed', message: /refused the credentials/ });
    await expect(call('testAccountConnection', { ...draft, config: { instanceUrl: 'http://social.example' } })).rejects.toMatchObject({ name: 'InvalidInput' });
    await expect(call('testAccountConnection', draft)).resolves.toEqual({ handle: '@brand@social.example', name: 'Aurora Air', replyLimit: 500 });
    // The instance's own status length is kept with the account: the composer counts to it.
    fake.maxCharacters = 1000;

    const ana = fake.account('ana', 'Ana Costa');
    const mention = fake.mention(ana, 'my bag is lost, please help');
    const account = (await call('addAccount', { ...draft, role: 'support' })) as { id: string; secretBackend: string; handle: string };
    expect(account).toMatchObject({ secretBackend: 'os-keychain', handle: '@brand@social.example', replyLimit: 1000 });
    expect(await secrets.get(secretKey(account.id))).toBe(token);

    const list = await until(() => core.handlers.listConversations({ queue: `account:${account.id}`, limit: 10 }), (l) => l.length === 1);
    expect(list[0]).toMatchObject({ platform: 'mastodon', customerHandle: 'ana@social.example', preview: '@brand my bag is lost, please help' });
    await core.handlers.sendReply({ conversationId: list[0]!.id, body: 'So sorry! Sending you a DM.' });
    await until(() => fake.brandPosts(), (posts) => posts.length === 1);
    expect(fake.brandPosts()[0]).toMatchObject({ in_reply_to_id: mention.id, content: '<p>@ana@social.example So sorry! Sending you a DM.</p>' });

    // The token was revoked on the instance: the account says so instead of stopping silently.
    fake.token = 'revoked';
    await until(() => core.handlers.getSyncStatus({}), (s) => s.accounts.find((a) => a.accountId === account.id)?.health === 'needs-auth');
    fake.token = `${token}-2`;
    await call('updateAccount', { id: account.id, name: 'Aurora on Mastodon', role: 'support', secret: fake.token });
    await until(() => core.handlers.getSyncStatus({}), (s) => s.accounts.find((a) => a.accountId === account.id)?.health === 'online');
    expect(await secrets.get(secretKey(account.id))).toBe(fake.token);

    // After a restart the token comes back from the keychain.
    await core.stop();
    const again = start();
    fake.mention(ana, 'any news?', { inReplyTo: fake.brandPosts()[0]!.id });
    await until(() => again.handlers.getConversation({ id: list[0]!.id }), (d) => d.messages.length === 3);

    // Nowhere else: database files (with WAL), logs, events.
    await again.stop();
    for (const secret of [token, fake.token]) {
      for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(secret), file).toBe(false);
      expect(logs.join('\n')).not.toContain(secret);
      expect(emitted.join('\n')).not.toContain(secret);
    }

    const third = start();
    await dispatch(third.handlers, 'removeAccount', { id: account.id });
    expect(await secrets.get(secretKey(account.id))).toBeNull();
    expect(await third.handlers.listConversations({ queue: 'all', limit: 10 })).toEqual([]);
    expect(third.handlers.getWorkspace({})).toMatchObject({ accounts: [] });
    expect(await third.handlers.searchMessages({ query: 'bag', limit: 10 })).toEqual([]);
  });

  it('adds a Mastodon account signed in in the browser (OAuth) with its token only in the keychain', async () => {
    const fake = new MastodonFake();
    server.use(...fake.handlers());
    const dir = tempDir();
    const logs: string[] = [];
    const emitted: string[] = [];
    const answers: string[] = [];
    const core = createCore({
      dataDir: dir,
      notifier: rendererNotifier,
      badge: createMemoryBadge(),
      secrets,
      logger: createLogger('test', (line) => logs.push(line)),
      demo: false,
      pullIntervalMs: 50,
      backoff: { baseMs: 20, capMs: 40 },
    });
    core.events.onAny((name, payload) => emitted.push(JSON.stringify({ name, payload })));
    cores.push(core);
    core.start();
    const call = async (method: string, params: unknown) => {
      const value = await dispatch(core.handlers, method, params);
      answers.push(JSON.stringify(value ?? null));
      return value;
    };

    fake.mention(fake.account('ana', 'Ana Costa'), 'my bag is lost');
    const started = (await call('startMastodonSignIn', { instanceUrl: 'social.example' })) as { signInId: string; authorizeUrl: string };
    await call('finishMastodonSignIn', { signInId: started.signInId, code: fake.codeFor(started.authorizeUrl) });
    const account = (await call('addAccount', { connector: 'mastodon', config: { instanceUrl: 'social.example' }, signInId: started.signInId, role: 'sales' })) as { id: string; secretBackend: string };
    expect(account.secretBackend).toBe('os-keychain');
    const [token] = fake.liveTokens();
    expect(await secrets.get(secretKey(account.id))).toBe(token);
    const clientSecret = [...fake.apps.values()][0]!.clientSecret;

    await until(() => core.handlers.listConversations({ queue: `account:${account.id}`, limit: 10 }), (l) => l.length === 1);
    await dispatch(core.handlers, 'removeAccount', { id: account.id });
    expect(await secrets.get(secretKey(account.id))).toBeNull();
    await core.stop();
    for (const secret of [token!, clientSecret]) {
      for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(secret), file).toBe(false);
      expect(logs.join('\n')).not.toContain(secret);
      expect(emitted.join('\n')).not.toContain(secret);
      expect(answers.join('\n')).not.toContain(secret);
    }
  });
});

if (!keychain && !required) {
  describe('accounts with credentials in the OS keychain', () => {
    it.skip('needs a Secret Service (run `npm test`, which starts gnome-keyring under dbus on Linux)', () => {});
  });
}
