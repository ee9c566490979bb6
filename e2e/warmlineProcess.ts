import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Warmline {
  url: string;
  dataDir: string;
  /** Milliseconds from spawning the process until it said it was running. */
  readyMs: number;
  output: () => string;
  stop(): Promise<number | null>;
}

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

/**
 * Starts `warmline start` as a real child process, exactly as a user would, and waits until it is ready.
 * Embedded database unless `env` names one; `env` adds or overrides variables.
 */
export async function startWarmline(
  opts: { demo?: boolean; dataDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Warmline> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-run-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), WARMLINE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  Object.assign(env, opts.env);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), 'bin/warmline.mjs', 'start', ...(opts.demo ? ['--demo'] : [])],
    { cwd: root, env },
  );
  let output = '';
  child.stdout.on('data', (d) => {
    output += String(d);
  });
  child.stderr.on('data', (d) => {
    output += String(d);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`warmline did not start within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      if (output.includes('Warmline is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`warmline exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    dataDir,
    readyMs: performance.now() - started,
    output: () => output,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
