// kill -9 during an upgrade: a child process opens (and so upgrades) a large database of the
// first schema, and is killed with SIGKILL at random points of it. After each kill the database
// must be sound, at the old schema or at the new one exactly, with its rows; then it upgrades
// normally.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/coreFixtures';
import { copyBeforeUpgradePath } from './copyBeforeUpgrade';
import { openDatabase, type Db } from './database';
import { migrationCases, T0 } from './migrationCases';
import { migrations } from './migrations';

const FROM = 1;
const LATEST = migrations.length;
const KILLS = 50;
const ROOT = resolve(import.meta.dirname, '../../../..');
const CONVERSATIONS = 2_000;
const MESSAGES_PER_CONVERSATION = 5;

let work: string;
let childScript: string;
let template: string;
let rowCounts: Record<string, number>;
const schemaAt = new Map<number, string[]>();

/** The schema as sqlite_master describes it, without where its pages happen to be. */
function schemaOf(db: Db): string[] {
  return (db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").raw().all() as unknown[][]).map((row) =>
    JSON.stringify(row),
  );
}

function countRows(db: Db): Record<string, number> {
  const tables = ['accounts', 'customers', 'conversations', 'messages', 'outbox', 'drafts'];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number]));
}

/** Schema 1 with the fixture rows and enough conversations and messages that building the later indexes takes a while. */
function buildTemplate(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(migrations[0]!.sql);
  db.pragma('user_version = 1');
  migrationCases[1]!.seed(db);
  const conversation = db.prepare(
    `INSERT INTO conversations (account_id, platform_id, kind, customer_id, status, priority, language, preview, created_at, last_message_at, awaiting_since, due_at)
     VALUES ('acc-x', ?, 'mention', 1, ?, 'normal', ?, 'Where is my parcel?', ?, ?, ?, ?)`,
  );
  const message = db.prepare(
    `INSERT INTO messages (conversation_id, account_id, platform_id, direction, customer_id, body, language, created_at, status)
     VALUES (?, 'acc-x', ?, ?, 1, 'Where is my parcel? Order number and a few more words to make it realistic', ?, ?, 'received')`,
  );
  const languages = ['en', 'pt', 'de', 'ja', null];
  db.transaction(() => {
    for (let c = 0; c < CONVERSATIONS; c++) {
      const at = T0 - c * 37_000;
      const id = conversation.run(`bulk-${c}`, c % 3 === 0 ? 'resolved' : 'open', languages[c % 5], at, at, at, at + 3_600_000).lastInsertRowid;
      for (let m = 0; m < MESSAGES_PER_CONVERSATION; m++) message.run(id, `bulk-${c}-${m}`, m % 2 === 0 ? 'in' : 'out', languages[c % 5], at + m * 1000);
    }
  })();
  db.close();
}

function referenceSchema(version: number): string[] {
  const db = new Database(':memory:');
  migrations.slice(0, version).forEach((m) => db.exec(m.sql));
  const schema = schemaOf(db);
  db.close();
  return schema;
}

interface Run {
  killed: boolean;
  /** From the child's "opening" to its exit or kill. */
  ms: number;
}

interface UpgradeChild {
  folder: string;
  path: string;
  /** Starts the upgrade; kills the child `killAfterMs` after it starts opening (never, when null). */
  upgrade(killAfterMs: number | null): Promise<Run>;
  stop(): void;
}

const children = new Set<UpgradeChild>();

/** A child loaded and waiting to upgrade its own copy of the template. */
async function startChild(): Promise<UpgradeChild> {
  const folder = mkdtempSync(join(work, 'run-'));
  const path = join(folder, 'shiftdesk.sqlite');
  copyFileSync(template, path);
  const proc = spawn(process.execPath, [childScript, path], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdin.on('error', () => {}); // a killed child closes its end
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    proc.on('error', reject);
    void exited.then(() => reject(new Error(`the upgrade child ended before it was ready: ${stderr}`)));
  });
  const child: UpgradeChild = {
    folder,
    path,
    async upgrade(killAfterMs) {
      let started = 0;
      proc.stdout.on('data', (chunk: Buffer) => {
        if (started || !chunk.toString().includes('opening')) return;
        started = performance.now();
        if (killAfterMs !== null) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      });
      proc.stdin.write('go\n');
      const { code, signal } = await exited;
      children.delete(child);
      if (signal === 'SIGKILL') return { killed: true, ms: performance.now() - started };
      if (code === 0) return { killed: false, ms: performance.now() - started };
      throw new Error(`the upgrade child failed (${code}): ${stderr}`);
    },
    stop: () => proc.kill('SIGKILL'),
  };
  children.add(child);
  return child;
}

beforeAll(async () => {
  work = tempDir('shiftdesk-migration-kill-');
  childScript = join(work, 'upgradeDatabaseChild.cjs');
  await build({
    entryPoints: [join(ROOT, 'test/support/upgradeDatabaseChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: childScript,
    external: ['better-sqlite3'],
    alias: { '@shared': join(ROOT, 'src/shared') },
    logLevel: 'warning',
  });
  template = join(work, 'template.sqlite');
  buildTemplate(template);
  const db = new Database(template, { readonly: true });
  rowCounts = countRows(db);
  db.close();
  schemaAt.set(FROM, referenceSchema(FROM));
  schemaAt.set(LATEST, referenceSchema(LATEST));
}, 60_000);

afterAll(() => {
  children.forEach((child) => child.stop());
  rmSync(work, { recursive: true, force: true });
});

describe('kill -9 during an upgrade', () => {
  it(`leaves schema ${FROM} or the latest, never between, at ${KILLS} random points; then upgrades normally`, async () => {
    // How long an undisturbed upgrade takes here, so the kills spread over all of it.
    const undisturbed = await (await startChild()).upgrade(null);

    const outcomes = { [FROM]: 0, [LATEST]: 0, copyInterrupted: 0, reopened: 0 };
    let kills = 0;
    let next = startChild();
    for (let i = 0; kills < KILLS; i++) {
      expect(i, 'most runs are killed before they end').toBeLessThan(KILLS * 2);
      const { folder, path, upgrade } = await next;
      const run = await upgrade(Math.random() * undisturbed.ms);
      if (run.killed) kills++;
      next = startChild();

      const db = new Database(path);
      expect(db.pragma('integrity_check', { simple: true }), `kill ${i} after ${run.ms.toFixed(0)} ms`).toBe('ok');
      const version = db.pragma('user_version', { simple: true }) as number;
      expect([FROM, LATEST], `kill ${i}: schema ${version}`).toContain(version);
      expect(schemaOf(db), `kill ${i}: the schema is exactly that of version ${version}`).toEqual(schemaAt.get(version));
      expect(countRows(db)).toEqual(rowCounts);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
      outcomes[version]!++;
      const copyInterrupted = readdirSync(folder).some((name) => name.endsWith('.partial'));
      if (copyInterrupted) outcomes.copyInterrupted++;

      // Opening it as the app does completes the upgrade; checked on a sample to keep the test fast.
      if (i % 10 === 0 || (copyInterrupted && outcomes.copyInterrupted === 1)) {
        const reopened = openDatabase(path);
        expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST);
        expect(schemaOf(reopened)).toEqual(schemaAt.get(LATEST));
        expect(countRows(reopened)).toEqual(rowCounts);
        reopened.close();
        expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
        const copy = new Database(copyBeforeUpgradePath(path, FROM), { readonly: true });
        expect(copy.pragma('user_version', { simple: true })).toBe(FROM);
        expect(countRows(copy)).toEqual(rowCounts);
        copy.close();
        outcomes.reopened++;
      }
      rmSync(folder, { recursive: true, force: true });
    }
    (await next).stop();
    console.log(
      `kill -9 during an upgrade of ${undisturbed.ms.toFixed(0)} ms: ${kills} kills; left at schema ${FROM}: ${outcomes[FROM]} ` +
        `(${outcomes.copyInterrupted} while copying), at ${LATEST}: ${outcomes[LATEST]}; ${outcomes.reopened} then opened and upgraded`,
    );
    expect(outcomes[FROM], 'some kills interrupted the upgrade').toBeGreaterThan(0);
  }, 120_000);
});
