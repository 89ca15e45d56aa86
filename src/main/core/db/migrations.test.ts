import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/coreFixtures';
import { copyBeforeUpgradePath } from './copyBeforeUpgrade';
import { openDatabase, type Db } from './database';
import { migrationCases } from './migrationCases';
import { migrations } from './migrations';

const latest = migrations.length;

/** A database file at schema `version`, holding the seeds of migrations 1..version. */
function databaseAt(version: number): string {
  const path = join(tempDir('shiftdesk-migrations-'), 'shiftdesk.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.slice(0, version)) {
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
    migrationCases[migration.version]!.seed(db);
  }
  db.close();
  return path;
}

type Snapshot = Map<string, { columns: string[]; rows: Record<string, unknown>[] }>;

/** Every row of every ordinary table (virtual tables and their shadow tables are checked by searching). */
function snapshot(db: Db): Snapshot {
  const tables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return new Map(
    tables.map((table) => {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      return [table, { columns, rows: db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[] }];
    }),
  );
}

/** Rows of `before` are all in `db`, same values in every column they had, except where the migration says it transforms them. */
function expectKept(before: Snapshot, db: Db, transforms: string[] = []): void {
  const after = snapshot(db);
  for (const [table, { columns, rows }] of before) {
    if (rows.length === 0 || transforms.includes(table)) continue;
    expect(after.has(table), `table ${table} (${rows.length} rows) is gone`).toBe(true);
    const kept = columns.filter((column) => !transforms.includes(`${table}.${column}`));
    expect(after.get(table)!.columns, `columns of ${table}`).toEqual(expect.arrayContaining(kept));
    const project = (list: Record<string, unknown>[]) => list.map((row) => JSON.stringify(kept.map((column) => row[column]))).sort();
    expect(project(after.get(table)!.rows), `rows of ${table}`).toEqual(project(rows));
  }
}

function expectSound(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // The search index of migration 1 still finds what it held.
  expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'refu*' ORDER BY rowid").pluck().all()).toEqual([1]);
}

describe('migrations', () => {
  it('each has a case (seed and check) in migrationCases.ts', () => {
    const missing = migrations.filter((m) => !migrationCases[m.version]).map((m) => `${m.version} (${m.name})`);
    expect(missing, 'migrations without `N: { seed, check }` in migrationCases.ts').toEqual([]);
    expect(Object.keys(migrationCases).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const migration of migrations.slice(1)) {
    const { version, name } = migration;
    it(`${version} (${name}): upgrades schema ${version - 1} with its data, then on to the latest`, () => {
      const path = databaseAt(version - 1);
      const raw = new Database(path);
      const before = snapshot(raw);
      raw.close();

      const db = openDatabase(path, migrations.slice(0, version));
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      expectKept(before, db, migrationCases[version]!.transforms);
      migrationCases[version]!.check(db);
      expectSound(db);
      db.close();

      const upToDate = openDatabase(path);
      expect(upToDate.pragma('user_version', { simple: true })).toBe(latest);
      expectKept(before, upToDate, migrations.slice(version - 1).flatMap((m) => migrationCases[m.version]!.transforms ?? []));
      expectSound(upToDate);
      upToDate.close();
    });
  }

  it('upgrades a database of the first schema to the latest with its data intact, keeping a copy at schema 1', () => {
    const path = databaseAt(1);
    const raw = new Database(path);
    const before = snapshot(raw);
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expectKept(before, db, migrations.flatMap((m) => migrationCases[m.version]!.transforms ?? []));
    expectSound(db);
    db.close();
    const copy = new Database(copyBeforeUpgradePath(path, 1), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expectKept(before, copy);
    copy.close();
  });

  it('the seeds of every schema fit the latest one', () => {
    const path = databaseAt(latest);
    const db = openDatabase(path);
    expectSound(db);
    expect(db.prepare('SELECT COUNT(*) FROM handover_items').pluck().get()).toBeGreaterThan(0);
    db.close();
  });
});
