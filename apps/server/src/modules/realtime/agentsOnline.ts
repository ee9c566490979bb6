import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Which agents hold a live socket, on this node or another. An agent whose last socket on a node closes is set
 * away after the workspace's grace time only if no node holds one of theirs: in a cluster they have usually just
 * reconnected through another node (a restart, a deploy, a load balancer's choice).
 */
export interface AgentsOnline {
  /** This node now holds at least one socket of the agent (`true`), or none any more (`false`). */
  here(workspaceId: string, agentId: string, connected: boolean): void;
  /** True when another node holds a socket of the agent. */
  elsewhere(workspaceId: string, agentId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** One node on its own: nobody else holds sockets. */
export const singleNode: AgentsOnline = {
  here() {},
  elsewhere: async () => false,
  close: async () => {},
};

/**
 * Nodes sharing a Redis: per agent, a sorted set of the nodes holding one of their sockets, each scored with the
 * time until which it vouches for it. A node renews its vouchers every `refreshMs` and withdraws one when the
 * agent's last socket there closes; a node that dies stops renewing, and its vouchers lapse.
 */
export function redisAgentsOnline(redis: Redis, opts: { refreshMs?: number; now?: () => number } = {}): AgentsOnline {
  const node = randomUUID();
  const refreshMs = opts.refreshMs ?? 30_000;
  const validMs = refreshMs * 3;
  const now = opts.now ?? Date.now;
  const held = new Set<string>();
  const keyOf = (workspaceId: string, agentId: string) => `warmline:agent-sockets:${workspaceId}:${agentId}`;

  // Redis being away must not break a socket: vouchers are renewed on the next round, and `elsewhere` then
  // answers from what this node knows.
  const vouch = (key: string) =>
    redis
      .multi()
      .zadd(key, now() + validMs, node)
      .pexpire(key, validMs)
      .exec()
      .catch(() => {});
  const withdraw = (key: string) => redis.zrem(key, node).catch(() => {});

  const renew = setInterval(() => {
    for (const key of held) void vouch(key);
  }, refreshMs);
  renew.unref();

  return {
    here(workspaceId, agentId, connected) {
      const key = keyOf(workspaceId, agentId);
      if (connected && !held.has(key)) {
        held.add(key);
        void vouch(key);
      } else if (!connected && held.delete(key)) {
        void withdraw(key);
      }
    },
    async elsewhere(workspaceId, agentId) {
      try {
        const nodes = await redis.zrangebyscore(keyOf(workspaceId, agentId), `(${now()}`, '+inf');
        return nodes.some((n) => n !== node);
      } catch {
        return false;
      }
    },
    async close() {
      clearInterval(renew);
      await Promise.all([...held].map(withdraw));
      held.clear();
    },
  };
}
