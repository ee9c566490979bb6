import { openEmbedded } from './embedded/openEmbedded.ts';
import { openPool } from './pool.ts';

export { isConnectionError } from './pool.ts';

import type { Db } from './sql.ts';

export type { Db, Sql } from './sql.ts';

/**
 * Opens the PostgreSQL of `databaseUrl`, or else starts the embedded one in `<dataDir>/postgres` (created on first
 * run, an earlier version's PGlite data moved into it) and stops it again on close(). Both are the same pool.
 */
export async function openDb(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openPool({ connectionString: opts.databaseUrl }, 'postgres') : openEmbedded(opts.dataDir);
}
