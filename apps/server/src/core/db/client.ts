import fs from 'node:fs';
import pg from 'pg';
import { DatabaseUnavailable } from '../errors.ts';
import { openPgliteThread } from './pgliteThread.ts';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint and numeric as strings; counts in this codebase fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir`. */
export async function openDb(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** PGlite runs its statements synchronously: it gets a thread of its own, so sockets and SQL use a core each. */
function openPglite(dataDir: string): Promise<Db> {
  fs.mkdirSync(dataDir, { recursive: true });
  return openPgliteThread(`${dataDir}/pg`);
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const wrap = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      const res = await c.query(text, params as unknown[]).catch(unreachable);
      return res.rows as T[];
    },
    async exec(script: string) {
      await c.query(script).catch(unreachable);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect().catch(unreachable);
      // A connection that drops while checked out emits 'error' on the client: without a listener the process
      // would crash. The query under way rejects with it anyway, and release() discards the broken client.
      client.on('error', ignore);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        return unreachable(err);
      } finally {
        client.off('error', ignore);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const ignore = () => {};

/** SQLSTATE classes and codes that mean "the server is not there for us now", not "the query was wrong". */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|is not queryable/i;

/**
 * True when `err` says PostgreSQL could not be reached or dropped the connection (down, restarting, an admin
 * shutdown, too many connections): the request may succeed when retried, and no transaction was left half-done.
 */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || CONNECTION_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) {
    return true;
  }
  if (err instanceof AggregateError) return err.errors.some(isConnectionError);
  return CONNECTION_MESSAGES.test(err.message);
}

/** Rethrows `err`, as DatabaseUnavailable when it is a lost connection, so every transport answers "try again". */
function unreachable(err: unknown): never {
  if (err instanceof DatabaseUnavailable || !isConnectionError(err)) throw err;
  throw new DatabaseUnavailable((err as Error).message);
}
