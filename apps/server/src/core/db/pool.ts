import pg from 'pg';
import { DatabaseUnavailable } from '../errors.ts';
import type { Db, Sql } from './sql.ts';

// PostgreSQL returns bigint and numeric as strings; counts in this codebase fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** A pool of 20 connections to PostgreSQL, whether Warmline started it (embedded) or it was given by DATABASE_URL. */
export function openPool(config: pg.PoolConfig, kind: Db['kind']): Db {
  const pool = new pg.Pool({ max: 20, connectionTimeoutMillis: 5000, ...config });
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
    kind,
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
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ENOENT',
]);
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
