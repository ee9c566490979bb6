// The `.pg` chat figures run Warmline on the PostgreSQL server of DATABASE_URL, in a database of their own
// (created here and dropped after), so the benchmark neither reads nor disturbs what others keep there.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PostgresForBench {
  /** Environment for `warmline start`. */
  env: Record<string, string>;
  description: string;
  drop(): Promise<void>;
}

/** A fresh database on DATABASE_URL's server, or null when DATABASE_URL is not set. */
export async function postgresForBench(): Promise<PostgresForBench | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const name = `warmline_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    const benchUrl = new URL(url);
    benchUrl.pathname = `/${name}`;
    return {
      // Fan-out stays in-process: Redis pub/sub channels are shared by every Warmline on that Redis.
      env: { DATABASE_URL: benchUrl.toString() },
      description: `PostgreSQL ${rows[0]?.server_version ?? '(unknown version)'} on ${benchUrl.host}`,
      async drop() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
        } finally {
          await client.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}
