import type { Services } from '../core/context.ts';
import type { Db, Sql } from '../core/db/client.ts';
import { Unavailable } from '../core/errors.ts';
import { memoryRateLimiter } from '../core/http/rateLimit.ts';
import { createMetrics } from '../core/metrics.ts';
import { joinNodeRegistry } from '../core/nodes/registry.ts';
import { buildHttpApp } from '../httpApp.ts';
import { endCallsOfDeadNode } from '../modules/voice/index.ts';
import type { TestServer } from './testServer.ts';

export type MortalNode = Awaited<ReturnType<typeof startMortalNode>>;

/**
 * Another gateway node in this process, on `t`'s database, bus and clock, that a test can kill as kill -9 would:
 * it stops beating, its sockets drop, and nothing it tries afterwards reaches the database, so the calls on its
 * sockets are not let go by it. Until then it is a node like any other (it can sweep, too), wired as server.ts wires one.
 */
export async function startMortalNode(t: TestServer) {
  let dead = false;
  const services: Services = {
    db: severable(t.db, () => dead),
    bus: t.bus,
    config: t.config,
    secretKey: t.secretKey,
    log: t.log,
    now: () => t.now(),
    listeners: t.listeners,
    authenticate: t.authenticate,
    storage: t.storage,
  };
  const node = await joinNodeRegistry(services, {
    role: 'web',
    sweeps: false,
    gone: [endCallsOfDeadNode(t.config)],
    takenForDead: () => gateway.interrupted(),
  });
  const { app, gateway } = await buildHttpApp(services, {
    limiter: memoryRateLimiter(),
    metrics: createMetrics(),
    nodeId: node.id,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const close = async () => {
    for (const socket of app.websocketServer.clients) socket.terminate();
    await gateway.close();
    await app.close();
  };
  return {
    url,
    node,
    /** Dies without a word: no more beats, no more database, its sockets cut. */
    async kill() {
      dead = true;
      node.stop();
      await close();
    },
    /** Shuts down cleanly (a test's own cleanup). */
    async stop() {
      if (dead) return;
      await node.leave();
      await close();
    },
  };
}

/** `db`, until `dead()`: from then on every statement fails as on a database this node can no longer reach. */
function severable(db: Db, dead: () => boolean): Db {
  const reachable = () => {
    if (dead()) throw new Unavailable('This node is dead.');
  };
  return {
    kind: db.kind,
    async query<T>(text: string, params?: unknown[]) {
      reachable();
      return db.query<T>(text, params);
    },
    async exec(script: string) {
      reachable();
      return db.exec(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      reachable();
      return db.transaction(fn);
    },
    async close() {},
  };
}
