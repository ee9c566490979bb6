import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkedKey, type FileStorage } from './fileStorage.ts';

/**
 * Files on this machine's disk, in `<dir>/<first two characters of the key>/<key>`: written to a temporary name and
 * renamed, so a crash never leaves half a file under a key.
 */
export function diskStorage(dir: string): FileStorage {
  const where = (key: string) => path.join(dir, checkedKey(key).slice(0, 2), key);
  return {
    kind: 'disk',
    async put(key, bytes) {
      const file = where(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomBytes(6).toString('hex')}.part`;
      await fs.writeFile(temporary, bytes, { flag: 'wx' });
      await fs.rename(temporary, file);
    },
    async get(key) {
      try {
        return await fs.readFile(where(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(where(key), { force: true });
    },
  };
}
