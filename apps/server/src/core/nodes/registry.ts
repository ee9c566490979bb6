import { randomUUID } from 'node:crypto';
import { afterCommit, type Services } from '../context.ts';
import type { Sql } from '../db/client.ts';
import type { WarmlineEvent } from '../events.ts';
import { type NodeRole, nodes } from './nodes.ts';

/**
 * What a dead node leaves behind, let go inside the transaction that holds its row (a module's reaction, wired in
 * server.ts): the calls bound to its sockets, for one.
 */
export type NodeGone = (tx: Sql, nodeId: string, now: Date, events: WarmlineEvent[]) => Promise<void>;

/** A new socket's id, naming the node that holds it: whoever finds something bound to the socket knows where it lived. */
export function newSocketId(nodeId: string): string {
  return `${nodeId}/${randomUUID()}`;
}

/** A `like` pattern matching the ids of every socket this node has held. */
export function socketsOfNode(nodeId: string): string {
  return `${nodeId}/%`;
}

/** True when the socket was held by this node. */
export function isSocketOf(nodeId: string, socketId: string): boolean {
  return socketId.startsWith(`${nodeId}/`);
}

export interface NodeRegistry {
  /** This node's id; its sockets' ids start with it. */
  readonly id: string;
  /** Records that this node is alive now (the application's clock). */
  beat(): Promise<void>;
  /**
   * Lets go of every other node silent for `nodeDeadAfterSeconds` before `at` (the application's clock): each in one
   * transaction holding its row, so it is swept once whichever node sweeps. Answers the ids swept.
   */
  sweep(at?: Date): Promise<string[]>;
  /** Stops beating without a word, as a node that dies does (tests). */
  stop(): void;
  /** A clean shutdown: stops beating and removes this node's row. */
  leave(): Promise<void>;
}

/**
 * Records this node in the database and beats every `nodeHeartbeatSeconds`. A node that runs background work
 * (`sweeps`) also looks for nodes silent for `nodeDeadAfterSeconds` (a kill -9, a crash, a lost machine never closes
 * its sockets) and lets go of what they held through `gone`. When this node finds its own row gone, it was taken
 * for dead (a long pause): `takenForDead` lets the caller send its clients elsewhere to resume.
 */
export async function joinNodeRegistry(
  services: Services,
  opts: { role: NodeRole; sweeps: boolean; gone: NodeGone[]; takenForDead?: () => void },
): Promise<NodeRegistry> {
  const self = { id: randomUUID(), role: opts.role, startedAt: services.now() };
  const { nodeHeartbeatSeconds, nodeDeadAfterSeconds } = services.config;
  let joined = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  async function beat() {
    const { written } = await nodes.beat(services.db, self, services.now());
    if (written && joined) {
      services.log.warn({ node: self.id }, 'this node was taken for dead (silent too long); its calls were let go');
      opts.takenForDead?.();
    }
    joined = true;
  }

  async function sweepOne(at: Date): Promise<string | null> {
    const events: WarmlineEvent[] = [];
    const swept = await services.db.transaction(async (tx) => {
      const silent = await nodes.takeSilent(tx, new Date(at.getTime() - nodeDeadAfterSeconds * 1000), self.id);
      if (!silent) return null;
      for (const letGo of opts.gone) await letGo(tx, silent.id, services.now(), events);
      await nodes.remove(tx, silent.id);
      return silent;
    });
    if (!swept) return null;
    services.log.warn({ node: swept.id, role: swept.role, lastSeenAt: swept.lastSeenAt }, 'a node went silent: let go of it');
    await afterCommit(services, events);
    return swept.id;
  }

  async function sweep(at = services.now()) {
    const swept: string[] = [];
    for (let id = await sweepOne(at); id; id = await sweepOne(at)) swept.push(id);
    return swept;
  }

  let unreachable = false;
  async function tick() {
    try {
      await beat();
      // Never judged by a clock moved ahead of real time (a test living on another day): that would kill nodes
      // that are merely on the real clock.
      if (opts.sweeps) await sweep(new Date(Math.min(services.now().getTime(), Date.now())));
      unreachable = false;
    } catch (err) {
      if (!unreachable) services.log.warn({ err }, 'node heartbeat could not reach the database; retrying');
      unreachable = true;
    }
    if (!stopped) later();
  }
  const later = () => {
    timer = setTimeout(() => (current = tick()), nodeHeartbeatSeconds * 1000);
    timer.unref();
  };

  await beat();
  later();
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
  return {
    id: self.id,
    beat,
    sweep,
    stop,
    async leave() {
      stop();
      await current;
      await nodes.remove(services.db, self.id);
    },
  };
}
