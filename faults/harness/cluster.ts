import { randomBytes } from 'node:crypto';
import { type Nginx, startNginx } from './nginx.ts';
import { type Postgres, startPostgres } from './postgres.ts';
import { freePorts, killAll } from './processes.ts';
import { type RedisServer, startRedis } from './redis.ts';
import { migrate, type NodeEnv, type Role, startNode, type WarmlineNode } from './warmline.ts';

export const DEMO = {
  workspaceKey: 'demo',
  password: 'warmline-demo',
  amina: 'amina@juniper-rye.example',
  priya: 'priya@juniper-rye.example',
};

/**
 * Warmline as docs/deploy.md runs it, on one machine: PostgreSQL, Redis, web and worker nodes, and nginx in
 * front of the web nodes with the guide's own configuration. Every port is free and on 127.0.0.1.
 */
export interface Cluster {
  pg: Postgres;
  redis: RedisServer;
  nginx: Nginx;
  env: NodeEnv;
  /** The address clients use: nginx. */
  url: string;
  nodes: Map<string, WarmlineNode>;
  node(name: string): WarmlineNode;
  /** Starts a planned node that is not running (again, on its own port). */
  start(name: string): Promise<WarmlineNode>;
  stop(): Promise<void>;
}

export interface ClusterPlan {
  /** Nodes by name; web nodes are nginx's upstreams. */
  nodes: Record<string, Role>;
  /** Nodes not started with the cluster (started later with `start`). */
  later?: string[];
  /** Settings every node of this cluster runs with, beside the shared ones (shorter timings, say). */
  env?: Record<string, string>;
}

export async function startCluster(plan: ClusterPlan): Promise<Cluster> {
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    return await build(plan, started);
  } catch (err) {
    await killAll();
    await Promise.all(started.map((s) => s.stop().catch(() => {})));
    throw err;
  }
}

async function build(plan: ClusterPlan, started: Array<{ stop(): Promise<void> }>): Promise<Cluster> {
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  started.push({ stop: pg.destroy }, { stop: redis.destroy });
  const names = Object.keys(plan.nodes);
  const allPorts = await freePorts(names.length + 1);
  const nginxPort = allPorts[0]!;
  const ports = new Map(names.map((name, i) => [name, allPorts[i + 1]!]));
  const env: NodeEnv = {
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
    SECRET_KEY: randomBytes(32).toString('base64url'),
    ...plan.env,
  };
  await migrate(env);
  const nodes = new Map<string, WarmlineNode>();
  const start = async (name: string, demo = false) => {
    const role = plan.nodes[name];
    if (!role) throw new Error(`no node "${name}" in this cluster`);
    const node = await startNode(name, role, env, { port: ports.get(name)!, demo });
    nodes.set(name, node);
    return node;
  };
  const now = names.filter((n) => !plan.later?.includes(n));
  // The first node seeds the demo workspace; the others start together once it exists.
  await start(now[0]!, true);
  await Promise.all(now.slice(1).map((n) => start(n)));
  const web = names.filter((n) => plan.nodes[n] !== 'worker').map((n) => ports.get(n)!);
  const nginx = await startNginx(web, nginxPort);
  started.push(nginx);
  return {
    pg,
    redis,
    nginx,
    env,
    url: nginx.url,
    nodes,
    node(name) {
      const node = nodes.get(name);
      if (!node) throw new Error(`node "${name}" is not running`);
      return node;
    },
    start: (name) => start(name),
    async stop() {
      await killAll();
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}
