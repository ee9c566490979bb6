import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterProcesses, proportionalMemory } from '../apps/server/src/core/db/embedded/processes.ts';
import { rssOfPid, rssOfWarmline } from './chat/idle.ts';
import type { Figure } from './index.ts';
import { startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

const IDLE_SETTLE_MS = 3_000;

/**
 * `npm start` on an existing data directory, until it serves (target ≤ 5 s), against a bare fastify start; the
 * first run on an empty one (initdb included); and what an idle Warmline holds in memory with its PostgreSQL.
 */
export async function startBenchmarks(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-start-'));
  const first = await startWarmline({ dataDir });
  const firstRunMs = first.readyMs;
  await first.stop();
  // The restarts open a database with something in it.
  await (await startWarmline({ dataDir, demo: true })).stop();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const again = await startWarmline({ dataDir });
    runs.push(again.readyMs);
    await again.stop();
  }
  const idle = await startWarmline({ dataDir });
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const warmlineRss = await rssOfWarmline(idle.url);
  const postgresPids = clusterProcesses(dataDir);
  const postgresPss = postgresPids.reduce((sum, pid) => sum + proportionalMemory(pid), 0);
  const postgresRss = postgresPids.reduce((sum, pid) => sum + rssOfPid(pid), 0);
  await idle.stop();

  const bareRuns: number[] = [];
  let bareRss = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const bare = await startBaseline('bench/baselines/bareFastify.ts');
    bareRuns.push(performance.now() - t0);
    bareRss = rssOfPid(bare.child.pid!);
    await bare.stop();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const value = Math.min(...runs);
  const baseline = Math.min(...bareRuns);
  const idleMb = (warmlineRss + postgresPss) / 2 ** 20;
  const mb = (bytes: number) => round(bytes / 2 ** 20, 0);
  return [
    {
      bench: 'start.ready_ms',
      value: round(value, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(value / baseline),
      notes: `best of 3 restarts on an existing embedded data directory, its PostgreSQL started too (all: ${runs.map((r) => round(r, 0)).join(', ')}); baseline: a bare fastify hello-world under tsx`,
    },
    {
      bench: 'start.first_run_ms',
      value: round(firstRunMs, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(firstRunMs / baseline),
      notes:
        'first start on an empty data directory: initdb of the embedded PostgreSQL, its database, the migrations; baseline: a bare fastify hello-world',
    },
    {
      bench: 'server.idle_rss',
      value: round(idleMb, 0),
      unit: 'MiB',
      baseline: mb(bareRss),
      ratio: round(idleMb / (bareRss / 2 ** 20)),
      notes: `idle Warmline ${mb(warmlineRss)} MiB resident + its ${postgresPids.length} PostgreSQL processes ${mb(postgresPss)} MiB proportional (${mb(postgresRss)} MiB resident counting shared buffers once per process); baseline: a bare fastify hello-world's resident memory`,
    },
  ];
}
