import { openEmbedded } from './embedded/openEmbedded.ts';
import { openPool } from './pool.ts';

export { isConnectionError } from './pool.ts';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Sql {
  /** `embedded`: the PostgreSQL Warmline started in its data directory; `postgres`: the server of DATABASE_URL. */
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens the PostgreSQL of `databaseUrl`, or else starts the embedded one in `<dataDir>/postgres` (created on first
 * run, an earlier version's PGlite data moved into it) and stops it again on close(). Both are the same pool.
 */
export async function openDb(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openPool({ connectionString: opts.databaseUrl }, 'postgres') : openEmbedded(opts.dataDir);
}
