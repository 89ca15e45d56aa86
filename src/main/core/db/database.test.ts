import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/coreFixtures';
import { copyBeforeUpgradePath } from './copyBeforeUpgrade';
import { checkMigrationOrder, openDatabase } from './database';
import { migrations } from './migrations';

describe('openDatabase', () => {
  it('creates a file with every migration applied, WAL and foreign keys on', () => {
    const path = join(tempDir(), 'nested', 'desk.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'agents', 'canned_responses', 'conversations', 'customers', 'drafts', 'messages', 'messages_fts', 'outbox', 'shifts', 'sla_policies', 'sync_state']),
    );
    db.close();
  });

  it('reopens an up-to-date database without running migrations again', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('applies only the migrations a database has not seen, in order', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path, migrations.slice(0, 1)).close();
    const next = [...migrations, { version: migrations.length + 1, name: 'test column', sql: 'ALTER TABLE agents ADD COLUMN nickname TEXT' }];
    const db = openDatabase(path, next);
    expect(db.pragma('user_version', { simple: true })).toBe(next.length);
    expect(db.prepare('SELECT nickname FROM agents').all()).toEqual([]);
    db.close();
  });

  it('brings a database of schema 1 up to date, keeping its sync state', () => {
    const path = join(tempDir(), 'desk.sqlite');
    const raw = new Database(path);
    raw.exec(migrations[0]!.sql);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO accounts (id, platform, name, handle, role, connector, created_at) VALUES ('a', 'x', 'A', '@a', 'support', 'x', 0)").run();
    raw.prepare("INSERT INTO sync_state (account_id, cursor, last_synced_at) VALUES ('a', 'c1', 5)").run();
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT cursor, first_sync_started_at AS started, first_sync_messages AS n FROM sync_state').get()).toEqual({ cursor: 'c1', started: null, n: 0 });
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = join(tempDir(), 'desk.sqlite');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrowError(new RegExp(`newer Shiftdesk \\(schema 99; this version knows up to ${migrations.length}\\)`));
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dirname(path))).toEqual(['desk.sqlite']);
  });

  it('refuses a file that is not a database with a clear error, and leaves it untouched', () => {
    const path = join(tempDir(), 'desk.sqlite');
    writeFileSync(path, 'this is not a database, just text that someone saved here'.repeat(100));
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ name: 'DatabaseUnreadable', message: expect.stringMatching(/cannot be opened/) }));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rolls back a failing migration entirely', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path).close();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER); CREATE TABLE nope (' }];
    expect(() => openDatabase(path, broken)).toThrow();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ok_table'").pluck().get()).toBe(0);
    db.close();
  });

  it('upgrades in one transaction: a failure in the last pending migration leaves the old schema, none of the earlier ones applied', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path, migrations.slice(0, 10)).close();
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE nope (' }];
    expect(() => openDatabase(path, broken)).toThrowError(
      expect.objectContaining({ name: 'DatabaseUpgradeFailed', message: expect.stringMatching(new RegExp(`from schema 10 to ${broken.length}: migration ${broken.length} \\(broken\\) failed: .*still at schema 10`)) }),
    );
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(10);
    expect(raw.prepare("SELECT COUNT(*) FROM pragma_table_info('agents') WHERE name = 'ui_language'").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('agent_profiles', 'handovers', 'messages_inbound_at')").pluck().get()).toBe(0);
    raw.close();
  });

  it('rolls back an upgrade that would leave a row pointing at a missing one', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path).close();
    const dangling = [...migrations, { version: migrations.length + 1, name: 'dangling draft', sql: "INSERT INTO drafts (conversation_id, body, updated_at) VALUES (999, 'lost', 0)" }];
    expect(() => openDatabase(path, dangling)).toThrowError(expect.objectContaining({ name: 'DatabaseUpgradeFailed', message: expect.stringMatching(/1 row\(s\) would refer to missing rows \(first: drafts row \d+ → conversations\)/) }));
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT COUNT(*) FROM drafts').pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps a copy of an existing database at its old schema before upgrading it, the latest two only', () => {
    const path = join(tempDir(), 'desk.sqlite');
    const v1 = openDatabase(path, migrations.slice(0, 1));
    v1.exec("INSERT INTO settings (key, value) VALUES ('theme', 'dark')");
    v1.close();
    openDatabase(path, migrations.slice(0, 5)).close();
    const copy = new Database(copyBeforeUpgradePath(path, 1), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT value FROM settings').pluck().all()).toEqual(['dark']);
    copy.close();
    chmodSync(path, 0o600);
    openDatabase(path, migrations.slice(0, 9)).close();
    expect(statSync(copyBeforeUpgradePath(path, 5)).mode & 0o777, 'the copy is as private as the database').toBe(0o600);
    openDatabase(path).close();
    expect(readdirSync(dirname(path)).filter((name) => name.includes('.before-')).sort()).toEqual(['desk.sqlite.before-v5.sqlite', 'desk.sqlite.before-v9.sqlite']);
  });

  it('keeps no copy of a new database, nor of one already up to date', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path).close();
    openDatabase(path).close();
    expect(readdirSync(dirname(path)).filter((name) => name.includes('.before-'))).toEqual([]);
  });

  it('does not upgrade when the copy cannot be written, and says why', () => {
    const path = join(tempDir(), 'desk.sqlite');
    openDatabase(path, migrations.slice(0, 3)).close();
    mkdirSync(join(copyBeforeUpgradePath(path, 3), 'in-the-way'), { recursive: true });
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ name: 'DatabaseCopyFailed', message: expect.stringMatching(/could not write it .*not changed \(schema 3\)/) }));
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
    expect(readdirSync(dirname(path)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('checks that migration numbers run 1, 2, 3 … without gaps', () => {
    expect(() => checkMigrationOrder([{ version: 1, name: 'a', sql: '' }, { version: 3, name: 'c', sql: '' }])).toThrow(/expected 2/);
    expect(() => checkMigrationOrder(migrations)).not.toThrow();
  });
});
