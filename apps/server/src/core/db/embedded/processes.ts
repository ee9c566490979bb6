import fs from 'node:fs';
import path from 'node:path';
import { clusterPaths } from './cluster.ts';

/**
 * The processes of the embedded PostgreSQL of `dataDir`, whoever started them: the postmaster and its backends all
 * run in the cluster's folder. Linux only (/proc); for operators' checks, the benchmarks and the fault tests.
 */
export function clusterProcesses(dataDir: string): number[] {
  const { clusterDir } = clusterPaths(path.resolve(dataDir));
  return processes().filter((pid) => {
    try {
      return fs.readlinkSync(`/proc/${pid}/cwd`) === clusterDir;
    } catch {
      return false;
    }
  });
}

/** The shells that watch the embedded PostgreSQL of `dataDir` for Warmline's end (postmaster.ts). */
export function watchdogProcesses(dataDir: string): number[] {
  const logDir = path.join(clusterPaths(path.resolve(dataDir)).clusterDir, 'log');
  return processes().filter((pid) => {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv[0] === '/bin/sh' && argv.some((a) => a.startsWith(logDir));
    } catch {
      return false;
    }
  });
}

/** Proportional resident memory (shared pages divided among the processes sharing them) of `pid`, in bytes. */
export function proportionalMemory(pid: number): number {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
}

const processes = () =>
  fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number);
