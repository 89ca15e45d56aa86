// The translation service on a real SQLite file, with the API key in the real OS keychain
// (gnome-keyring under dbus; skipped where none is reachable unless SHIFTDESK_REQUIRE_KEYCHAIN=1)
// and the providers' documented APIs served by a local fake.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type DeskHandlers } from '@shared/contract';
import { DEFAULT_SLA_POLICIES } from '@shared/sla';
import { ACCOUNT_ID, inbound, makeRepos, manualClock, tempDir, T0 } from '../../../../test/support/coreFixtures';
import { TranslationFake } from '../../../../test/support/fakes/translationFake';
import { createKeytarSecretStore } from '../adapters/keytarSecretStore';
import { createLogger } from '../adapters/logger';
import { EventBus } from '../events';
import type { Repos } from '../repos';
import { ingestPage } from '../sync/ingest';
import { TranslationService } from './translationService';

const secrets = createKeytarSecretStore('Shiftdesk-test');
const probe = `probe-${randomUUID()}`;
const keychain = await secrets
  .set(probe, 'x')
  .then(() => secrets.delete(probe))
  .then(() => true)
  .catch(() => false);
const required = process.env.SHIFTDESK_REQUIRE_KEYCHAIN === '1';

const fake = new TranslationFake();
beforeAll(() => fake.start());
afterAll(() => fake.close());

let dir: string;
let repos: Repos;
let service: TranslationService;
let logs: string[];
let changes: unknown[];
const PT = 'Olá, meu voo foi cancelado e ninguém me responde.';

beforeEach(() => {
  fake.mode = 'ok';
  fake.libreApiKey = null;
  fake.requests.length = 0;
  dir = tempDir();
  repos = makeRepos(join(dir, 'shiftdesk.sqlite'));
  logs = [];
  changes = [];
  const events = new EventBus();
  events.on('changes', (c) => changes.push(c));
  service = new TranslationService({
    repos,
    secrets,
    clock: manualClock(),
    logger: createLogger('test', (line) => logs.push(line)),
    events,
    timeoutMs: 500,
    deeplBaseUrl: fake.url,
  });
});
afterEach(() => repos.db.close());

/** The contract's handlers for translation, so inputs are validated as in the app. */
const call = (method: keyof DeskHandlers, params: unknown) =>
  dispatch(
    {
      getTranslationSettings: () => service.settings(),
      saveTranslationSettings: (s: never) => service.save(s),
      testTranslationSettings: (s: never) => service.test(s),
      translateMessage: ({ messageId, target }: { messageId: number; target: string }) => service.translateMessage(messageId, target),
      translateText: ({ text, target }: { text: string; target: string }) => service.translateText(text, target),
    } as unknown as DeskHandlers,
    method,
    params,
  );

function customerMessage(body: string): number {
  ingestPage(repos, ACCOUNT_ID, [inbound({ body, language: 'pt' })], null, DEFAULT_SLA_POLICIES, T0);
  return repos.messages.maxId();
}

/** Everything Shiftdesk wrote to its data folder, as text. */
const dataFolderText = () => readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');

describe('translation without a provider', () => {
  it('is off, and says so when asked to translate', async () => {
    expect(await call('getTranslationSettings', {})).toEqual({ provider: 'none' });
    await expect(call('translateText', { text: 'Olá', target: 'en' })).rejects.toMatchObject({ name: 'NotAvailable', message: /No translation provider/ });
    await expect(call('translateMessage', { messageId: customerMessage(PT), target: 'en' })).rejects.toMatchObject({ name: 'NotAvailable' });
  });

  it('refuses bad input clearly and keeps the settings it had', async () => {
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: '' })).rejects.toMatchObject({ name: 'InvalidInput', message: /Enter the address/ });
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: 'ftp://x' })).rejects.toMatchObject({ name: 'InvalidInput' });
    await expect(call('saveTranslationSettings', { provider: 'deepl' })).rejects.toMatchObject({ name: 'InvalidInput', message: /Enter the DeepL API key/ });
    await expect(call('saveTranslationSettings', { provider: 'google' })).rejects.toMatchObject({ name: 'InvalidInput' });
    await expect(call('translateText', { text: '   ', target: 'en' })).rejects.toMatchObject({ name: 'InvalidInput', message: /nothing to translate/ });
    await expect(call('translateText', { text: 'x', target: 'english!' })).rejects.toMatchObject({ name: 'InvalidInput', message: /is not a language tag/ });
    expect(service.settings()).toEqual({ provider: 'none' });
  });

  it('treats unreadable stored settings as off, and can save over them', async () => {
    repos.workspace.setSetting('translation', '{"provider":"babelfish"');
    expect(service.settings()).toEqual({ provider: 'none' });
    await expect(call('translateText', { text: 'Hello', target: 'de' })).rejects.toMatchObject({ name: 'NotAvailable' });
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url })).resolves.toMatchObject({ provider: 'libretranslate' });
  });
});

describe('a LibreTranslate server without a key', () => {
  it('is tested before it is saved: a server that does not translate is not saved', async () => {
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: `${fake.url}/nothing` })).rejects.toMatchObject({ name: 'TranslationRejected' });
    fake.mode = 'not-json';
    await expect(call('testTranslationSettings', { provider: 'libretranslate', url: fake.url })).rejects.toMatchObject({ name: 'TranslationMalformed' });
    expect(service.settings()).toEqual({ provider: 'none' });
    fake.mode = 'ok';
    const tested = (await call('testTranslationSettings', { provider: 'libretranslate', url: fake.url })) as { languages: unknown[] };
    expect(tested.languages).toHaveLength(12);
    expect(service.settings()).toEqual({ provider: 'none' });
  });

  it('translates a customer message once and serves it from SQLite after that', async () => {
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: `${fake.url}/` })).resolves.toEqual({ provider: 'libretranslate', url: fake.url, hasApiKey: false });
    expect(changes).toEqual([{ tables: ['translation'], conversationIds: [] }]);
    const messageId = customerMessage(PT);
    fake.requests.length = 0;
    const first = await call('translateMessage', { messageId, target: 'en' });
    expect(first).toEqual({ messageId, target: 'en', provider: 'libretranslate', text: 'Hello, my flight was cancelled and nobody answers me.', detectedSource: 'pt', createdAt: T0 });
    fake.mode = 'server-error';
    expect(await call('translateMessage', { messageId, target: 'en' })).toEqual(first);
    expect(fake.translations()).toHaveLength(1);
    await expect(call('translateMessage', { messageId, target: 'de' })).rejects.toMatchObject({ name: 'TranslationUnavailable' });
    await expect(call('translateMessage', { messageId: 999_999, target: 'en' })).rejects.toMatchObject({ name: 'NotFound' });
    const plan = repos.db
      .prepare('EXPLAIN QUERY PLAN SELECT text FROM message_translations WHERE message_id = ? AND target = ? AND provider = ?')
      .all(messageId, 'en', 'libretranslate') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING PRIMARY KEY/);
  });

  it('translates a draft without storing it', async () => {
    await call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url });
    await expect(call('translateText', { text: 'We are sorry: we have rebooked you on the next flight.', target: 'pt-BR' })).resolves.toEqual({
      text: 'Lamentamos: remarcamos você no próximo voo.',
      detectedSource: 'en',
      provider: 'libretranslate',
    });
    expect(repos.db.prepare('SELECT COUNT(*) FROM message_translations').pluck().get()).toBe(0);
  });

  it('turns off again', async () => {
    await call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url });
    await expect(call('saveTranslationSettings', { provider: 'none' })).resolves.toEqual({ provider: 'none' });
    await expect(call('translateText', { text: 'Hello', target: 'de' })).rejects.toMatchObject({ name: 'NotAvailable' });
  });
});

describe.runIf(keychain || required)('API keys in the OS keychain', () => {
  afterEach(async () => {
    await service.save({ provider: 'none' }).catch(() => null);
  });

  it('keeps a LibreTranslate key only in the keychain, keeps it when left out, forgets it on request', async () => {
    const key = `lt-${randomUUID()}-secret`;
    fake.libreApiKey = key;
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url, apiKey: 'wrong' })).rejects.toMatchObject({ name: 'TranslationAuth', message: /Invalid API key/ });
    expect(service.settings()).toEqual({ provider: 'none' });
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url, apiKey: key })).resolves.toEqual({ provider: 'libretranslate', url: fake.url, hasApiKey: true });
    const keyId = (JSON.parse(repos.workspace.setting('translation')!) as { keyId: string }).keyId;
    expect(await secrets.get(`translation:${keyId}`)).toBe(key);
    // Saved again without the key (the address edited): the stored key is used and kept.
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: `${fake.url}//` })).resolves.toMatchObject({ hasApiKey: true });
    expect((await call('translateMessage', { messageId: customerMessage(PT), target: 'en' })) as { text: string }).toMatchObject({ text: /Hello, my flight/ });
    expect(fake.translations().at(-1)!.body).toMatchObject({ api_key: key });
    repos.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(dataFolderText()).not.toContain(key);
    expect(logs.join('\n')).not.toContain(key);
    // A server that needs no key any more.
    fake.libreApiKey = null;
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url, removeApiKey: true })).resolves.toMatchObject({ hasApiKey: false });
    expect(await secrets.get(`translation:${keyId}`)).toBeNull();
  });

  it('uses a DeepL key (free plan by its ":fx"), tells quota and rate limit apart, and removes the key when turned off', async () => {
    await expect(call('saveTranslationSettings', { provider: 'deepl', apiKey: 'not-the-key' })).rejects.toMatchObject({ name: 'TranslationAuth' });
    await expect(call('saveTranslationSettings', { provider: 'deepl', apiKey: fake.deeplKey })).resolves.toEqual({ provider: 'deepl', hasApiKey: true, plan: 'free' });
    const messageId = customerMessage(PT);
    await expect(call('translateMessage', { messageId, target: 'en-GB' })).resolves.toMatchObject({ provider: 'deepl', text: 'Hello, my flight was cancelled and nobody answers me.', detectedSource: 'pt' });
    expect(fake.translations().at(-1)!.body).toEqual({ text: [PT], target_lang: 'EN-GB' });
    fake.mode = 'quota';
    await expect(call('translateText', { text: 'Hello', target: 'de' })).rejects.toMatchObject({ name: 'TranslationQuota' });
    fake.mode = 'rate-limit';
    await expect(call('translateText', { text: 'Hello', target: 'de' })).rejects.toMatchObject({ name: 'TranslationRateLimited' });
    fake.mode = 'ok';
    const keyId = (JSON.parse(repos.workspace.setting('translation')!) as { keyId: string }).keyId;
    repos.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(dataFolderText()).not.toContain(fake.deeplKey);
    await call('saveTranslationSettings', { provider: 'none' });
    expect(await secrets.get(`translation:${keyId}`)).toBeNull();
  });

  it('switching from DeepL to LibreTranslate does not send the DeepL key to the server', async () => {
    await call('saveTranslationSettings', { provider: 'deepl', apiKey: fake.deeplKey });
    await expect(call('saveTranslationSettings', { provider: 'libretranslate', url: fake.url })).resolves.toEqual({ provider: 'libretranslate', url: fake.url, hasApiKey: false });
    expect(fake.translations().at(-1)!.body).not.toHaveProperty('api_key');
  });
});

if (!keychain && !required) {
  describe('API keys in the OS keychain', () => {
    it.skip('needs a Secret Service (run under dbus-run-session with gnome-keyring)', () => {});
  });
}
