import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

export { freePort } from '../../e2e/warmlineProcess.ts';

/**
 * `count` distinct free ports on 127.0.0.1: all are held open until every one is chosen, so the kernel cannot hand
 * the same port out twice (one at a time, a port just released can come straight back).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** A process the fault tests started: in its own process group, so it and its children end together. */
export interface Service {
  name: string;
  child: ChildProcess;
  /** Everything it printed, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
  /** Sends `signal` to the whole process group. */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL to the group, then waits for the exit. */
  kill(): Promise<void>;
}

const started = new Set<Service>();

// If the test process ends without its afterAll (a crash, a hard timeout), take the engines down with it.
process.once('exit', () => {
  for (const service of started) service.signal('SIGKILL');
});

/** Starts `command` detached in a process group of its own; `killAll()` ends whatever is still running. */
export function startService(
  name: string,
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Service {
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true, stdio: 'pipe' });
  let output = '';
  const keep = (d: Buffer) => {
    output += String(d);
    // Bounded: a long, noisy run must not grow the test process without limit.
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (err) => {
      output += `\n${err.message}`;
      resolve('spawn-error');
    });
  });
  const service: Service = {
    name,
    child,
    output: () => output,
    exited,
    signal(signal) {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    },
    async kill() {
      service.signal('SIGKILL');
      await exited;
    },
  };
  void exited.then(() => started.delete(service));
  started.add(service);
  return service;
}

/** Ends every service still running (SIGKILL to each process group). For `afterAll`. */
export async function killAll(): Promise<void> {
  await Promise.all([...started].map((s) => s.kill()));
}

/**
 * Polls `check` until it returns a truthy value (which is returned), at most `timeoutMs`; throws with `what`
 * and the last error otherwise. Waiting on a condition, never on a guessed duration.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${opts.timeoutMs ?? 30_000} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await pause(opts.intervalMs ?? 100);
  }
}

/** Pacing between steps of a load shape (never a stand-in for waiting on a condition: use `waitFor`). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
