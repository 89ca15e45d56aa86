// One running Shiftdesk per data folder: two engines syncing one replica would race.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '@shared/errors';

const LOCK_FILE = 'shiftdesk.lock';
/** Folders this process holds: the pid in the file cannot tell two engines of one process apart. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock (or a stale one left by a crash); returns its release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  if (held.has(path)) {
    throw new DeskError('DataDirInUse', `Shiftdesk is already using the data folder ${dataDir} in this process.`);
  }
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new DeskError(
        'DataDirInUse',
        `Another Shiftdesk (process ${holder}) is using the data folder ${dataDir}. Close it first, or choose another folder.`,
      );
    }
    writeFileSync(path, String(process.pid));
  }
  held.add(path);
  return () => {
    held.delete(path);
    rmSync(path, { force: true });
  };
}
