// Mastodon sign-ins in the browser that are under way. The renderer only ever holds a sign-in's
// opaque id: the client registration, the PKCE verifier and, once the code is exchanged, the
// access token stay here, in memory, until the account service puts the token in the keychain
// (add or sign in again), the agent cancels, or the sign-in expires. Nothing here is written to
// SQLite or logged.
//
// One app registration per sign-in, as Tusky does: Mastodon's tokens do not expire and come
// without a refresh token, so the client secret is needed only for the exchange (and to revoke
// a token we drop); keeping it would be a secret with no use. A registration cached per instance
// could also go stale where Shiftdesk cannot see it (deleted by the instance's admin, or by
// Mastodon's vacuum of applications without tokens), and the agent would meet the error on the
// instance's page in the browser. Registrations of abandoned sign-ins hold no token and are
// removed by that vacuum after a day.
import { randomUUID } from 'node:crypto';
import { conflict, DeskError, invalidInput } from '@shared/errors';
import { ConnectorError, MalformedPayloadError, RejectedError, type ConnectedIdentity } from '../connectors/connector';
import { createMastodonConnector } from '../connectors/mastodon/mastodonConnector';
import { createMastodonOAuth, createPkce, type MastodonClient, type MastodonOAuth } from '../connectors/mastodon/mastodonOAuth';
import type { Clock, Logger } from '../ports';

/** How long a sign-in stays open: to paste the code, then again to add the account. */
export const SIGN_IN_TTL_MS = 10 * 60_000;
/** Open sign-ins kept at most; starting another forgets the oldest. */
export const MAX_OPEN_SIGN_INS = 20;
/** When the core stops, how long it waits for the instances to revoke unused tokens. */
const REVOKE_ON_STOP_MS = 3_000;

export interface StartedSignIn {
  signInId: string;
  /** For the system browser: the instance's authorization page. */
  authorizeUrl: string;
  instanceUrl: string;
  expiresAt: number;
}

export interface FinishedSignIn {
  signInId: string;
  /** Whose account the token is for. */
  handle: string;
  name: string;
  instanceUrl: string;
  /** By when the account must be added (or signed in again) with it. */
  expiresAt: number;
}

/** The account a sign-in renews (Sign in again): the new token must be this account's. */
export interface RenewedAccount {
  id: string;
  handle: string;
}

interface SignIn {
  oauth: MastodonOAuth;
  renews: RenewedAccount | null;
  client: MastodonClient;
  verifier: string;
  expiresAt: number;
  exchanging: boolean;
  token: string | null;
  /** Closes the sign-in when it expires, though nobody asks about it again. */
  timer: ReturnType<typeof setTimeout>;
}

export interface MastodonSignInsDeps {
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  ttlMs?: number;
}

/** Why a request failed: the instance's own words where it gave some (Mastodon's error_description). */
const reasonOf = (error: unknown): string =>
  error instanceof ConnectorError ? (error.detail ?? error.message) : error instanceof Error ? error.message : String(error);

/** A failure of the instance, after what we tried. */
function signInFailed(what: string, error: unknown, hint = ''): DeskError {
  if (error instanceof DeskError) return error;
  return new DeskError('SignInFailed', `${what}: ${reasonOf(error)}${hint}`);
}

export class MastodonSignIns {
  private readonly open = new Map<string, SignIn>();
  private readonly ttlMs: number;

  constructor(private readonly deps: MastodonSignInsDeps) {
    this.ttlMs = deps.ttlMs ?? SIGN_IN_TTL_MS;
  }

  /** Registers Shiftdesk on the instance and returns the page where the agent authorizes it. */
  async start(instanceUrl: string, renews: RenewedAccount | null): Promise<StartedSignIn> {
    this.sweep();
    const oauth = createMastodonOAuth(instanceUrl, this.deps.fetch);
    let client: MastodonClient;
    try {
      client = await oauth.register();
    } catch (error) {
      const notMastodon = error instanceof RejectedError || error instanceof MalformedPayloadError;
      throw signInFailed(`Could not start signing in on ${oauth.host}`, error, notMastodon ? ` (is ${oauth.host} a Mastodon instance?)` : '');
    }
    const pkce = createPkce();
    const signInId = randomUUID();
    const expiresAt = this.deps.clock.now() + this.ttlMs;
    while (this.open.size >= MAX_OPEN_SIGN_INS) void this.discard(this.open.keys().next().value!);
    this.open.set(signInId, { oauth, renews, client, verifier: pkce.verifier, expiresAt, exchanging: false, token: null, timer: this.expiry() });
    this.deps.logger.info('mastodon sign-in started', { instance: oauth.host, renews: renews?.id ?? null });
    return { signInId, authorizeUrl: oauth.authorizeUrl(client, pkce), instanceUrl, expiresAt };
  }

  /**
   * Exchanges the code the instance showed for a token and reads whose it is. A code the
   * instance refuses leaves the sign-in open for another try. Renewing an account, a token of
   * any other account is revoked and refused.
   */
  async finish(signInId: string, code: string): Promise<FinishedSignIn> {
    const signIn = this.live(signInId);
    const { oauth } = signIn;
    if (signIn.token !== null) throw conflict('This sign-in is already finished: add the account with it, or start again');
    if (signIn.exchanging) throw conflict('This sign-in is being finished already');
    signIn.exchanging = true;
    let token: string;
    try {
      token = await oauth.exchange(signIn.client, code, signIn.verifier);
    } catch (error) {
      this.deps.logger.info('mastodon sign-in code refused', { instance: oauth.host, error: error instanceof Error ? error.name : 'Error' });
      throw signInFailed(`Mastodon (${oauth.host}) did not accept the code`, error);
    } finally {
      signIn.exchanging = false;
    }
    if (this.open.get(signInId) !== signIn) {
      // Cancelled (or forgotten) while the instance answered: the token has no use.
      void this.revoke(signIn, token);
      throw this.gone();
    }
    let identity: ConnectedIdentity;
    try {
      identity = await createMastodonConnector({ instanceUrl: oauth.instanceUrl }, token, this.deps.fetch).verify();
    } catch (error) {
      // The sign-in is closed (its token revoked): the renderer starts over on ConnectionFailed.
      void this.discard(signInId, token);
      throw new DeskError('ConnectionFailed', `Signed in, but could not read the account on ${oauth.host} (${reasonOf(error)}): start again`);
    }
    if (this.open.get(signInId) !== signIn) {
      void this.revoke(signIn, token);
      throw this.gone();
    }
    if (signIn.renews && identity.handle.toLowerCase() !== signIn.renews.handle.toLowerCase()) {
      void this.discard(signInId, token);
      throw new DeskError(
        'WrongAccount',
        `You signed in as ${identity.handle}, but this account is ${signIn.renews.handle}. On ${oauth.host}, sign in as ${signIn.renews.handle} (sign out of ${identity.handle} first), then start again.`,
      );
    }
    signIn.token = token;
    signIn.expiresAt = this.deps.clock.now() + this.ttlMs;
    clearTimeout(signIn.timer);
    signIn.timer = this.expiry();
    this.deps.logger.info('mastodon sign-in finished', { instance: oauth.host, handle: identity.handle });
    return { signInId, handle: identity.handle, name: identity.name, instanceUrl: oauth.instanceUrl, expiresAt: signIn.expiresAt };
  }

  /**
   * The token of a finished sign-in, for what it was started for: adding an account of this
   * instance (renews null) or renewing that account. It stays here until complete().
   */
  token(signInId: string, use: { instanceUrl: string; renews: string | null }): string {
    const signIn = this.live(signInId);
    if (signIn.oauth.instanceUrl !== use.instanceUrl) {
      throw invalidInput(`This sign-in is for ${signIn.oauth.host}, not ${new URL(use.instanceUrl).host}: start again`);
    }
    const renews = signIn.renews?.id ?? null;
    if (renews !== use.renews) {
      throw invalidInput(renews === null ? 'This sign-in was started to add an account' : 'This sign-in was started for another account');
    }
    if (signIn.token === null) throw invalidInput('Finish the sign-in first: paste the code your instance showed you');
    return signIn.token;
  }

  /** The token is in the keychain: the sign-in is over (its token stays valid). */
  complete(signInId: string): void {
    const signIn = this.open.get(signInId);
    if (signIn) clearTimeout(signIn.timer);
    this.open.delete(signInId);
  }

  /** The agent gave up: forget the sign-in and revoke a token it obtained. Unknown ids are ignored. */
  cancel(signInId: string): void {
    if (this.open.has(signInId)) void this.discard(signInId);
  }

  /** The core stops: nothing survives a restart. Waits a little for unused tokens to be revoked. */
  async clear(): Promise<void> {
    const revoking = [...this.open.keys()].map((id) => this.discard(id));
    if (revoking.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(revoking), new Promise((resolve) => (timer = setTimeout(resolve, REVOKE_ON_STOP_MS)))]);
    clearTimeout(timer);
  }

  private live(signInId: string): SignIn {
    const signIn = this.open.get(signInId);
    if (!signIn) throw this.gone();
    if (this.deps.clock.now() >= signIn.expiresAt) {
      void this.discard(signInId);
      const minutes = Math.round(this.ttlMs / 60_000);
      throw new DeskError('SignInExpired', `This sign-in expired: it stays open for ${minutes} minutes. Start again with “Sign in with ${signIn.oauth.host}”.`);
    }
    return signIn;
  }

  private gone(): DeskError {
    return new DeskError('SignInExpired', 'This sign-in is no longer open (it expired, was cancelled or used, or Shiftdesk restarted): start again.');
  }

  private sweep(): void {
    const now = this.deps.clock.now();
    for (const [id, signIn] of [...this.open]) if (now >= signIn.expiresAt) void this.discard(id);
  }

  /** A timer that sweeps when a sign-in's time is up (a little after, so the clock agrees). */
  private expiry(): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.sweep(), this.ttlMs + 1_000);
    timer.unref?.();
    return timer;
  }

  private discard(signInId: string, token?: string): Promise<void> {
    const signIn = this.open.get(signInId);
    this.open.delete(signInId);
    if (!signIn) return Promise.resolve();
    clearTimeout(signIn.timer);
    const unused = token ?? signIn.token;
    return unused ? this.revoke(signIn, unused) : Promise.resolve();
  }

  /** Best effort: a token nobody will use should not stay valid on the instance. */
  private revoke(signIn: SignIn, token: string): Promise<void> {
    return signIn.oauth.revoke(signIn.client, token).catch((error: unknown) => {
      this.deps.logger.warn('could not revoke an unused Mastodon token', { instance: signIn.oauth.host, error: error instanceof Error ? error.name : 'Error' });
    });
  }
}
