import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../migrate.ts';
import type { Db, Sql } from '../sql.ts';
import { EmbeddedDatabaseFailed } from './failure.ts';

/** Where versions before the embedded PostgreSQL kept their database: PGlite's folder. */
export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pg');

export function hasPgliteData(dataDir: string): boolean {
  return fs.existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'));
}

const BATCH_ROWS = 500;

/** The PGlite calls the move uses, so the package is loaded only when there is something to move. */
interface Lite {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(fn: (tx: { query: Lite['query'] }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Moves an earlier version's PGlite database into the embedded PostgreSQL, in one transaction: the migrations the
 * old database had, then every row of every table (foreign keys and triggers held off while they are copied, as a
 * restore does), then the sequences; each table's row count is compared before the commit. The old folder is kept
 * beside the new one as `pg.pglite-backup`. If anything fails, nothing is committed and the old folder stays where
 * it is, so the next start tries again.
 */
export async function upgradeFromPglite(dataDir: string, db: Db): Promise<void> {
  const from = pgliteDir(dataDir);
  const already = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = 'schema_migrations'",
  );
  if (already[0]!.n === 0) {
    const { PGlite } = await import('@electric-sql/pglite');
    const lite = (await PGlite.create({ dataDir: from })) as unknown as Lite;
    try {
      const moved = await copyAll(lite, db);
      process.stderr.write(
        `Moved the earlier embedded database (PGlite, ${from}) into PostgreSQL: ${moved.tables} tables, ${moved.rows} rows.\n`,
      );
    } catch (err) {
      throw new EmbeddedDatabaseFailed(
        `Moving the earlier embedded database (${from}) into PostgreSQL failed, and nothing was changed: ${(err as Error).message}`,
      );
    } finally {
      await lite.close();
    }
  }
  // Committed (now, or by a start that stopped before this rename): the old folder is only a backup from here on.
  fs.renameSync(from, backupName(from));
}

async function copyAll(lite: Lite, db: Db): Promise<{ tables: number; rows: number }> {
  const migrations = (await lite.query<{ name: string }>('select name from schema_migrations order by name')).rows.map(
    (r) => r.name,
  );
  const tables = (
    await lite.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
       order by 1`,
    )
  ).rows.map((r) => r.name);
  let rows = 0;
  await db.transaction(async (tx) => {
    await applyMigrations(tx, migrations);
    // Rows arrive table by table, not in the order their references need; as in pg_restore, checks wait.
    await tx.query('set local session_replication_role = replica');
    // schema_migrations was just filled by applyMigrations: its rows are the old ones, replaced with their dates.
    await tx.query('delete from schema_migrations');
    for (const table of tables) rows += await copyTable(lite, tx, table);
    const sequences = await lite.query<{ name: string; last: string | null }>(
      `select format('%I.%I', schemaname, sequencename) as name, last_value::text as last from pg_sequences`,
    );
    for (const s of sequences.rows) {
      if (s.last !== null) await tx.query('select setval($1::regclass, $2::bigint, true)', [s.name, s.last]);
    }
  });
  return { tables: tables.length, rows };
}

/** Copies one table's rows as JSON batches; returns how many, after checking both sides hold as many. */
async function copyTable(lite: Lite, tx: Sql, table: string): Promise<number> {
  const columns = await insertableColumns(lite, table);
  const missing = await tx.query<{ name: string }>(
    `select c from unnest($2::text[]) as c where not exists (
       select 1 from pg_attribute where attrelid = to_regclass($1) and attname = c and not attisdropped)`,
    [table, columns],
  );
  if (missing.length || !(await tx.query('select to_regclass($1) as t', [table]))[0]?.t) {
    throw new Error(
      `the table ${table} or its columns ${missing.map((m) => m.name).join(', ')} do not exist in the new database`,
    );
  }
  const list = columns.map(quoteIdent).join(', ');
  let copied = 0;
  await lite.transaction(async (ltx) => {
    await ltx.query(`declare upgrade_rows no scroll cursor for select row_to_json(t)::text as j from only ${table} t`);
    for (;;) {
      const batch = (await ltx.query<{ j: string }>(`fetch ${BATCH_ROWS} from upgrade_rows`)).rows;
      if (!batch.length) break;
      await tx.query(
        `insert into ${table} (${list}) overriding system value
         select ${list} from json_populate_recordset(null::${table}, $1::json)`,
        [`[${batch.map((r) => r.j).join(',')}]`],
      );
      copied += batch.length;
    }
    await ltx.query('close upgrade_rows');
  });
  const [count] = await tx.query<{ n: number }>(`select count(*)::bigint as n from only ${table}`);
  if (Number(count!.n) !== copied) throw new Error(`${table} holds ${count!.n} rows after copying ${copied}`);
  return copied;
}

/** The columns that hold data of their own: generated columns are computed again by the new database. */
async function insertableColumns(lite: Lite, table: string): Promise<string[]> {
  const { rows } = await lite.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped
       and attgenerated = '' order by attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function backupName(from: string): string {
  const base = `${from}.pglite-backup`;
  return fs.existsSync(base) ? `${base}-${new Date().toISOString().replace(/[:.]/g, '-')}` : base;
}
