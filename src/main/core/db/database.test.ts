import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/coreFixtures';
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

  it('checks that migration numbers run 1, 2, 3 … without gaps', () => {
    expect(() => checkMigrationOrder([{ version: 1, name: 'a', sql: '' }, { version: 3, name: 'c', sql: '' }])).toThrow(/expected 2/);
    expect(() => checkMigrationOrder(migrations)).not.toThrow();
  });
});
