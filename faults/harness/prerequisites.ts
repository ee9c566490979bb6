// The engines the fault tests start for themselves: Debian's PostgreSQL binaries, redis-server and nginx.
// Run directly (`node --import tsx faults/harness/prerequisites.ts [--install]`) it prints what is missing as
// JSON, after installing the missing Debian packages when it may (root with apt-get); scripts/test.mjs uses it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Engines {
  /** The folder holding initdb, postgres and pg_ctl. */
  postgresBin: string | null;
  redisServer: string | null;
  nginx: string | null;
}

const DEBIAN_PACKAGES: Record<keyof Engines, string> = {
  postgresBin: 'postgresql',
  redisServer: 'redis-server',
  nginx: 'nginx-light',
};

export function findEngines(): Engines {
  return {
    postgresBin: findPostgresBin(),
    redisServer: onPath('redis-server', ['/usr/bin', '/usr/local/bin']),
    nginx: onPath('nginx', ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/nginx/sbin']),
  };
}

/** What is missing, in words, one line each; empty when the fault tests can run. */
export function missingEngines(engines: Engines = findEngines()): string[] {
  const missing: string[] = [];
  if (!engines.postgresBin) missing.push('PostgreSQL server binaries (initdb, postgres) were not found');
  if (!engines.redisServer) missing.push('redis-server was not found');
  if (!engines.nginx) missing.push('nginx was not found');
  return missing;
}

/** Installs the missing engines' Debian packages when running as root with apt-get; returns what is still missing. */
export function installMissing(): string[] {
  const engines = findEngines();
  const packages = (Object.keys(DEBIAN_PACKAGES) as Array<keyof Engines>)
    .filter((k) => !engines[k])
    .map((k) => DEBIAN_PACKAGES[k]);
  if (packages.length && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    process.stderr.write(`Installing ${packages.join(', ')} for the fault tests…\n`);
    spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'inherit', 'inherit'], env });
    spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'inherit', 'inherit'], env });
  }
  return missingEngines();
}

function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  const initdb = onPath('initdb', []);
  return initdb && fs.existsSync(path.join(path.dirname(initdb), 'postgres')) ? path.dirname(initdb) : null;
}

function onPath(name: string, extra: string[]): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), ...extra]) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {}
  }
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = process.argv.includes('--install') ? installMissing() : missingEngines();
  process.stdout.write(`${JSON.stringify({ missing })}\n`);
}
