import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { openPool } from '../pool.ts';
import type { Db } from '../sql.ts';
import { postgresBinaries } from './binaries.ts';
import { type ClusterPaths, clusterPaths, ensureCluster, prepareStart, readPassword, SUPERUSER } from './cluster.ts';
import { checkReachable, chooseRunAs, letThrough } from './osUser.ts';
import { hasPgliteData, upgradeFromPglite } from './pgliteUpgrade.ts';
import { startPostmaster } from './postmaster.ts';
import { type Listen, SOCKET_PORT, socketFits } from './settings.ts';

const DATABASE = 'warmline';

/**
 * Starts Warmline's own PostgreSQL in `<dataDir>/postgres` (creating it on first run) and opens the pool on it.
 * close() ends the pool, then the server. The caller holds the data directory's lock (lock.ts).
 */
export async function openEmbedded(dataDir: string): Promise<Db> {
  fs.mkdirSync(dataDir, { recursive: true });
  const paths = clusterPaths(path.resolve(dataDir));
  const bin = postgresBinaries();
  const runAs = chooseRunAs(paths.clusterDir);
  letThrough(runAs, path.dirname(paths.clusterDir));
  const created = await ensureCluster(paths, bin, runAs);
  checkReachable(runAs, bin.postgres, paths.clusterDir);
  const listen: Listen = socketFits(paths.clusterDir) ? { socketDir: paths.clusterDir } : { port: await freePort() };
  prepareStart(paths, listen, runAs);
  const server = await startPostmaster(bin.postgres, paths.clusterDir, runAs);
  try {
    const connection = connectionConfig(paths, listen);
    await ensureDatabase(connection, created);
    const db = openPool({ ...connection, database: DATABASE }, 'embedded');
    if (hasPgliteData(dataDir)) await upgradeFromPglite(dataDir, db);
    return {
      ...db,
      async close() {
        await db.close();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function connectionConfig(paths: ClusterPaths, listen: Listen): pg.ClientConfig {
  return {
    host: 'socketDir' in listen ? listen.socketDir : '127.0.0.1',
    port: 'socketDir' in listen ? SOCKET_PORT : listen.port,
    user: SUPERUSER,
    password: readPassword(paths),
  };
}

/**
 * Creates Warmline's database in a new cluster; a later start only finds it there (one connection, no query), or
 * makes it when the first start stopped between initdb and this.
 */
async function ensureDatabase(connection: pg.ClientConfig, created: boolean): Promise<void> {
  if (!created) {
    const probe = new pg.Client({ ...connection, database: DATABASE });
    try {
      await probe.connect();
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '3D000') throw err;
    } finally {
      await probe.end().catch(() => {});
    }
  }
  const admin = new pg.Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
