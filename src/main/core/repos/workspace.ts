// Settings, agents, accounts and SLA policies: the small tables that describe the workspace.
import type { Account, AccountRole, Agent, Platform } from '@shared/domain';
import { isUiLanguage, type UiLanguage } from '@shared/uiLanguages';
import type { Db } from '../db/database';

export interface NewAccount {
  id: string;
  platform: Platform;
  name: string;
  handle: string;
  role: AccountRole;
  connector: string;
  config?: Record<string, unknown>;
  secretBackend?: string | null;
}

export function createWorkspaceRepo(db: Db) {
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const agentColumns = 'id, name, time_zone AS timeZone, is_self AS isSelf, role, working_calendar_id AS workingCalendarId, quiet_until AS quietUntil, ui_language AS uiLanguage';
  const setPreferencesStmt = db.prepare<{ id: string; role: string; workingCalendarId: string | null; quietUntil: number | null }>(
    'UPDATE agents SET role = @role, working_calendar_id = @workingCalendarId, quiet_until = @quietUntil WHERE id = @id',
  );
  const setUiLanguageStmt = db.prepare<[UiLanguage | null, string]>('UPDATE agents SET ui_language = ? WHERE id = ?');
  const listAgents = db.prepare<[], Agent & { isSelf: number }>(`SELECT ${agentColumns} FROM agents ORDER BY is_self DESC, name`);
  const insertAgent = db.prepare(
    'INSERT INTO agents (id, name, time_zone, is_self, created_at) VALUES (@id, @name, @timeZone, @isSelf, @createdAt) ON CONFLICT (id) DO NOTHING',
  );
  const accountColumns = "id, platform, name, handle, role, connector, secret_backend AS secretBackend, json_extract(config, '$.replyLimit') AS replyLimit, region";
  const listAccounts = db.prepare<[], Account>(`SELECT ${accountColumns} FROM accounts ORDER BY position, name`);
  const getAccount = db.prepare<[string], Account>(`SELECT ${accountColumns} FROM accounts WHERE id = ?`);
  const getAccountConfig = db.prepare<[string], { config: string }>('SELECT config FROM accounts WHERE id = ?');
  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, platform, name, handle, role, connector, config, secret_backend, position, created_at)
     VALUES (@id, @platform, @name, @handle, @role, @connector, @config, @secretBackend, (SELECT COALESCE(MAX(position), 0) + 1 FROM accounts), @createdAt)
     ON CONFLICT (id) DO NOTHING`,
  );
  const updateAccountStmt = db.prepare<{ id: string; name: string; role: AccountRole }>('UPDATE accounts SET name = @name, role = @role WHERE id = @id');
  const setSecretBackendStmt = db.prepare<[string, string]>('UPDATE accounts SET secret_backend = ? WHERE id = ?');
  const removeAccountStmt = db.prepare<[string]>('DELETE FROM accounts WHERE id = ?');
  const setRegionStmt = db.prepare<[string | null, string]>('UPDATE accounts SET region = ? WHERE id = ?');

  // A language this version does not know (written by a newer one) reads as "follow the system".
  const toAgent = (row: Agent & { isSelf: number | boolean }): Agent => ({
    ...row,
    isSelf: Boolean(row.isSelf),
    uiLanguage: isUiLanguage(row.uiLanguage) ? row.uiLanguage : null,
  });

  return {
    setting: (key: string): string | null => getSetting.get(key)?.value ?? null,
    setSetting: (key: string, value: string) => void putSetting.run(key, value),
    agents: (): Agent[] => listAgents.all().map(toAgent),
    selfAgent(): Agent {
      const self = listAgents.all().map(toAgent).find((a) => a.isSelf);
      if (!self) throw new Error('The workspace has no agent for this desk');
      return self;
    },
    addAgent: (agent: Pick<Agent, 'id' | 'name' | 'timeZone' | 'isSelf'>, createdAt: number) =>
      void insertAgent.run({ id: agent.id, name: agent.name, timeZone: agent.timeZone, isSelf: agent.isSelf ? 1 : 0, createdAt }),
    setAgentPreferences: (id: string, p: Pick<Agent, 'role' | 'workingCalendarId' | 'quietUntil'>) => void setPreferencesStmt.run({ id, ...p }),
    setAgentUiLanguage: (id: string, language: UiLanguage | null) => void setUiLanguageStmt.run(language, id),
    accounts: (): Account[] => listAccounts.all(),
    account: (id: string): Account | null => getAccount.get(id) ?? null,
    accountConfig: (id: string): Record<string, unknown> => JSON.parse(getAccountConfig.get(id)?.config ?? '{}') as Record<string, unknown>,
    addAccount: (account: NewAccount, createdAt: number) =>
      void insertAccount.run({ secretBackend: null, ...account, config: JSON.stringify(account.config ?? {}), createdAt }),
    updateAccount: (id: string, fields: { name: string; role: AccountRole }) => void updateAccountStmt.run({ id, ...fields }),
    removeAccount: (id: string) => void removeAccountStmt.run(id),
    setSecretBackend: (id: string, backend: string) => void setSecretBackendStmt.run(backend, id),
    setAccountRegion: (id: string, region: string | null) => void setRegionStmt.run(region, id),
  };
}

export type WorkspaceRepo = ReturnType<typeof createWorkspaceRepo>;
