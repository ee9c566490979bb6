import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { EmbeddedDatabaseFailed } from './failure.ts';

/** The operating-system user PostgreSQL runs as; null means "as this process". */
export type RunAs = { name: string; uid: number; gid: number } | null;

// Made by Warmline when a root install has no user to hand the database to.
const OWN_USER = 'warmline';

/**
 * PostgreSQL refuses to run as root. As root, the database runs as: the user that already owns the cluster, else
 * the system's `postgres` user, else a `warmline` system user made now, else `nobody`.
 */
export function chooseRunAs(clusterDir: string): RunAs {
  if (process.getuid?.() !== 0) return null;
  const owner = fs.statSync(clusterDir, { throwIfNoEntry: false });
  if (owner && owner.uid !== 0) return { name: nameOf(owner.uid) ?? String(owner.uid), uid: owner.uid, gid: owner.gid };
  const found = lookUp('postgres') ?? lookUp(OWN_USER) ?? createSystemUser(OWN_USER) ?? lookUp('nobody');
  if (!found) {
    throw new EmbeddedDatabaseFailed(
      'PostgreSQL refuses to run as root and this system has no unprivileged user for it: create one (useradd --system postgres) or run Warmline as an unprivileged user.',
    );
  }
  return found;
}

/** Gives `paths` to `user`, so a root install's database can write them. */
export function handOver(user: RunAs, ...paths: string[]): void {
  if (!user) return;
  for (const p of paths) fs.chownSync(p, user.uid, user.gid);
}

/**
 * Lets `user` through Warmline's data directory to the cluster inside it, when the directory is root's and closed
 * to others (as mkdtemp makes them): its group becomes the user's, with search permission only. Folders above it
 * are left alone; checkReachable says when one of them is closed.
 */
export function letThrough(user: RunAs, dataDir: string): void {
  if (!user || canRun(user, 'cd "$1"', dataDir)) return;
  const st = fs.statSync(dataDir);
  if (st.uid !== 0) return;
  fs.chownSync(dataDir, 0, user.gid);
  fs.chmodSync(dataDir, (st.mode & 0o7777) | 0o010);
}

/**
 * Throws one clear line when `user` cannot run `binary` or enter `clusterDir` (a folder on the way closed to
 * it, as /root is), instead of initdb's or postgres's own complaint.
 */
export function checkReachable(user: RunAs, binary: string, clusterDir: string): void {
  if (!user) return;
  if (canRun(user, 'cd "$1"', clusterDir) && canRun(user, 'test -x "$1"', binary)) return;
  const what = canRun(user, 'test -x "$1"', binary) ? `enter ${clusterDir}` : `run ${binary}`;
  throw new EmbeddedDatabaseFailed(
    `PostgreSQL refuses to run as root, and the user ${user.name} (uid ${user.uid}) that runs it instead cannot ${what}: open the folders on the way to it (chmod o+x), install Warmline and set WARMLINE_DATA_DIR outside /root, or run Warmline as an unprivileged user.`,
  );
}

/**
 * True unless the shell, run as `user`, says no. A shell that could not start or did not finish (status null:
 * a signal, a busy machine) is asked again, and then given the benefit of the doubt: this check only words an
 * error PostgreSQL would report anyway, and must never refuse a start by itself. The shell gets a bare
 * environment: what is preloaded into this process (libfaketime, say, which can exit a process of another user
 * with 1) has no say over whether a folder can be entered.
 */
function canRun(user: NonNullable<RunAs>, script: string, arg: string): boolean {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (let attempt = 0; attempt < 3; attempt++) {
    const { status } = spawnSync('/bin/sh', ['-c', script, 'sh', arg], { uid: user.uid, gid: user.gid, env, stdio: 'ignore' });
    if (status !== null) return status === 0;
  }
  return true;
}

function lookUp(name: string): RunAs {
  const uid = idOf(['-u', name]);
  const gid = idOf(['-g', name]);
  return uid === null || gid === null || uid === 0 ? null : { name, uid, gid };
}

function idOf(args: string[]): number | null {
  const out = spawnSync('id', args, { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return out.status === 0 && Number.isInteger(n) ? n : null;
}

function nameOf(uid: number): string | null {
  const out = spawnSync('id', ['-nu', String(uid)], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

function createSystemUser(name: string): RunAs {
  const shell = ['/usr/sbin/nologin', '/sbin/nologin', '/bin/false'].find((s) => fs.existsSync(s)) ?? '/bin/false';
  const made = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', shell, name],
    {
      stdio: 'ignore',
    },
  );
  return made.status === 0 ? lookUp(name) : null;
}
