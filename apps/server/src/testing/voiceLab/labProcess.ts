import { type ChildProcess, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A server of the voice lab (coturn, janus, kamailio, baresip), started by a test and stopped by it. */
export interface LabProcess {
  name: string;
  /** Milliseconds from spawn to ready, for the lab's own reports. */
  startupMs: number;
  /** Everything it wrote so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Signals a lab server and every process it forked (kamailio forks its workers): each runs in a group of its own. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

// The lab's servers never outlive the test process, even when it ends without its afterAll.
process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

/** A fresh temporary directory for one lab component's configuration and files. */
export function labDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `warmline-voicelab-${name}-`));
}

/** A loopback port free for both UDP and TCP right now. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    if (await udpFree(port)) return port;
  }
}

/** A block of `count` consecutive UDP ports (media and relay ranges), probed one by one. */
export async function freeUdpRange(count: number): Promise<{ min: number; max: number }> {
  for (;;) {
    const min = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let port = min; port < min + count && free; port++) free = await udpFree(port);
    if (free) return { min, max: min + count - 1 };
  }
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '0.0.0.0', () => socket.close(() => resolve(true)));
  });
}

/** Polls `condition` until it holds; fails naming what was awaited. */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  opts: { timeoutMs?: number; everyMs?: number; detail?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = opts.detail ? `\n${opts.detail()}` : '';
      throw new Error(`Timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, opts.everyMs ?? 50));
  }
}

/** The machine's first non-loopback IPv4 address: Janus offers only such addresses for media. */
export function hostAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  throw new Error('This machine has no non-loopback IPv4 address; Janus needs one for media.');
}

/**
 * Spawns a lab server and waits until `ready` says it answers. Its output is kept for diagnostics; a process that
 * exits before it is ready fails the start with that output.
 */
export async function startLabProcess(spec: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  ready: (output: () => string) => Promise<boolean> | boolean;
  timeoutMs?: number;
  /** The environment it runs in; the test's own by default. */
  env?: NodeJS.ProcessEnv;
}): Promise<LabProcess & { child: ChildProcess }> {
  const started = Date.now();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
    if (text.length > 200_000) text = text.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? -1 : 0);
      running.delete(child);
      resolve();
    }),
  );
  const output = () => text;
  const stop = async () => {
    if (exited !== undefined) return;
    signalGroup(child, 'SIGTERM');
    const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 3000);
    await exit;
    clearTimeout(killer);
    // Workers that outlived their main process.
    signalGroup(child, 'SIGKILL');
  };
  try {
    await waitFor(
      `${spec.name} to be ready`,
      // An exit ends the wait at once; it is reported below.
      async () => exited !== undefined || spec.ready(output),
      { timeoutMs: spec.timeoutMs ?? 20_000, everyMs: 25, detail: () => text.slice(-4000) },
    );
    if (exited !== undefined) throw new Error(`${spec.name} exited with ${exited} before it was ready:\n${text.slice(-4000)}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { name: spec.name, child, startupMs: Date.now() - started, output, stop };
}
