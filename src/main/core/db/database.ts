import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeskError } from '@shared/errors';
import { migrations as allMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends DeskError {
  constructor(path: string, found: number, supported: number) {
    super(
      'DatabaseTooNew',
      `The database at ${path} was written by a newer Shiftdesk (schema ${found}; this version knows up to ${supported}). ` +
        'Update Shiftdesk, or start it with another data folder. The file was not changed.',
    );
  }
}

export class DatabaseUnreadableError extends DeskError {
  constructor(path: string, cause: unknown) {
    super(
      'DatabaseUnreadable',
      `The database at ${path} cannot be opened (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'It may be damaged or not a Shiftdesk database. Move it aside to start fresh; the file was not changed.',
    );
  }
}

export function checkMigrationOrder(list: Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/** Opens (creating if needed) a Shiftdesk database and brings its schema up to date. */
export function openDatabase(path: string, migrations: Migration[] = allMigrations): Db {
  checkMigrationOrder(migrations);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: false });
    // Reading the schema version is the first real read: it fails on a file that is not SQLite.
    db.pragma('user_version', { simple: true });
  } catch (error) {
    throw new DatabaseUnreadableError(path, error);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations.length;
    if (version > latest) throw new DatabaseTooNewError(path, version, latest);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    for (const migration of migrations.slice(version)) {
      db.transaction(() => {
        db.exec(migration.sql);
        migration.backfill?.(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DeskError) throw error;
    throw new DatabaseUnreadableError(path, error);
  }
}
