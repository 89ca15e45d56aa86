// Adding, editing and removing platform accounts. Credentials go to the OS keychain (one entry
// per account under the service "Shiftdesk") and nowhere else: not SQLite, not logs, not events.
import { randomUUID } from 'node:crypto';
import type { Account, AccountRole } from '@shared/domain';
import { DeskError, invalidInput, notFound } from '@shared/errors';
import type { ConnectedIdentity, Connector } from '../connectors/connector';
import { CONNECTOR_KINDS, isConnectorKind } from '../connectors/registry';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Repos } from '../repos';

export interface AccountDraft {
  connector: string;
  config: unknown;
  secret: string;
}

export interface AccountServiceDeps {
  repos: Repos;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
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

  private build(draft: AccountDraft) {
    if (!isConnectorKind(draft.connector)) throw invalidInput(`There is no connector called ${draft.connector}`);
    const kind = CONNECTOR_KINDS[draft.connector];
    const parsed = kind.config.safeParse(draft.config);
    if (!parsed.success) throw invalidInput(parsed.error.issues.map((i) => i.message).join('; '));
    return { connector: kind.create(parsed.data, draft.secret, this.deps.fetch), config: parsed.data, kind };
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

  async add(draft: AccountDraft & { role: AccountRole; name?: string }): Promise<Account> {
    const { connector, config, kind } = this.build(draft);
    const identity = await this.verified(connector);
    const id = randomUUID();
    const secretBackend = await this.deps.secrets.set(secretKey(id), draft.secret);
    try {
      this.deps.repos.workspace.addAccount(
        {
          id,
          platform: kind.platform,
          name: draft.name?.trim() || identity.name,
          handle: identity.handle,
          role: draft.role,
          connector: draft.connector,
          config,
          secretBackend,
        },
        this.deps.clock.now(),
      );
    } catch (error) {
      await this.deps.secrets.delete(secretKey(id)).catch(() => false);
      throw error;
    }
    this.deps.logger.info('account added', { accountId: id, connector: draft.connector, handle: identity.handle });
    this.deps.onConnected(id, connector);
    this.deps.onChanged();
    return this.deps.repos.workspace.account(id)!;
  }

  /** Name and role; a new secret (after it passed the connection test) replaces the old one. */
  async update(id: string, fields: { name: string; role: AccountRole; secret?: string }): Promise<Account> {
    const account = this.deps.repos.workspace.account(id);
    if (!account) throw notFound(`Account ${id}`);
    if (fields.secret !== undefined) {
      const { connector } = this.build({ connector: account.connector, config: this.deps.repos.workspace.accountConfig(id), secret: fields.secret });
      await this.verified(connector);
      const secretBackend = await this.deps.secrets.set(secretKey(id), fields.secret);
      this.deps.repos.workspace.setSecretBackend(id, secretBackend);
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
