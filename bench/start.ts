import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './index.ts';
import { startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

/** `npm start` on an existing data directory, until it serves (target ≤ 5 s), against a bare fastify start. */
export async function startBenchmarks(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-start-'));
  const first = await startWarmline({ dataDir, demo: true });
  await first.stop();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const again = await startWarmline({ dataDir });
    runs.push(again.readyMs);
    await again.stop();
  }
  const bareRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const bare = await startBaseline('bench/baselines/bareFastify.ts');
    bareRuns.push(performance.now() - t0);
    await bare.stop();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const value = Math.min(...runs);
  const baseline = Math.min(...bareRuns);
  return [
    {
      bench: 'start.ready_ms',
      value: round(value, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(value / baseline),
      notes: `best of 3 restarts on an existing embedded data directory (all: ${runs.map((r) => round(r, 0)).join(', ')}); baseline: a bare fastify hello-world under tsx`,
    },
  ];
}
