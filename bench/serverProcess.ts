import { spawn } from 'node:child_process';
import { root, startWarmline as startProcess, stopChild, type Warmline } from '../e2e/warmlineProcess.ts';

export { root };

/** A real `warmline start` with the benchmark's rate limits lifted, so load is not refused as abuse. */
export function startWarmline(
  opts: { dataDir?: string; demo?: boolean; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Warmline> {
  return startProcess({
    ...opts,
    env: { WIDGET_SESSIONS_PER_MINUTE: '100000', MESSAGES_PER_MINUTE: '100000', SIGN_IN_LIMIT_PER_15_MIN: '1000', ...opts.env },
  });
}

/** Starts a plain Node script as the bare baseline and waits for it to print its port. */
export async function startBaseline(script: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, ...env } });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /port (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`baseline exited (${code})`)));
  });
  return { port, child, stop: () => stopChild(child).then(() => undefined) };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
