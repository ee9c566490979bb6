import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { Figure } from './index.ts';
import { percentile, startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

const VISITORS = 100;
const IN_FLIGHT_PER_VISITOR = 8;
const WARMUP_MS = 2_000;
const MEASURE_MS = 8_000;
const OFFERED_PER_SECOND = 2_000;
const LATENCY_MS = 6_000;

interface Target {
  visitorUrls: string[];
  agentUrl: string;
  agentHeaders: Record<string, string>;
}

/**
 * Chat messages persisted and delivered: visitors send over their sockets; a message counts once the agent's
 * socket has received it (so it was acknowledged after commit and fanned out). The bare `ws` relay runs the
 * same load in the same run.
 */
export async function chatBenchmarks(): Promise<Figure[]> {
  const bare = await startBaseline('bench/baselines/bareRelay.ts');
  const bareUrl = `ws://127.0.0.1:${bare.port}`;
  const bareTarget: Target = {
    visitorUrls: Array.from({ length: VISITORS }, () => `${bareUrl}/visitor`),
    agentUrl: `${bareUrl}/agent`,
    agentHeaders: {},
  };
  const bareThroughput = await throughput(bareTarget);
  const bareLatency = await latencyAtRate(bareTarget);
  await bare.stop();

  const server = await startWarmline({ demo: true });
  try {
    const target = await prepareWarmline(server.url.replace('localhost', '127.0.0.1'));
    const value = await throughput(target);
    const latency = await latencyAtRate(target);
    return [
      {
        bench: 'chat.throughput',
        value: round(value, 0),
        unit: 'msg/s',
        baseline: round(bareThroughput, 0),
        ratio: round(value / bareThroughput),
        notes: `${VISITORS} visitors × ${IN_FLIGHT_PER_VISITOR} in flight, embedded database; counted when the agent socket receives the entry; baseline: bare ws relay. Targets ≥ 5000 msg/s and ratio ≥ 0.35`,
      },
      {
        bench: 'chat.p99_ms_at_2000',
        value: round(latency.p99, 1),
        unit: 'ms',
        baseline: round(bareLatency.p99, 1),
        ratio: round(latency.p99 / bareLatency.p99),
        notes: `send → agent socket, ${OFFERED_PER_SECOND} msg/s offered for ${LATENCY_MS / 1000} s (p50 ${round(latency.p50, 1)} ms, delivered ${latency.delivered}/${latency.sent}); target p99 ≤ 50 ms`,
      },
    ];
  } finally {
    await server.stop();
  }
}

/** Signs in the demo agent, makes them available, and opens visitor sessions, each with a conversation. */
async function prepareWarmline(url: string): Promise<Target> {
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'amina@juniper-rye.example', password: 'warmline-demo' }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  await fetch(`${url}/api/v1/agents/me/presence`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ presence: 'available' }),
  });
  const visitorUrls: string[] = [];
  for (let i = 0; i < VISITORS; i++) {
    const res = await fetch(`${url}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceKey: 'demo' }),
    });
    const { visitorToken } = (await res.json()) as { visitorToken: string };
    await fetch(`${url}/api/v1/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${visitorToken}` },
      body: JSON.stringify({ clientId: randomUUID(), body: 'Hello, I have a question about my order.' }),
    });
    visitorUrls.push(`${url.replace('http', 'ws')}/ws/visitor?token=${encodeURIComponent(visitorToken)}`);
  }
  return { visitorUrls, agentUrl: `${url.replace('http', 'ws')}/ws/agent`, agentHeaders: { cookie } };
}

async function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

async function openAll(target: Target) {
  const agent = await connect(target.agentUrl, target.agentHeaders);
  const visitors = await Promise.all(target.visitorUrls.map((u) => connect(u)));
  return {
    agent,
    visitors,
    close() {
      agent.close();
      for (const v of visitors) v.close();
    },
  };
}

const sendFrame = (clientId: string) =>
  JSON.stringify({ type: 'send', clientId, body: `Is my order on its way? ${clientId.slice(0, 8)}` });

/** Saturates the server: each visitor keeps a window of unacknowledged messages; returns delivered msg/s. */
async function throughput(target: Target): Promise<number> {
  const { agent, visitors, close } = await openAll(target);
  let delivered = 0;
  let measuring = false;
  agent.on('message', (data) => {
    if (measuring && String(data).includes('"type":"entry"')) delivered++;
  });
  let running = true;
  for (const v of visitors) {
    v.on('message', (data) => {
      if (running && String(data).startsWith('{"type":"ack"')) v.send(sendFrame(randomUUID()));
    });
    for (let i = 0; i < IN_FLIGHT_PER_VISITOR; i++) v.send(sendFrame(randomUUID()));
  }
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  measuring = false;
  const elapsed = performance.now() - t0;
  running = false;
  close();
  await new Promise((r) => setTimeout(r, 500));
  return (delivered / elapsed) * 1000;
}

/** Offers a steady rate and measures send → agent-socket latency. */
async function latencyAtRate(target: Target): Promise<{ p50: number; p99: number; sent: number; delivered: number }> {
  const { agent, visitors, close } = await openAll(target);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  agent.on('message', (data) => {
    const text = String(data);
    if (!text.startsWith('{"type":"entry"')) return;
    const clientId = (JSON.parse(text) as { entry: { clientId: string | null } }).entry.clientId;
    const t = clientId ? sentAt.get(clientId) : undefined;
    if (t !== undefined) latencies.push(performance.now() - t);
  });
  const tickMs = 10;
  const perTick = (OFFERED_PER_SECOND * tickMs) / 1000;
  let next = 0;
  const t0 = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - t0) / tickMs) * perTick);
      while (sent < due) {
        const clientId = randomUUID();
        sentAt.set(clientId, performance.now());
        visitors[next++ % visitors.length]!.send(sendFrame(clientId));
        sent++;
      }
      if (performance.now() - t0 >= LATENCY_MS) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  await new Promise((r) => setTimeout(r, 1_000));
  close();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), sent, delivered: latencies.length };
}
