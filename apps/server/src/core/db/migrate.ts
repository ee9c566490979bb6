import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Sql } from './sql.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies every SQL file in migrations/ not yet applied, in name order; returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction((tx) => applyMigrations(tx));
}

/**
 * Inside `tx`, applies the migrations not yet applied, in name order, and returns their names: all of them, or
 * only those in `only` (which must all exist in this version).
 */
export async function applyMigrations(tx: Sql, only?: string[]): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const unknown = (only ?? []).filter((name) => !files.includes(name));
  if (unknown.length) throw new Error(`This version of Warmline does not have the migrations ${unknown.join(', ')}.`);
  // Serialises concurrent migrators (several nodes starting at once) on PostgreSQL.
  await tx.query('select pg_advisory_xact_lock(7203311)');
  await tx.query(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file) || (only && !only.includes(file))) continue;
    await tx.exec(fs.readFileSync(path.join(dir, file), 'utf8'));
    await tx.query('insert into schema_migrations (name) values ($1)', [file]);
    applied.push(file);
  }
  return applied;
}
