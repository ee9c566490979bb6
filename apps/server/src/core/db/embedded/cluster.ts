import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Binaries } from './binaries.ts';
import { clockEnv } from './clockEnv.ts';
import { EmbeddedDatabaseFailed } from './failure.ts';
import { checkReachable, handOver, type RunAs } from './osUser.ts';
import { embeddedSettings, type Listen, renderSettings } from './settings.ts';

/** The files of the embedded database inside Warmline's data directory. */
export interface ClusterPaths {
  /** PostgreSQL's data directory (the cluster). */
  clusterDir: string;
  /** The superuser's generated password, readable only by its owner. */
  passwordFile: string;
}

export const SUPERUSER = 'postgres';

export function clusterPaths(dataDir: string): ClusterPaths {
  return { clusterDir: path.join(dataDir, 'postgres'), passwordFile: path.join(dataDir, 'postgres.password') };
}

/**
 * Creates the cluster on first run: initdb into a folder of its own, renamed into place only once complete, so a
 * first run cut short starts over instead of finding half a cluster. Returns true when it was created now.
 */
export async function ensureCluster(paths: ClusterPaths, bin: Binaries, runAs: RunAs): Promise<boolean> {
  if (fs.existsSync(path.join(paths.clusterDir, 'PG_VERSION'))) return false;
  const building = `${paths.clusterDir}.init`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { mode: 0o700 });
  fs.writeFileSync(paths.passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  fs.chmodSync(paths.passwordFile, 0o600);
  handOver(runAs, building, paths.passwordFile);
  checkReachable(runAs, bin.initdb, building);
  await run(
    bin.initdb,
    [
      '-D',
      building,
      '-U',
      SUPERUSER,
      `--pwfile=${paths.passwordFile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      // Code-point order and Unicode letters on every operating system, as PGlite gave: C sorting, C.UTF-8 case.
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
    ],
    runAs,
  );
  fs.appendFileSync(path.join(building, 'postgresql.conf'), "\ninclude_if_exists = 'warmline.conf'\n");
  fs.rmSync(paths.clusterDir, { recursive: true, force: true });
  fs.renameSync(building, paths.clusterDir);
  return true;
}

/** Writes this version's settings and makes the log folder, both the database user's, before every start. */
export function prepareStart(paths: ClusterPaths, listen: Listen, runAs: RunAs): void {
  const conf = path.join(paths.clusterDir, 'warmline.conf');
  fs.writeFileSync(conf, renderSettings(embeddedSettings(listen)), { mode: 0o600 });
  const logDir = path.join(paths.clusterDir, 'log');
  fs.mkdirSync(logDir, { recursive: true, mode: 0o700 });
  handOver(runAs, conf, logDir);
}

export function readPassword(paths: ClusterPaths): string {
  return fs.readFileSync(paths.passwordFile, 'utf8').trim();
}

function run(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...clockEnv() },
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      const last = output.trim().split('\n').slice(-2).join(' | ');
      reject(new EmbeddedDatabaseFailed(`Creating the embedded PostgreSQL cluster failed (initdb exit ${code}): ${last}`));
    });
  });
}
