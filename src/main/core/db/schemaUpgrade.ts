import type Database from 'better-sqlite3';
import { DeskError } from '@shared/errors';
import type { Migration } from './migrations';

export class DatabaseUpgradeFailedError extends DeskError {
  constructor(path: string, from: number, to: number, reason: string) {
    super(
      'DatabaseUpgradeFailed',
      `Shiftdesk could not upgrade the database at ${path} from schema ${from} to ${to}: ${reason}. ` +
        `Nothing was changed: it is still at schema ${from}.`,
    );
  }
}

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}

/**
 * Applies every pending migration in one transaction: after a crash, a failure or a kill the
 * database is at its old schema or at the new one, never between. Foreign keys are off while
 * migrations run (so one may rebuild a table, as SQLite's ALTER TABLE procedure requires) and
 * checked before the commit: a migration that would leave a dangling reference is rolled back.
 */
export function upgradeSchema(db: Database.Database, path: string, from: number, migrations: Migration[]): void {
  const pending = migrations.slice(from);
  if (pending.length === 0) return;
  const to = migrations.length;
  // Not settable inside a transaction; a no-op there, so it must come first.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        try {
          db.exec(migration.sql);
          migration.backfill?.(db);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new DatabaseUpgradeFailedError(path, from, to, `migration ${migration.version} (${migration.name}) failed: ${reason}`);
        }
      }
      const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
      if (violations.length > 0) {
        const first = violations[0]!;
        throw new DatabaseUpgradeFailedError(
          path,
          from,
          to,
          `${violations.length} row(s) would refer to missing rows (first: ${first.table} row ${first.rowid ?? '?'} → ${first.parent})`,
        );
      }
      db.pragma(`user_version = ${to}`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
