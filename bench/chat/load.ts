// The chat load generator: visitor sockets that send, agent sockets that receive. It runs in the benchmark's own
// process beside the server on the same machine, so it reads frames as cheaply as it can (no JSON parsing).
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { percentile } from '../serverProcess.ts';

/** Where the load goes: the same shape for Warmline and for the bare relay. */
export interface Target {
  visitorUrls: string[];
  /** One socket per entry; each carries its own agent's sign-in. */
  agents: Array<{ url: string; headers: Record<string, string> }>;
  /** How many of the agent sockets receive each message (those of the visitor's workspace). */
  receiversPerMessage: number;
}

export interface Throughput {
  /** Messages per second received by the agent sockets (entry frames ÷ receivers per message). */
  perSecond: number;
  /** Acknowledgements per second to the visitors. */
  acked: number;
}

export interface Latency {
  p50: number;
  p99: number;
  sent: number;
  /** Messages received by the agent sockets (entry frames ÷ receivers per message). */
  delivered: number;
}

export async function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

/** Opens sockets a few hundred at a time, as a crowd of browsers would. */
export async function connectAll(
  urls: Array<{ url: string; headers?: Record<string, string> }>,
  concurrency = 200,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = new Array(urls.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, urls.length) }, async () => {
      while (next < urls.length) {
        const i = next++;
        sockets[i] = await connect(urls[i]!.url, urls[i]!.headers);
      }
    }),
  );
  return sockets;
}

async function openAll(target: Target) {
  const agents = await connectAll(target.agents);
  const visitors = await connectAll(target.visitorUrls.map((url) => ({ url })));
  return {
    agents,
    visitors,
    async close() {
      for (const s of [...agents, ...visitors]) s.close();
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

/** The frame's type, read from its first bytes: every server frame starts with `{"type":"`. */
function isType(data: Buffer, type: string): boolean {
  return data.length > 9 + type.length && data.toString('latin1', 9, 10 + type.length) === `${type}"`;
}

const CLIENT_ID = Buffer.from('"clientId":"');
function clientIdOf(data: Buffer): string | null {
  const at = data.indexOf(CLIENT_ID);
  return at < 0 ? null : data.toString('latin1', at + CLIENT_ID.length, at + CLIENT_ID.length + 36);
}

const sendFrame = (clientId: string) =>
  JSON.stringify({ type: 'send', clientId, body: `Is my order on its way? ${clientId.slice(0, 8)}` });

/**
 * Saturates the server: each visitor keeps `inFlight` unacknowledged messages and sends the next on each
 * acknowledgement. Counts entries received by the agent sockets during the measured window.
 */
export async function throughput(
  target: Target,
  opts: { inFlight: number; warmupMs: number; measureMs: number },
): Promise<Throughput> {
  const { agents, visitors, close } = await openAll(target);
  let entries = 0;
  let acks = 0;
  let measuring = false;
  for (const agent of agents) {
    agent.on('message', (data: Buffer) => {
      if (measuring && isType(data, 'entry')) entries++;
    });
  }
  let running = true;
  for (const v of visitors) {
    v.on('message', (data: Buffer) => {
      if (!running || !isType(data, 'ack')) return;
      if (measuring) acks++;
      v.send(sendFrame(randomUUID()));
    });
    for (let i = 0; i < opts.inFlight; i++) v.send(sendFrame(randomUUID()));
  }
  await new Promise((r) => setTimeout(r, opts.warmupMs));
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, opts.measureMs));
  measuring = false;
  const elapsed = performance.now() - t0;
  running = false;
  await close();
  return { perSecond: (entries / target.receiversPerMessage / elapsed) * 1000, acked: (acks / elapsed) * 1000 };
}

/**
 * Offers a steady rate, spread over the visitors in turn, and measures send → receipt on the agent sockets.
 * The p99 is over every (message, receiving agent socket) pair.
 */
export async function latencyAtRate(target: Target, opts: { perSecond: number; durationMs: number }): Promise<Latency> {
  const { agents, visitors, close } = await openAll(target);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const agent of agents) {
    agent.on('message', (data: Buffer) => {
      if (!isType(data, 'entry')) return;
      const clientId = clientIdOf(data);
      const t = clientId ? sentAt.get(clientId) : undefined;
      if (t !== undefined) latencies.push(performance.now() - t);
    });
  }
  const tickMs = 5;
  let next = 0;
  let sent = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - t0;
      const due = Math.min(Math.floor((elapsed * opts.perSecond) / 1000), (opts.durationMs * opts.perSecond) / 1000);
      while (sent < due) {
        const clientId = randomUUID();
        sentAt.set(clientId, performance.now());
        visitors[next++ % visitors.length]!.send(sendFrame(clientId));
        sent++;
      }
      if (elapsed >= opts.durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  await new Promise((r) => setTimeout(r, 2_000));
  await close();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    sent,
    delivered: Math.floor(latencies.length / target.receiversPerMessage),
  };
}
