import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts a real `warmline start` (embedded database unless env says otherwise) and waits until it is ready. */
export async function startWarmline(
  opts: { dataDir?: string; demo?: boolean; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    WARMLINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    WIDGET_SESSIONS_PER_MINUTE: '100000',
    MESSAGES_PER_MINUTE: '100000',
    ...opts.env,
  };
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
  if (!opts.env?.REDIS_URL) delete env.REDIS_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/warmline.mjs', 'start', ...(opts.demo ? ['--demo'] : [])], { cwd: root, env });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += String(d);
      if (output.includes('Warmline is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => {
      output += String(d);
    });
    child.once('exit', (code) => reject(new Error(`warmline exited (${code}):\n${output}`)));
  });
  const readyMs = performance.now() - started;
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Starts a plain Node script as the bare baseline and waits for it to print its port. */
export async function startBaseline(script: string): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      const m = /port (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`baseline exited (${code})`)));
  });
  return {
    port,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
