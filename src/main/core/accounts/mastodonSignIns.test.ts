// Mastodon sign-in in the browser (OAuth 2.0, out-of-band redirect, PKCE S256) through the
// contract, against the Mastodon fake's OAuth provider: real SQLite in a temp folder, a secret
// store in memory (the OS keychain version is in accounts.test.ts), a clock the test moves.
// Proves the access token reaches the secret store and nothing else: not the database files, the
// logs, the events or any answer the renderer gets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodName } from '@shared/contract';
import { manualClock, tempDir } from '../../../../test/support/coreFixtures';
import { MastodonFake, OAUTH_ERRORS } from '../../../../test/support/fakes/mastodonFake';
import { createMemoryBadge, rendererNotifier } from '../adapters/headless';
import { createLogger } from '../adapters/logger';
import { createPkce, pkceChallenge } from '../connectors/mastodon/mastodonOAuth';
import { createCore, type Core } from '../index';
import type { SecretStore } from '../ports';
import { secretKey } from './accountService';
import { SIGN_IN_TTL_MS } from './mastodonSignIns';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
  server.resetHandlers();
});

function memorySecrets(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    backend: 'memory',
    entries,
    get: async (key) => entries.get(key) ?? null,
    set: async (key, value) => (entries.set(key, value), 'memory'),
    delete: async (key) => entries.delete(key),
  };
}

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Started {
  signInId: string;
  authorizeUrl: string;
  instanceUrl: string;
  expiresAt: number;
}

function setUp() {
  const fake = new MastodonFake();
  server.use(...fake.handlers());
  const dir = tempDir();
  const clock = manualClock(Date.now());
  const secrets = memorySecrets();
  const logs: string[] = [];
  const emitted: string[] = [];
  /** Every answer the renderer would get. */
  const answers: string[] = [];
  const core = createCore({
    dataDir: dir,
    notifier: rendererNotifier,
    badge: createMemoryBadge(),
    secrets,
    logger: createLogger('test', (line) => logs.push(line)),
    clock,
    demo: false,
    pullIntervalMs: 50,
    backoff: { baseMs: 20, capMs: 40 },
  });
  core.events.onAny((name, payload) => emitted.push(JSON.stringify({ name, payload })));
  cores.push(core);
  core.start();
  const call = async (method: MethodName, params: unknown): Promise<unknown> => {
    try {
      const value = await dispatch(core.handlers, method, params);
      answers.push(JSON.stringify(value ?? null));
      return value;
    } catch (error) {
      answers.push(JSON.stringify({ name: (error as Error).name, message: (error as Error).message }));
      throw error;
    }
  };
  const start = async (params: { instanceUrl?: string; accountId?: string } = { instanceUrl: 'social.example' }) => (await call('startMastodonSignIn', params)) as Started;
  const finish = async (signInId: string, code: string) => (await call('finishMastodonSignIn', { signInId, code })) as { handle: string; name: string; instanceUrl: string; expiresAt: number };
  const draft = { connector: 'mastodon', config: { instanceUrl: 'social.example' }, role: 'support' };
  return { fake, dir, clock, secrets, logs, emitted, answers, core, call, start, finish, draft };
}

describe('signing in to Mastodon in the browser', () => {
  it('registers Shiftdesk, exchanges the code with PKCE and adds the account with the token only in the secret store', async () => {
    const { fake, dir, clock, secrets, logs, emitted, answers, core, call, start, finish, draft } = setUp();
    fake.mention(fake.account('ana', 'Ana Costa'), 'where is my bag?');
    const started = await start({ instanceUrl: ' https://social.example/ ' });
    expect(started).toMatchObject({ instanceUrl: 'https://social.example', expiresAt: clock.now() + SIGN_IN_TTL_MS });
    expect(started.signInId).toMatch(/^[0-9a-f-]{36}$/);

    // The app, registered for the out-of-band redirect with read and write.
    expect([...fake.apps.values()]).toEqual([expect.objectContaining({ name: 'Shiftdesk', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: ['read', 'write'] })]);
    const app = [...fake.apps.values()][0]!;
    const url = new URL(started.authorizeUrl);
    expect(url.origin + url.pathname).toBe('https://social.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      scope: 'read write',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    // The secret half of the registration and the verifier never leave the core.
    expect(started.authorizeUrl).not.toContain(app.clientSecret);

    // A wrong code: Mastodon's own words, and the sign-in stays open for the right one.
    await expect(finish(started.signInId, 'not-the-code')).rejects.toMatchObject({
      name: 'SignInFailed',
      message: `Mastodon (social.example) did not accept the code: ${OAUTH_ERRORS.invalid_grant}`,
    });
    const code = fake.codeFor(url);
    await expect(finish(started.signInId, `  ${code}\n`)).resolves.toEqual({
      signInId: started.signInId,
      handle: '@brand@social.example',
      name: 'Aurora Air',
      instanceUrl: 'https://social.example',
      expiresAt: clock.now() + SIGN_IN_TTL_MS,
    });
    const exchange = fake.tokenRequests.at(-1)!;
    expect(exchange).toEqual({
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      scope: 'read write',
    });
    expect(pkceChallenge(exchange.code_verifier!)).toBe(url.searchParams.get('code_challenge'));
    const [token] = fake.liveTokens();
    expect(token).toBeDefined();
    await expect(finish(started.signInId, code)).rejects.toMatchObject({ name: 'Conflict', message: /already finished/ });

    const account = (await call('addAccount', { ...draft, signInId: started.signInId })) as { id: string; handle: string; secretBackend: string };
    expect(account).toMatchObject({ handle: '@brand@social.example', secretBackend: 'memory' });
    // Only the token, only under the account's key: no client secret kept anywhere.
    expect([...secrets.entries]).toEqual([[secretKey(account.id), token]]);
    await expect(call('addAccount', { ...draft, signInId: started.signInId })).rejects.toMatchObject({ name: 'SignInExpired' });

    // The token works: the account syncs with it.
    await until(() => core.handlers.listConversations({ queue: `account:${account.id}`, limit: 10 }), (l) => l.length === 1);

    // Each sign-in registers anew (see mastodonSignIns.ts).
    await start();
    expect(fake.apps.size).toBe(2);

    await core.stop();
    for (const secret of [token!, app.clientSecret, exchange.code_verifier!]) {
      for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(secret), file).toBe(false);
      expect(logs.join('\n')).not.toContain(secret);
      expect(emitted.join('\n')).not.toContain(secret);
      expect(answers.join('\n')).not.toContain(secret);
    }
    expect(logs.join('\n')).toContain('mastodon sign-in finished');
  });

  it('refuses a code bound to another PKCE challenge, as an intercepted code would be', async () => {
    const { fake, start, finish } = setUp();
    const started = await start();
    const intercepted = new URL(started.authorizeUrl);
    intercepted.searchParams.set('code_challenge', pkceChallenge('the-attacker-s-verifier-the-attacker-s-verifier'));
    await expect(finish(started.signInId, fake.codeFor(intercepted))).rejects.toMatchObject({
      name: 'SignInFailed',
      message: `Mastodon (social.example) did not accept the code: ${OAUTH_ERRORS.invalid_grant}`,
    });
    expect(fake.issuedTokens).toEqual([]);
    await expect(finish(started.signInId, fake.codeFor(started.authorizeUrl))).resolves.toMatchObject({ handle: '@brand@social.example' });
  });

  it('closes a sign-in after 10 minutes, with a clear message, and revokes a token nobody used', async () => {
    const { fake, clock, call, start, finish, draft } = setUp();
    const late = await start();
    const code = fake.codeFor(late.authorizeUrl);
    clock.advance(SIGN_IN_TTL_MS);
    await expect(finish(late.signInId, code)).rejects.toMatchObject({
      name: 'SignInExpired',
      message: 'This sign-in expired: it stays open for 10 minutes. Start again with “Sign in with social.example”.',
    });
    await expect(finish(late.signInId, code)).rejects.toMatchObject({ name: 'SignInExpired', message: /no longer open/ });

    // Finished, but the account was not added in time: the token is revoked on the instance.
    const finished = await start();
    await finish(finished.signInId, fake.codeFor(finished.authorizeUrl));
    expect(fake.liveTokens()).toHaveLength(1);
    clock.advance(SIGN_IN_TTL_MS - 1);
    clock.advance(1);
    await expect(call('addAccount', { ...draft, signInId: finished.signInId })).rejects.toMatchObject({ name: 'SignInExpired', message: /expired/ });
    await until(() => fake.liveTokens(), (t) => t.length === 0);
  });

  it('signs an account in again only as the same account', async () => {
    const { fake, secrets, core, call, start, finish, draft } = setUp();
    const account = (await call('addAccount', { ...draft, secret: fake.token })) as { id: string };
    fake.token = 'revoked-on-the-instance';
    await until(() => core.handlers.getSyncStatus({}), (s) => s.accounts.find((a) => a.accountId === account.id)?.health === 'needs-auth');

    // Signed in as someone else in the browser: refused, and that token revoked at once.
    fake.signedInAs = fake.account('ana', 'Ana Costa');
    const wrong = await start({ accountId: account.id });
    expect(wrong.instanceUrl).toBe('https://social.example');
    await expect(finish(wrong.signInId, fake.codeFor(wrong.authorizeUrl))).rejects.toMatchObject({
      name: 'WrongAccount',
      message: 'You signed in as @ana@social.example, but this account is @brand@social.example. On social.example, sign in as @brand@social.example (sign out of @ana@social.example first), then start again.',
    });
    await until(() => fake.liveTokens(), (t) => t.length === 0);
    await expect(finish(wrong.signInId, 'anything')).rejects.toMatchObject({ name: 'SignInExpired' });

    // A sign-in started to add an account does not renew this one, nor the other way round.
    fake.signedInAs = null;
    const forAdding = await start();
    await finish(forAdding.signInId, fake.codeFor(forAdding.authorizeUrl));
    await expect(call('updateAccount', { id: account.id, name: 'Aurora', role: 'support', signInId: forAdding.signInId })).rejects.toMatchObject({ name: 'InvalidInput', message: /started to add an account/ });

    const right = await start({ accountId: account.id });
    await finish(right.signInId, fake.codeFor(right.authorizeUrl));
    await expect(call('addAccount', { ...draft, signInId: right.signInId })).rejects.toMatchObject({ name: 'InvalidInput', message: /started for another account/ });
    await call('updateAccount', { id: account.id, name: 'Aurora', role: 'support', signInId: right.signInId });
    expect(secrets.entries.get(secretKey(account.id))).toBe(fake.liveTokens().at(-1));
    await until(() => core.handlers.getSyncStatus({}), (s) => s.accounts.find((a) => a.accountId === account.id)?.health === 'online');
    await expect(call('updateAccount', { id: account.id, name: 'Aurora', role: 'support', signInId: right.signInId })).rejects.toMatchObject({ name: 'SignInExpired' });
  });

  it('forgets a cancelled sign-in and revokes the token it obtained', async () => {
    const { fake, core, call, start, finish, draft } = setUp();
    const started = await start();
    await finish(started.signInId, fake.codeFor(started.authorizeUrl));
    expect(fake.liveTokens()).toHaveLength(1);
    await expect(call('cancelMastodonSignIn', { signInId: started.signInId })).resolves.toBeNull();
    await until(() => fake.liveTokens(), (t) => t.length === 0);
    await expect(call('addAccount', { ...draft, signInId: started.signInId })).rejects.toMatchObject({ name: 'SignInExpired' });
    // Cancelling twice (or after the fact) is harmless.
    await expect(call('cancelMastodonSignIn', { signInId: started.signInId })).resolves.toBeNull();

    // Nothing survives a restart: the core revokes what it held as it stops.
    const open = await start();
    await finish(open.signInId, fake.codeFor(open.authorizeUrl));
    expect(fake.liveTokens()).toHaveLength(1);
    await core.stop();
    expect(fake.liveTokens()).toEqual([]);
  });

  it('checks what it is given and says what is wrong', async () => {
    const { call, start, draft } = setUp();
    const invalid = (message: RegExp) => ({ name: 'InvalidInput', message: expect.stringMatching(message) });
    await expect(call('startMastodonSignIn', {})).rejects.toMatchObject(invalid(/Give the instance address .* or the account/));
    await expect(call('startMastodonSignIn', { instanceUrl: 'social.example', accountId: 'a' })).rejects.toMatchObject(invalid(/Give the instance address/));
    await expect(call('startMastodonSignIn', { instanceUrl: '  ' })).rejects.toMatchObject(invalid(/Enter the instance address/));
    await expect(call('startMastodonSignIn', { instanceUrl: 'http://social.example' })).rejects.toMatchObject(invalid(/must start with https:\/\//));
    await expect(call('startMastodonSignIn', { accountId: 'nobody' })).rejects.toMatchObject({ name: 'NotFound' });
    await expect(call('finishMastodonSignIn', { signInId: 'abc', code: 'abc' })).rejects.toMatchObject(invalid(/Not a sign-in/));
    await expect(call('finishMastodonSignIn', { signInId: randomUUID(), code: '  ' })).rejects.toMatchObject(invalid(/Paste the code your instance showed you/));
    await expect(call('finishMastodonSignIn', { signInId: randomUUID(), code: 'Copy this code: abc' })).rejects.toMatchObject(invalid(/does not look like a code/));
    await expect(call('finishMastodonSignIn', { signInId: randomUUID(), code: 'abc' })).rejects.toMatchObject({ name: 'SignInExpired', message: /no longer open/ });

    const started = await start();
    await expect(call('addAccount', { ...draft, signInId: started.signInId })).rejects.toMatchObject(invalid(/Finish the sign-in first/));
    await expect(call('addAccount', { ...draft, signInId: started.signInId, secret: 'tok' })).rejects.toMatchObject(invalid(/either the access token or the sign-in, not both/));
    await expect(call('addAccount', draft)).rejects.toMatchObject(invalid(/Enter the access token, or sign in in the browser/));
    await expect(call('addAccount', { ...draft, connector: 'x', config: {}, signInId: started.signInId })).rejects.toMatchObject(invalid(/Only Mastodon accounts/));
    await expect(call('addAccount', { ...draft, config: { instanceUrl: 'other.example' }, signInId: started.signInId })).rejects.toMatchObject(
      invalid(/This sign-in is for social.example, not other.example/),
    );
  });

  it('says when an address is not a Mastodon instance, or cannot be reached', async () => {
    const { start } = setUp();
    server.use(
      http.post('https://blog.example/api/v1/apps', () => new HttpResponse('<!DOCTYPE html><title>Not Found</title>', { status: 404, statusText: 'Not Found' })),
      http.post('https://down.example/api/v1/apps', () => HttpResponse.error()),
    );
    await expect(start({ instanceUrl: 'blog.example' })).rejects.toMatchObject({ name: 'SignInFailed', message: /^Could not start signing in on blog.example: .*\(is blog.example a Mastodon instance\?\)$/ });
    await expect(start({ instanceUrl: 'down.example' })).rejects.toMatchObject({ name: 'SignInFailed', message: 'Could not start signing in on down.example: Cannot reach Mastodon (down.example)' });
  });
});

describe('PKCE', () => {
  it('derives the S256 challenge as RFC 7636 does (its appendix B example), from a fresh 43-character verifier', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
  });
});

describe("the Mastodon fake's OAuth provider answers as Mastodon does", () => {
  it('refuses a wrong client, a missing verifier and a used code', async () => {
    const fake = new MastodonFake();
    server.use(...fake.handlers());
    const app = (await (await fetch('https://social.example/api/v1/apps', { method: 'POST', body: new URLSearchParams({ client_name: 'T', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write' }) })).json()) as {
      client_id: string;
      client_secret: string;
    };
    const verifier = 'v'.repeat(43);
    const authorize = new URL('https://social.example/oauth/authorize');
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: app.client_id, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', scope: 'read write', code_challenge: pkceChallenge(verifier), code_challenge_method: 'S256' }).toString();
    const page = await fetch(authorize);
    const code = /value="([^"]+)"/.exec(await page.text())![1]!;
    const exchange = (form: Record<string, string>) =>
      fetch('https://social.example/oauth/token', {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', code_verifier: verifier, ...form }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string> }));
    expect(await exchange({ client_secret: 'wrong' })).toEqual({ status: 401, body: { error: 'invalid_client', error_description: OAUTH_ERRORS.invalid_client } });
    expect(await exchange({ code_verifier: '' })).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'Missing required parameter: code_verifier.' } });
    expect(await exchange({ redirect_uri: 'https://elsewhere.example/' })).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await exchange({})).toMatchObject({ status: 200, body: { token_type: 'Bearer', scope: 'read write', access_token: fake.liveTokens()[0] } });
    expect(await exchange({})).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: OAUTH_ERRORS.invalid_grant } });
    const wrongScope = new URL(authorize);
    wrongScope.searchParams.set('scope', 'read write push');
    expect(await fetch(wrongScope).then(async (r) => [r.status, await r.text()])).toEqual([400, expect.stringContaining(OAUTH_ERRORS.invalid_scope)]);
  });
});
