import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idleBytesPerConnection, rssOfPid, rssOfWarmline } from './chat/idle.ts';
import { type Latency, latencyAtRate, type Target, type Throughput, throughput } from './chat/load.ts';
import { type PostgresForBench, postgresForBench } from './chat/postgres.ts';
import { prepareShops, seedShops, visitorTokens, visitorUrl } from './chat/workspace.ts';
import type { Figure } from './index.ts';
import { startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

/** Workspaces of one agent each: every message is stored and reaches that workspace's agent socket. */
const SHOPS = 50;
const VISITORS_PER_SHOP = 10;
const VISITORS = SHOPS * VISITORS_PER_SHOP;
const IN_FLIGHT_PER_VISITOR = 2;
const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;
const OFFERED_PER_SECOND = 2_000;
const LATENCY_MS = 10_000;
const IDLE_CONNECTIONS = 10_000;

const load = { inFlight: IN_FLIGHT_PER_VISITOR, warmupMs: WARMUP_MS, measureMs: MEASURE_MS };
const rate = { perSecond: OFFERED_PER_SECOND, durationMs: LATENCY_MS };

/**
 * Chat messages persisted and delivered: 500 visitors in 50 workspaces send over their sockets; a message counts
 * once its workspace's agent socket has received it (so it was acknowledged after commit and fanned out). The
 * bare `ws` relay runs the same load in the same run. Then the memory of idle widget connections, and the same
 * figures on PostgreSQL when DATABASE_URL is set.
 */
export async function chatBenchmarks(): Promise<Figure[]> {
  const bare = await relayFigures('bench/baselines/bareRelay.ts', {});
  // The embedded engine for the first figures, whatever DATABASE_URL says (an empty URL means embedded).
  const persisted = await relayFigures('bench/baselines/persistedRelay.ts', { DATABASE_URL: '' });
  const figures = [...(await warmlineFigures(bare, persisted, '', {})), await idleFigure()];
  const postgres = await postgresForBench();
  if (postgres) {
    try {
      const persistedPg = await relayFigures('bench/baselines/persistedRelay.ts', postgres.env);
      figures.push(...(await warmlineFigures(bare, persistedPg, '.pg', postgres.env, postgres)));
    } finally {
      await postgres.drop();
    }
  }
  return figures;
}

interface Bare {
  throughput: Throughput;
  latency: Latency;
}

/** A baseline relay (bare, or persisted into PostgreSQL) under the same clients and load as Warmline. */
async function relayFigures(script: string, env: Record<string, string>): Promise<Bare> {
  const bare = await startBaseline(script, env);
  try {
    const url = `ws://127.0.0.1:${bare.port}`;
    const target: Target = {
      visitorUrls: Array.from({ length: VISITORS }, (_, i) => `${url}/visitor?shop=${i % SHOPS}`),
      agents: Array.from({ length: SHOPS }, (_, i) => ({ url: `${url}/agent?shop=${i}`, headers: {} })),
      receiversPerMessage: 1,
    };
    return { throughput: await throughput(target, load), latency: await latencyAtRate(target, rate) };
  } finally {
    await bare.stop();
  }
}

async function warmlineFigures(
  bare: Bare,
  persisted: Bare,
  suffix: string,
  env: Record<string, string>,
  postgres?: PostgresForBench,
): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-chat-'));
  const shops = await seedShops({ dataDir, databaseUrl: env.DATABASE_URL }, SHOPS);
  const server = await startWarmline({ dataDir, env });
  try {
    const url = server.url.replace('localhost', '127.0.0.1');
    const target = await prepareShops(url, shops, VISITORS_PER_SHOP);
    const value = await throughput(target, load);
    const latency = await latencyAtRate(target, rate);
    const database = postgres ? `${postgres.description}, in-process bus` : 'embedded PostgreSQL';
    return [
      {
        bench: `chat.throughput${suffix}`,
        value: round(value.perSecond, 0),
        unit: 'msg/s',
        baseline: round(persisted.throughput.perSecond, 0),
        ratio: round(value.perSecond / persisted.throughput.perSecond),
        notes: `${VISITORS} visitor sockets × ${IN_FLIGHT_PER_VISITOR} in flight in ${SHOPS} workspaces → each workspace's agent socket, ${database}; counted as entries received by the agents over ${MEASURE_MS / 1000} s (acks ${round(value.acked, 0)}/s); baseline: the persisted relay (same clients, each frame group-committed into a one-index table of the same PostgreSQL before it is forwarded); the bare ws relay did ${round(bare.throughput.perSecond, 0)} msg/s (ratio ${round(value.perSecond / bare.throughput.perSecond)}). Targets ≥ 5000 msg/s and ratio ≥ 0.5`,
      },
      {
        bench: `chat.p99_ms_at_2000${suffix}`,
        value: round(latency.p99, 1),
        unit: 'ms',
        baseline: round(persisted.latency.p99, 1),
        ratio: round(latency.p99 / persisted.latency.p99),
        notes: `send → the workspace's agent socket (${SHOPS} workspaces), ${OFFERED_PER_SECOND} msg/s offered for ${LATENCY_MS / 1000} s by ${VISITORS} visitors, ${database} (p50 ${round(latency.p50, 1)} ms, delivered ${latency.delivered}/${latency.sent}; persisted relay p50 ${round(persisted.latency.p50, 1)} ms; bare relay p99 ${round(bare.latency.p99, 1)} ms, p50 ${round(bare.latency.p50, 1)} ms); target p99 ≤ 50 ms`,
      },
    ];
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** RSS growth per idle widget connection with 10,000 connected, against the bare relay holding as many. */
async function idleFigure(): Promise<Figure> {
  const bare = await startBaseline('bench/baselines/bareRelay.ts');
  let bareBytes: number;
  try {
    const urls = Array.from({ length: IDLE_CONNECTIONS }, () => `ws://127.0.0.1:${bare.port}/visitor`);
    bareBytes = (await idleBytesPerConnection(urls, () => rssOfPid(bare.child.pid!), { expectResumed: false }))
      .bytesPerConnection;
  } finally {
    await bare.stop();
  }
  const server = await startWarmline({ demo: true });
  try {
    const url = server.url.replace('localhost', '127.0.0.1');
    const tokens = await visitorTokens(url, Array(IDLE_CONNECTIONS).fill('demo'), { firstMessage: false });
    const measured = await idleBytesPerConnection(
      tokens.map((t) => visitorUrl(url, t)),
      () => rssOfWarmline(url),
      { expectResumed: true },
    );
    return {
      bench: 'chat.idle_connection_bytes',
      value: round(measured.bytesPerConnection, 0),
      unit: 'B',
      baseline: round(bareBytes, 0),
      ratio: round(measured.bytesPerConnection / bareBytes),
      notes: `resident memory growth ÷ ${IDLE_CONNECTIONS} widget connections (signed visitor tokens, resumed, idle), RSS ${round(measured.before / 2 ** 20, 0)} → ${round(measured.after / 2 ** 20, 0)} MiB, embedded database; baseline: the bare ws relay holding as many; target ≤ 100 KB (102,400 B)`,
    };
  } finally {
    await server.stop();
  }
}
