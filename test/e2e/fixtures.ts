// Runs the real app in browser mode (node out/main/web.js: the core, real SQLite, the demo
// simulator and the local server) in a fresh data folder for each test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect } from '@playwright/test';
import WebSocket from 'ws';
import { RPC_PATH } from '../../src/shared/rpc';
import { AccountsPage } from './pages/accountsPage';
import { InboxPage } from './pages/inboxPage';

const WEB_ENTRY = resolve(__dirname, '../../out/main/web.js');
export const ARTIFACTS = resolve(__dirname, 'artifacts');

export interface ConversationSla {
  id: number;
  customerId: number;
  status: string;
  dueAt: number;
  policyId: string | null;
  awaitingSince: number | null;
  firstRespondedAt: number | null;
}

export class WebApp {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-e2e-'));
  private process: ChildProcess | null = null;
  url = '';
  log = '';

  constructor(private readonly env: Record<string, string> = {}) {}

  /** Starts the host and resolves with the URL it prints (with its per-run token). */
  async start(): Promise<string> {
    const child = spawn(process.execPath, [WEB_ENTRY, '--port', '0', '--data-dir', this.dataDir, '--demo-rate', '0'], {
      env: { ...process.env, SHIFTDESK_DEMO_BREACH_SECONDS: '600', SHIFTDESK_POLL_INTERVAL_MS: '1000', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    child.stderr!.on('data', (d) => (this.log += d));
    this.url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}\n${this.log}`)), 20_000);
      child.stdout!.on('data', (d) => {
        out += d;
        const match = /running in browser mode at (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${out}\n${this.log}`)));
    });
    return this.url;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    this.process = null;
  }

  /** Kills the process without any chance to clean up, as a crash or power loss would. */
  crash(): Promise<void> {
    return this.stop('SIGKILL');
  }

  /**
   * Calls one contract method over the host's own JSON-RPC WebSocket (with the per-run token of
   * the page address), as an admin screen would: for setting up what a test needs.
   */
  async call<T = unknown>(method: string, params: unknown = {}): Promise<T> {
    const url = new URL(this.url);
    const socket = new WebSocket(`ws://${url.host}${RPC_PATH}?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`);
    try {
      await new Promise<void>((resolveOpen, reject) => {
        socket.once('open', () => resolveOpen());
        socket.once('error', reject);
      });
      return await new Promise<T>((resolveCall, reject) => {
        socket.on('message', (data) => {
          const reply = JSON.parse(String(data)) as { id?: number; result?: T; error?: { message: string } };
          if (reply.id !== 1) return;
          if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
          else resolveCall(reply.result as T);
        });
        socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
      });
    } finally {
      socket.close();
    }
  }

  /** The messages the app stored for an account, read from its replica. */
  storedMessages(accountId: string): string[] {
    const db = new Database(join(this.dataDir, 'shiftdesk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT body FROM messages WHERE account_id = ? ORDER BY created_at').pluck().all(accountId) as string[];
    } finally {
      db.close();
    }
  }

  /** A conversation's SLA state as the replica holds it. */
  conversationSla(id: number): ConversationSla {
    return this.readReplica((db) =>
      db
        .prepare(
          `SELECT id, customer_id AS customerId, status, due_at AS dueAt, policy_id AS policyId, awaiting_since AS awaitingSince,
                  first_responded_at AS firstRespondedAt
           FROM conversations WHERE id = ?`,
        )
        .get(id),
    ) as ConversationSla;
  }

  /** An account's open conversations awaiting their first response, of customers not marked VIP, oldest first. */
  awaitingFirstResponse(accountId: string): ConversationSla[] {
    return this.readReplica((db) =>
      db
        .prepare(
          `SELECT c.id, c.customer_id AS customerId, c.status, c.due_at AS dueAt, c.policy_id AS policyId, c.awaiting_since AS awaitingSince,
                  c.first_responded_at AS firstRespondedAt
           FROM conversations c JOIN customers u ON u.id = c.customer_id
           WHERE c.account_id = ? AND c.status = 'open' AND c.awaiting_since IS NOT NULL AND c.first_responded_at IS NULL AND u.vip = 0
           ORDER BY c.awaiting_since, c.id`,
        )
        .all(accountId),
    ) as ConversationSla[];
  }

  /** The SLA policies (id, name, calendar) in the order they are tried, and the business calendars as stored. */
  slaSettings(): { policies: { id: string; name: string; calendarId: string | null }[]; calendars: { id: string; name: string; calendar: unknown }[] } {
    return this.readReplica((db) => ({
      policies: db.prepare('SELECT id, name, calendar_id AS calendarId FROM sla_policies ORDER BY position, id').all() as never,
      calendars: (db.prepare('SELECT id, name, definition FROM business_calendars ORDER BY name').all() as { id: string; name: string; definition: string }[]).map(
        ({ id, name, definition }) => ({ id, name, calendar: JSON.parse(definition) as unknown }),
      ),
    }));
  }

  private readReplica<T>(read: (db: Database.Database) => T): T {
    const db = new Database(join(this.dataDir, 'shiftdesk.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  /** What the simulated platform received: the customer's side of the conversation. */
  platformPosts(accountId: string): { body: string; idempotencyKey: string }[] {
    const db = new Database(join(this.dataDir, 'demo-platforms.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT body, idempotency_key AS idempotencyKey FROM posts WHERE account_id = ? ORDER BY rowid').all(accountId) as never;
    } finally {
      db.close();
    }
  }
}

export const test = base.extend<{ webEnv: Record<string, string>; app: WebApp; inbox: InboxPage; accounts: AccountsPage }>({
  webEnv: [{}, { option: true }],
  app: async ({ webEnv }, use) => {
    const app = new WebApp(webEnv);
    await app.start();
    await use(app);
    await app.stop();
  },
  inbox: async ({ page, app }, use) => {
    const inbox = new InboxPage(page);
    await inbox.open(app.url);
    await use(inbox);
  },
  accounts: async ({ page }, use) => {
    await use(new AccountsPage(page));
  },
});

export { expect };
