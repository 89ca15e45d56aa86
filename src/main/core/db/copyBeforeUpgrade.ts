import { chmodSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

/** How many copies made before upgrades stay beside the database (the newest ones). */
export const COPIES_KEPT = 2;

export function copyBeforeUpgradePath(databasePath: string, version: number): string {
  return `${databasePath}.before-v${version}.sqlite`;
}

/**
 * Writes a consistent copy of the database at schema `version` beside it, so an agent can go
 * back to the Shiftdesk that wrote it, and removes older copies beyond COPIES_KEPT.
 * The copy is written under a temporary name and renamed: a crash never leaves a half copy
 * under the name an agent would restore.
 */
export function copyBeforeUpgrade(db: Database.Database, databasePath: string, version: number): string {
  const target = copyBeforeUpgradePath(databasePath, version);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    // Customer data: the copy is no more readable than the database itself.
    chmodSync(partial, statSync(databasePath).mode & 0o777);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  removeOlderCopies(databasePath, target);
  return target;
}

function removeOlderCopies(databasePath: string, keep: string): void {
  const folder = dirname(databasePath);
  const prefix = `${basename(databasePath)}.before-v`;
  const copies: { path: string; mtimeMs: number; version: number }[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(folder, name);
    // Left by a crash while copying: never a usable copy.
    if (name.endsWith('.partial')) rmSync(path, { force: true });
    else {
      const version = /^(\d+)\.sqlite$/.exec(name.slice(prefix.length))?.[1];
      if (version && path !== keep) copies.push({ path, mtimeMs: statSync(path).mtimeMs, version: Number(version) });
    }
  }
  copies
    .sort((a, b) => b.mtimeMs - a.mtimeMs || b.version - a.version)
    .slice(COPIES_KEPT - 1)
    .forEach((copy) => rmSync(copy.path, { force: true }));
}
