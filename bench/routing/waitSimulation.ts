import { pickAgentFor, pickConversationFor } from '../../apps/server/src/modules/routing/domain/policy.ts';
import type { AgentSlot, QueuedConversation } from '../../apps/server/src/modules/routing/domain/types.ts';
import { estimateWaitRange } from '../../apps/server/src/modules/routing/domain/waitEstimate.ts';

export interface SimulationResult {
  meanAbsoluteError: number;
  meanActualWait: number;
  ratio: number;
  conversations: number;
  notes: string;
}

/** Chats arriving per hour of an 8-hour day: a morning climb, a lunch peak, an afternoon tail. */
export const ARRIVALS_PER_HOUR = [20, 30, 45, 60, 55, 40, 30, 20] as const;
/** Agents on shift per hour: the lunch peak meets lunch breaks, as on many real desks. */
export const AGENTS_PER_HOUR = [3, 5, 8, 5, 4, 6, 5, 3] as const;
export const CAPACITY_PER_AGENT = 2;
/** Log-normal handle time: median 6 minutes, σ 0.6 (mean ≈ 7.2 minutes, 1 in 20 over 16 minutes). */
export const HANDLE_MEDIAN_SECONDS = 360;
export const HANDLE_SIGMA = 0.6;
/** The team's configured default, used until the day has history. */
export const DEFAULT_HANDLE_SECONDS = 360;
const HISTORY = 50;
const HOUR = 3600;
const DAY_START = Date.UTC(2026, 0, 5, 9);

/** Options; the hourly profiles default to the documented day and exist to measure other days with the same model. */
export interface SimulationOptions {
  seed?: number;
  arrivalsPerHour?: readonly number[];
  agentsPerHour?: readonly number[];
}

/** Simulates an 8-hour day and compares the estimate shown at arrival with the wait that followed. Deterministic for a seed. */
export function simulateDay(opts: SimulationOptions = {}): SimulationResult {
  const seed = opts.seed ?? 1;
  const arrivalsPerHour = opts.arrivalsPerHour ?? ARRIVALS_PER_HOUR;
  const agentsPerHour = opts.agentsPerHour ?? AGENTS_PER_HOUR;
  const random = mulberry32(seed);
  const at = (t: number) => new Date(DAY_START + t * 1000);

  const agents: AgentSlot[] = Array.from({ length: Math.max(...agentsPerHour) }, (_, i) => ({
    id: `agent-${i}`,
    presence: 'offline',
    teamIds: ['support'],
    skills: [],
    languages: ['en'],
    capacity: { chat: CAPACITY_PER_AGENT },
    open: { chat: 0 },
    lastAssignedAt: null,
  }));

  const events = new EventQueue();
  let arrivals = 0;
  for (let hour = 0; hour < arrivalsPerHour.length; hour++) {
    events.push({ t: hour * HOUR, kind: 'shift', hour });
    // Poisson arrivals are memoryless, so each hour can start its own stream at its own rate.
    const rate = arrivalsPerHour[hour]! / HOUR;
    for (let t = hour * HOUR + exponential(random, rate); t < (hour + 1) * HOUR; t += exponential(random, rate)) {
      events.push({ t, kind: 'arrival', id: `c-${String(arrivals++).padStart(4, '0')}` });
    }
  }

  let queue: QueuedConversation[] = [];
  const arrivedAt = new Map<string, number>();
  const estimates = new Map<string, number>();
  const handleHistory: number[] = [];
  const errors: number[] = [];
  const waits: number[] = [];
  let unknown = 0;

  const assign = (agent: AgentSlot, c: QueuedConversation, t: number) => {
    agent.open.chat = (agent.open.chat ?? 0) + 1;
    agent.lastAssignedAt = at(t);
    const handle = HANDLE_MEDIAN_SECONDS * Math.exp(HANDLE_SIGMA * normal(random));
    events.push({ t: t + handle, kind: 'done', agentId: agent.id, handle });
    const estimate = estimates.get(c.id);
    if (estimate === undefined) return;
    const wait = t - arrivedAt.get(c.id)!;
    waits.push(wait);
    errors.push(Math.abs(estimate - wait));
  };
  // An agent takes the next conversation the moment a slot frees (or their shift starts).
  const fill = (agent: AgentSlot, t: number) => {
    for (let c = pickConversationFor(agent, queue, at(t)); c; c = pickConversationFor(agent, queue, at(t))) {
      const taken = c;
      queue = queue.filter((q) => q !== taken);
      assign(agent, taken, t);
    }
  };

  for (let e = events.pop(); e; e = events.pop()) {
    if (e.kind === 'shift') {
      // Leaving agents finish what they have open but take nothing new.
      agents.forEach((agent, i) => {
        agent.presence = i < (agentsPerHour[e.hour] ?? 0) ? 'available' : 'offline';
      });
      for (const agent of agents) fill(agent, e.t);
    } else if (e.kind === 'done') {
      const agent = agents.find((a) => a.id === e.agentId)!;
      agent.open.chat = (agent.open.chat ?? 0) - 1;
      handleHistory.push(e.handle);
      if (handleHistory.length > HISTORY) handleHistory.shift();
      fill(agent, e.t);
    } else {
      const c = chat(e.id, at(e.t));
      arrivedAt.set(c.id, e.t);
      const onShift = agents.filter((a) => a.presence === 'available' || a.presence === 'busy');
      const range = estimateWaitRange({
        // One FIFO queue of equal priorities that every agent serves: everyone in it is ahead.
        position: queue.length,
        agentsOnShift: onShift.length,
        freeSlots: onShift.reduce((sum, a) => sum + Math.max(0, (a.capacity.chat ?? 0) - (a.open.chat ?? 0)), 0),
        capacityPerAgent: CAPACITY_PER_AGENT,
        recentHandleSeconds: [...handleHistory],
        defaultHandleSeconds: DEFAULT_HANDLE_SECONDS,
      });
      if (range.expectedSeconds === null) unknown++;
      else estimates.set(c.id, range.expectedSeconds);
      const picked = pickAgentFor(c, agents, at(e.t));
      if (picked) assign(picked.agent, c, e.t);
      else queue.push(c);
    }
  }

  const meanAbsoluteError = mean(errors);
  const meanActualWait = mean(waits);
  const waited = waits.filter((w) => w > 0).length;
  return {
    meanAbsoluteError: round(meanAbsoluteError),
    meanActualWait: round(meanActualWait),
    ratio: round(meanActualWait > 0 ? meanAbsoluteError / meanActualWait : 0, 3),
    conversations: waits.length,
    notes:
      `seed ${seed}: ${arrivals} chats, ${waits.length} with an estimate, ${unknown} with no estimate (nobody on shift) excluded; ` +
      `${waited} waited at all, longest ${Math.round(Math.max(0, ...waits))} s` +
      (estimates.size > waits.length ? `; ${estimates.size - waits.length} never served (excluded)` : ''),
  };
}

function chat(id: string, waitingSince: Date): QueuedConversation {
  return {
    id,
    channel: 'chat',
    teamId: 'support',
    basePriority: 0,
    upset: false,
    serviceFailure: false,
    escalated: false,
    language: null,
    skills: [],
    waitingSince,
    preferred: null,
  };
}

type SimEvent =
  | { t: number; kind: 'shift'; hour: number }
  | { t: number; kind: 'arrival'; id: string }
  | { t: number; kind: 'done'; agentId: string; handle: number };

// Same-instant events: shift changes first, then completions (freeing slots), then arrivals.
const ORDER = { shift: 0, done: 1, arrival: 2 } as const;

/** A binary min-heap of events by time; ties broken by kind then insertion, so a seed replays exactly. */
class EventQueue {
  private heap: { e: SimEvent; n: number }[] = [];
  private count = 0;

  push(e: SimEvent): void {
    this.heap.push({ e, n: this.count++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): SimEvent | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last || this.heap.length === 0) return top?.e;
    this.heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.before(l, m)) m = l;
      if (r < this.heap.length && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top.e;
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return (a.e.t - b.e.t || ORDER[a.e.kind] - ORDER[b.e.kind] || a.n - b.n) < 0;
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }
}

/** mulberry32: a tiny seeded PRNG with a full 2^32 period, plenty for a day of chats. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function exponential(random: () => number, rate: number): number {
  return -Math.log(1 - random()) / rate;
}

/** Box–Muller; 1 − u keeps the logarithm finite. */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

function round(n: number, digits = 1): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
