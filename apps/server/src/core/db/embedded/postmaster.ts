import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clockEnv } from './clockEnv.ts';
import { EmbeddedDatabaseFailed } from './failure.ts';
import type { RunAs } from './osUser.ts';
import { judgePostmasterPid, type PidHolder, parsePostmasterPid } from './postmasterPid.ts';

/**
 * Runs postgres and stays beside it as its watchdog: when the pipe on its standard input closes (Warmline ends it on
 * close(), and the kernel closes it when Warmline dies in any way, kill -9 included), it asks postgres for a fast
 * shutdown. The shell exits when postgres does, with its exit code. A background job's standard input is /dev/null,
 * so the pipe reaches the watching job as descriptor 3.
 */
const WATCHDOG = `
log=$1; shift
exec 3<&0 2>>"$log"
"$@" </dev/null 3<&- >>"$log" 2>&1 &
pg=$!
{ read -r _ <&3; kill -INT "$pg"; } 2>/dev/null &
watch=$!
wait "$pg"
code=$?
kill "$watch" 2>/dev/null
exit "$code"
`;

const LOG_LIMIT_BYTES = 10 * 1024 * 1024;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

export interface Postmaster {
  /** Fast shutdown (sessions ended, everything committed kept); resolves once postgres has exited. */
  stop(): Promise<void>;
  /** Resolves with the exit code when postgres ends, however it ends. */
  exited: Promise<number | null>;
}

/** Starts postgres on `clusterDir` as `runAs` and waits until it accepts connections. */
export async function startPostmaster(postgres: string, clusterDir: string, runAs: RunAs): Promise<Postmaster> {
  await clearPidFile(clusterDir);
  const log = logFile(clusterDir);
  rotate(log);
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'sh', log, postgres, '-D', clusterDir], {
    // Its own session: a Ctrl-C in the terminal reaches Warmline, which drains its work before the database stops.
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...clockEnv() },
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  // Idle, the watchdog must not keep Warmline's process alive; its pipe still closes when the process ends.
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntilReady(child, clusterDir, log);
  let stopping: Promise<void> | null = null;
  return {
    exited,
    stop() {
      stopping ??= (async () => {
        child.ref();
        child.stdin?.end();
        const timer = setTimeout(() => signalPostmaster(clusterDir, 'SIGQUIT'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

export const logFile = (clusterDir: string) => path.join(clusterDir, 'log', 'postgresql.log');

async function waitUntilReady(child: ChildProcess, clusterDir: string, log: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EmbeddedDatabaseFailed(`The embedded PostgreSQL did not start (${log}): ${lastLines(log)}`);
    }
    const file = readPidFile(clusterDir);
    if (file?.status === 'ready' && isAlive(file.pid)) return;
    if (Date.now() > deadline) {
      child.stdin?.end();
      throw new EmbeddedDatabaseFailed(`The embedded PostgreSQL was not ready after ${READY_TIMEOUT_MS / 1000} s (${log}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Before a start: a postgres still running on this cluster without its Warmline (a kill -9 whose watchdog has not
 * finished the shutdown yet, or an older version's server) is stopped; a pid file whose pid another program now
 * holds is removed, since PostgreSQL would refuse to start over it. A pid that is simply gone PostgreSQL handles
 * itself, and keeps the file for its check that no process of the old server still holds the shared memory.
 */
async function clearPidFile(clusterDir: string): Promise<void> {
  const file = readPidFile(clusterDir);
  if (!file) return;
  const verdict = judgePostmasterPid(file, pidHolder(file.pid), clusterDir);
  if (verdict === 'stale') fs.rmSync(path.join(clusterDir, 'postmaster.pid'), { force: true });
  if (verdict !== 'orphan') return;
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(file.pid, signal);
    } catch {}
    const until = Date.now() + waitMs;
    while (isAlive(file.pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!isAlive(file.pid)) return;
  }
  throw new EmbeddedDatabaseFailed(`PostgreSQL (pid ${file.pid}) is still running on ${clusterDir} and could not be stopped.`);
}

export function readPidFile(clusterDir: string) {
  try {
    return parsePostmasterPid(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8'));
  } catch {
    return null;
  }
}

function signalPostmaster(clusterDir: string, signal: NodeJS.Signals): void {
  const file = readPidFile(clusterDir);
  if (file && isAlive(file.pid)) process.kill(file.pid, signal);
}

/** Which program holds `pid` and where it runs, from /proc (Linux) or ps (macOS, where the folder stays unknown). */
function pidHolder(pid: number): PidHolder {
  if (!isAlive(pid)) return { program: null, cwd: null };
  if (fs.existsSync('/proc/self/cmdline')) {
    try {
      const program = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
      let cwd: string | null = null;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {}
      return { program, cwd };
    } catch {
      return { program: null, cwd: null };
    }
  }
  const ps = spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' });
  return { program: ps.status === 0 ? ps.stdout.trim() : null, cwd: null };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Keeps the log to one file of at most 10 MiB and the one before it. */
function rotate(log: string): void {
  const size = fs.statSync(log, { throwIfNoEntry: false })?.size ?? 0;
  if (size > LOG_LIMIT_BYTES) fs.renameSync(log, `${log}.1`);
}

function lastLines(log: string): string {
  try {
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n').slice(-3);
    return lines.join(' | ') || 'no output';
  } catch {
    return 'no log written';
  }
}
