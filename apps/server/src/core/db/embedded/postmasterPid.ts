/** What PostgreSQL's `postmaster.pid` says about the server that wrote it. */
export interface PostmasterPid {
  pid: number;
  dataDir: string;
  port: number;
  socketDir: string;
  /** `starting`, `stopping`, `ready` or `standby`; empty while the server has not said. */
  status: string;
}

/** Parses the lines of `postmaster.pid` (PostgreSQL 10 and later); null when the file is cut short or garbled. */
export function parsePostmasterPid(text: string): PostmasterPid | null {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || lines.length < 2) return null;
  return {
    pid,
    dataDir: lines[1] ?? '',
    port: Number(lines[3]) || 0,
    socketDir: lines[4] ?? '',
    status: (lines[7] ?? '').trim(),
  };
}

/** What a process that still has the pid of `postmaster.pid` is, as far as the operating system tells. */
export interface PidHolder {
  /** The program it runs (its argv[0]); null when the process is gone. */
  program: string | null;
  /** Its working directory (PostgreSQL runs in its data directory); null when it cannot be read. */
  cwd: string | null;
}

/**
 * What to do about a `postmaster.pid` found before starting:
 * - `start` — there is none, or PostgreSQL will see for itself that its pid is gone;
 * - `stale` — its pid now belongs to another program (after a reboot or in a container, pids come round again):
 *   PostgreSQL would refuse to start, and the file can go;
 * - `orphan` — PostgreSQL is still running on this data directory without the Warmline that started it:
 *   stop it first.
 */
export function judgePostmasterPid(
  file: PostmasterPid | null,
  holder: PidHolder,
  clusterDir: string,
): 'start' | 'stale' | 'orphan' {
  if (!file || holder.program === null) return 'start';
  if (!/(^|\/)postgres$/.test(holder.program)) return 'stale';
  // A postgres of another data directory (a system PostgreSQL that reused the pid) is none of ours.
  if (holder.cwd !== null) return samePath(holder.cwd, clusterDir) ? 'orphan' : 'stale';
  return samePath(file.dataDir, clusterDir) ? 'orphan' : 'stale';
}

const samePath = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
