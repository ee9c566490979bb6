import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findEngines } from './prerequisites.ts';
import { freePort, portOpen, type Service, startService, waitFor } from './processes.ts';

/** A PostgreSQL server of the test's own: a fresh cluster in a temporary folder, on a free port. */
export interface Postgres {
  url: string;
  port: number;
  /** Runs one statement on the test's database (a connection of its own each time). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A fast shutdown (what `pg_ctl stop -m fast` does): sessions are ended, nothing committed is lost. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

// initdb and postgres refuse to run as root; the Debian package's own user runs them then.
const asRoot = process.getuid?.() === 0;
const RUN_AS = 'postgres';

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', RUN_AS, '--', bin, ...args]] : [bin, args];
}

export async function startPostgres(): Promise<Postgres> {
  const bin = findEngines().postgresBin;
  if (!bin) throw new Error('PostgreSQL binaries were not found');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-faults-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', [RUN_AS, dir]);
  const [initCmd, initArgs] = command(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  let server: Service | null = null;

  async function start() {
    const [cmd, args] = command(path.join(bin!, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      // Only the test's own throwaway cluster: crash safety of the host's disk is not what is under test.
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ]);
    server = startService('postgres', cmd, args);
    await waitFor(`PostgreSQL on port ${port}`, async () => {
      if (server!.child.exitCode !== null) throw new Error(`postgres exited:\n${server!.output()}`);
      if (!(await portOpen(port))) return false;
      return query('select 1', [], 'postgres').then(() => true);
    });
  }

  const url = `postgres://postgres@127.0.0.1:${port}/warmline`;
  async function query<T>(text: string, params?: unknown[], database = 'warmline'): Promise<T[]> {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/${database}` });
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end().catch(() => {});
    }
  }

  async function stop() {
    if (!server) return;
    const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGINT');
    await server.exited;
    server = null;
  }

  await start();
  await query('create database warmline', [], 'postgres');
  return {
    url,
    port,
    query: (text, params) => query(text, params),
    stop,
    start,
    async destroy() {
      await (server as Service | null)?.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
