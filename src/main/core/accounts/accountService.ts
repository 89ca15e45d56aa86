// Adding, editing and removing platform accounts. Credentials go to the OS keychain (one entry
// per account under the service "Shiftdesk") and nowhere else: not SQLite, not logs, not events.
import { randomUUID } from 'node:crypto';
import type { Account, AccountRole } from '@shared/domain';
import { DeskError, invalidInput, notFound } from '@shared/errors';
import type { ConnectedIdentity, Connector } from '../connectors/connector';
import { CONNECTOR_KINDS, isConnectorKind } from '../connectors/registry';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Repos } from '../repos';
import type { FinishedSignIn, MastodonSignIns, StartedSignIn } from './mastodonSignIns';

export interface AccountDraft {
  connector: string;
  config: unknown;
  secret: string;
}

/** What the agent signs in with: a secret they typed, or a Mastodon sign-in in the browser they finished (one of them). */
export interface Credentials {
  secret?: string;
  signInId?: string;
}

export interface AccountServiceDeps {
  repos: Repos;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Mastodon sign-ins in the browser under way: their tokens wait there for add or update. */
  signIns: MastodonSignIns;
  /** A connected account's connector is ready: start syncing it. */
  onConnected: (accountId: string, connector: Connector) => void;
  /** An account is going away: stop syncing it. */
  onRemoved: (accountId: string) => Promise<void>;
  onChanged: () => void;
}

/** The keychain entry of an account. */
export const secretKey = (accountId: string) => `account:${accountId}`;

export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** A connector's settings, validated and normalised (e.g. the instance as an https origin). */
  private settings(connector: string, config: unknown) {
    if (!isConnectorKind(connector)) throw invalidInput(`There is no connector called ${connector}`);
    const kind = CONNECTOR_KINDS[connector];
    const parsed = kind.config.safeParse(config);
    if (!parsed.success) throw invalidInput(parsed.error.issues.map((i) => i.message).join('; '));
    return { config: parsed.data, kind };
  }

  private build(draft: AccountDraft) {
    const { config, kind } = this.settings(draft.connector, draft.config);
    return { connector: kind.create(config, draft.secret, this.deps.fetch), config, kind };
  }

  /**
   * The secret of an add or a sign-in again: the one the agent typed, or the token of the
   * Mastodon sign-in they finished for this instance (and, renewing, for this account).
   */
  private secretOf(connector: string, config: unknown, credentials: Credentials, renews: string | null): string {
    if (credentials.signInId !== undefined && credentials.secret !== undefined) throw invalidInput('Give either the access token or the sign-in, not both');
    if (credentials.signInId === undefined) {
      if (credentials.secret === undefined) throw invalidInput('Enter the access token, or sign in in the browser');
      return credentials.secret;
    }
    if (connector !== 'mastodon') throw invalidInput('Only Mastodon accounts sign in in the browser');
    const instanceUrl = String(this.settings(connector, config).config.instanceUrl);
    return this.deps.signIns.token(credentials.signInId, { instanceUrl, renews });
  }

  /**
   * Starts a Mastodon sign-in in the browser: on the instance the agent typed (to add an
   * account) or on an account's own instance (to sign it in again).
   */
  async startMastodonSignIn(target: { instanceUrl: string } | { accountId: string }): Promise<StartedSignIn> {
    if ('accountId' in target) {
      const account = this.deps.repos.workspace.account(target.accountId);
      if (!account) throw notFound(`Account ${target.accountId}`);
      if (account.connector !== 'mastodon') throw invalidInput(`${account.name} is not a Mastodon account: it cannot sign in in the browser`);
      const { config } = this.settings(account.connector, this.deps.repos.workspace.accountConfig(account.id));
      return await this.deps.signIns.start(String(config.instanceUrl), { id: account.id, handle: account.handle });
    }
    const { config } = this.settings('mastodon', { instanceUrl: target.instanceUrl });
    return await this.deps.signIns.start(String(config.instanceUrl), null);
  }

  finishMastodonSignIn(signInId: string, code: string): Promise<FinishedSignIn> {
    return this.deps.signIns.finish(signInId, code);
  }

  cancelMastodonSignIn(signInId: string): void {
    this.deps.signIns.cancel(signInId);
  }

  /** The account screen's connection test: whose credentials these are. */
  async test(draft: AccountDraft): Promise<ConnectedIdentity> {
    return await this.verified(this.build(draft).connector);
  }

  private async verified(connector: Connector): Promise<ConnectedIdentity> {
    try {
      return await connector.verify();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DeskError('ConnectionFailed', message);
    }
  }

  async add(draft: { connector: string; config: unknown; role: AccountRole; name?: string } & Credentials): Promise<Account> {
    const secret = this.secretOf(draft.connector, draft.config, draft, null);
    const { connector, config, kind } = this.build({ connector: draft.connector, config: draft.config, secret });
    const identity = await this.verified(connector);
    const id = randomUUID();
    const secretBackend = await this.deps.secrets.set(secretKey(id), secret);
    try {
      this.deps.repos.workspace.addAccount(
        {
          id,
          platform: kind.platform,
          name: draft.name?.trim() || identity.name,
          handle: identity.handle,
          role: draft.role,
          connector: draft.connector,
          config: identity.replyLimit ? { ...(config as object), replyLimit: identity.replyLimit } : config,
          secretBackend,
        },
        this.deps.clock.now(),
      );
    } catch (error) {
      await this.deps.secrets.delete(secretKey(id)).catch(() => false);
      throw error;
    }
    if (draft.signInId !== undefined) this.deps.signIns.complete(draft.signInId);
    this.deps.logger.info('account added', { accountId: id, connector: draft.connector, handle: identity.handle, signedInWith: draft.signInId !== undefined ? 'browser' : 'secret' });
    this.deps.onConnected(id, connector);
    this.deps.onChanged();
    return this.deps.repos.workspace.account(id)!;
  }

  /**
   * Name and role; new credentials (a secret, or a finished browser sign-in for this account)
   * replace the old ones after they passed the connection test.
   */
  async update(id: string, fields: { name: string; role: AccountRole } & Credentials): Promise<Account> {
    const account = this.deps.repos.workspace.account(id);
    if (!account) throw notFound(`Account ${id}`);
    if (fields.secret !== undefined || fields.signInId !== undefined) {
      const config = this.deps.repos.workspace.accountConfig(id);
      const secret = this.secretOf(account.connector, config, fields, id);
      const { connector } = this.build({ connector: account.connector, config, secret });
      await this.verified(connector);
      const secretBackend = await this.deps.secrets.set(secretKey(id), secret);
      this.deps.repos.workspace.setSecretBackend(id, secretBackend);
      if (fields.signInId !== undefined) this.deps.signIns.complete(fields.signInId);
      await this.deps.onRemoved(id);
      this.deps.onConnected(id, connector);
    }
    this.deps.repos.workspace.updateAccount(id, { name: fields.name.trim() || account.name, role: fields.role });
    this.deps.onChanged();
    return this.deps.repos.workspace.account(id)!;
  }

  async remove(id: string): Promise<void> {
    const account = this.deps.repos.workspace.account(id);
    if (!account) throw notFound(`Account ${id}`);
    await this.deps.onRemoved(id);
    if (account.secretBackend) await this.deps.secrets.delete(secretKey(id));
    const { repos } = this.deps;
    repos.db.transaction(() => {
      repos.messages.unindexAccount(id);
      repos.workspace.removeAccount(id);
    })();
    this.deps.logger.info('account removed', { accountId: id });
    this.deps.onChanged();
  }

  /** At start: a connector for every account whose credentials are in the keychain. */
  async connectAll(): Promise<void> {
    for (const account of this.deps.repos.workspace.accounts()) {
      if (!isConnectorKind(account.connector)) continue;
      const secret = await this.deps.secrets.get(secretKey(account.id)).catch((error: unknown) => {
        this.deps.logger.error('keychain unavailable', { accountId: account.id, error: String(error) });
        return null;
      });
      if (secret === null) continue;
      const { connector } = this.build({ connector: account.connector, config: this.deps.repos.workspace.accountConfig(account.id), secret });
      this.deps.onConnected(account.id, connector);
    }
  }
}
