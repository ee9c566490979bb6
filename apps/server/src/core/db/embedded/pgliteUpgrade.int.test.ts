import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../client.ts';
import { applyMigrations, migrate } from '../migrate.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const MIGRATIONS = fs
  .readdirSync(path.join(import.meta.dirname, '../migrations'))
  .filter((f) => f.endsWith('.sql'))
  .sort();
/** The last version on PGlite had these migrations, one short of its own newest (which the upgrade then applies). */
const ON_PGLITE = MIGRATIONS.filter((f) => f < '008_identity_indexes.sql');
const SINCE = MIGRATIONS.slice(ON_PGLITE.length);

/** A data directory as an earlier version left it: PGlite in `<dataDir>/pg`, with the migrations of its time. */
async function oldDataDir(write: (lite: PGlite) => Promise<void>): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-pglite-upgrade-'));
  dirs.push(dataDir);
  const lite = await PGlite.create({ dataDir: path.join(dataDir, 'pg') });
  await lite.transaction((tx) =>
    applyMigrations(
      {
        query: async (text, params) => (await tx.query(text, params)).rows as never[],
        exec: async (script) => void (await tx.exec(script)),
      },
      ON_PGLITE,
    ),
  );
  await write(lite);
  await lite.close();
  return dataDir;
}

async function writeConversation(lite: PGlite) {
  await lite.exec(`
    insert into instance (secret_key) values ('old-secret');
    insert into workspaces (id, name, key, allowed_origins)
      values ('00000000-0000-4000-8000-000000000001', 'Juniper & Rye', 'wk_old', '{https://shop.example,https://b.example}');
    insert into customers (id, workspace_id, name, email)
      values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Zoë Ødegaard', 'zoe@example.com');
    insert into conversations (id, workspace_id, customer_id, last_seq)
      values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 3);`);
  for (let seq = 1; seq <= 3; seq++) {
    await lite.query(
      `insert into entries (workspace_id, conversation_id, seq, kind, direction, body, author_kind, event_data, client_id)
       values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', $1, 'message', 'in', $2,
         'customer', $3, gen_random_uuid())`,
      [seq, `message ${seq}: où est ma commande? 📦 "quoted" \\ back`, { n: seq, tags: ['a', 'b'] }],
    );
  }
}

describe('upgrading from the PGlite data directory of an earlier version', () => {
  let db: Db | undefined;
  afterAll(() => db?.close());

  it('moves every row into PostgreSQL, keeps the old folder as a backup, and goes on numbering where it stopped', async () => {
    const dataDir = await oldDataDir(writeConversation);
    db = await openDb({ dataDir });
    expect(await migrate(db)).toEqual(SINCE);
    expect(SINCE[0]).toBe('008_identity_indexes.sql');

    expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg.pglite-backup', 'PG_VERSION'))).toBe(true);
    expect(await db.query('select secret_key from instance')).toEqual([{ secret_key: 'old-secret' }]);
    expect(await db.query('select allowed_origins from workspaces')).toEqual([
      { allowed_origins: ['https://shop.example', 'https://b.example'] },
    ]);
    const entries = await db.query<{ id: number; seq: number; body: string; event_data: unknown }>(
      'select id, seq, body, event_data from entries order by seq',
    );
    expect(entries.map((e) => [e.seq, e.body, e.event_data])).toEqual(
      [1, 2, 3].map((n) => [n, `message ${n}: où est ma commande? 📦 "quoted" \\ back`, { n, tags: ['a', 'b'] }]),
    );
    // Generated columns are computed again; the identity sequence continues after the copied rows.
    expect(await db.query("select count(*)::int as n from customers where search_vector @@ 'zoë'::tsquery")).toEqual([{ n: 1 }]);
    const [next] = await db.query<{ id: number }>(
      `insert into entries (workspace_id, conversation_id, seq, kind, body, author_kind)
       select workspace_id, id, 4, 'note', 'after the upgrade', 'system' from conversations returning id`,
    );
    expect(next!.id).toBeGreaterThan(Math.max(...entries.map((e) => e.id)));
    const names = await db.query<{ name: string }>('select name from schema_migrations order by name');
    expect(names).toHaveLength(fs.readdirSync(path.join(import.meta.dirname, '../migrations')).length);
  }, 120_000);

  it('changes nothing when the old database cannot be moved, and says so', async () => {
    const dataDir = await oldDataDir(async (lite) => {
      await writeConversation(lite);
      await lite.query("insert into schema_migrations (name) values ('999_from_a_newer_version.sql')");
    });
    await expect(openDb({ dataDir })).rejects.toThrow(/Moving the earlier embedded database .* failed, and nothing was changed/);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'pg.pglite-backup'))).toBe(false);
  }, 120_000);
});
