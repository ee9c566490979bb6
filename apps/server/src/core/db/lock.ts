import fs from 'node:fs';
import path from 'node:path';

export class DataDirLocked extends Error {}

/**
 * Takes `<dataDir>/warmline.lock` for this process: a second Warmline on the same data directory would otherwise
 * start its own PostgreSQL on it (which PostgreSQL refuses less clearly) or stop the first one's as an orphan.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'warmline.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLocked(
          `The data directory ${dataDir} is in use by another Warmline process (pid ${holder}); lock file ${file}. Stop that process or set WARMLINE_DATA_DIR to another directory.`,
        );
      }
      // The holder died without cleaning up: the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLocked(`Could not take the lock file ${file}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
