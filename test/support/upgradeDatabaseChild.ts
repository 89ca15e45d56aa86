// Run by migrationKill.test.ts in a child process (bundled by esbuild): opens the database at
// argv[2] the way the app does, upgrading it, so the parent can kill it at any point.
import { openDatabase } from '../../src/main/core/db/database';

const path = process.argv[2];
if (!path) throw new Error('usage: upgradeDatabaseChild <database file>');
// Loaded and waiting: the parent starts the upgrade with a line on stdin, so that node's start-up
// is outside the window it kills in (and overlaps the parent's checks of the previous run).
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdout.write('opening\n');
  openDatabase(path).close();
  process.stdout.write('upgraded\n');
  process.exit(0);
});
