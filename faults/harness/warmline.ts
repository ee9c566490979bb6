import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { root } from '../../e2e/warmlineProcess.ts';
import { freePort, portOpen, type Service, startService, waitFor } from './processes.ts';

export { root };

export type Role = 'web' | 'worker' | 'all';

/** One `warmline start --role …` process, started the way docs/deploy.md starts it. */
export interface WarmlineNode {
  name: string;
  role: Role;
  port: number;
  /** Its own address, bypassing nginx. */
  url: string;
  service: Service;
  output(): string;
  /** SIGKILL: the process vanishes mid-work, sockets and all. */
  kill9(): Promise<void>;
  /** SIGTERM, then the exit code once it has shut down gracefully. */
  terminate(): Promise<number | string>;
}

/** Everything a node of one cluster shares with its siblings. */
export interface NodeEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  PUBLIC_URL: string;
  SECRET_KEY: string;
  [key: string]: string;
}

/** The settings every test node runs with, on top of the cluster's. */
export const TEST_NODE_ENV = {
  LOG_LEVEL: 'warn',
  // Every test client comes from 127.0.0.1 through nginx: per-IP and per-person limits would stop the load itself.
  WIDGET_SESSIONS_PER_MINUTE: '100000',
  MESSAGES_PER_MINUTE: '100000',
  SIGN_IN_LIMIT_PER_15_MIN: '1000',
  JOBS_POLL_MS: '100',
};

function nodeEnv(env: NodeEnv, port: number): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...TEST_NODE_ENV, ...env, PORT: String(port), HOST: '127.0.0.1' };
  delete out.WARMLINE_DATA_DIR;
  return out;
}

/** `warmline migrate` against the cluster's database. */
export async function migrate(env: NodeEnv): Promise<void> {
  await promisify(execFile)(process.execPath, ['bin/warmline.mjs', 'migrate'], { cwd: root, env: nodeEnv(env, 0) });
}

/** Starts a node and waits until it says it is running and accepts connections. */
export async function startNode(
  name: string,
  role: Role,
  env: NodeEnv,
  opts: { port?: number; demo?: boolean } = {},
): Promise<WarmlineNode> {
  const port = opts.port ?? (await freePort());
  const args = ['bin/warmline.mjs', 'start', '--role', role, ...(opts.demo ? ['--demo'] : [])];
  const service = startService(`warmline ${name}`, process.execPath, args, { cwd: root, env: nodeEnv(env, port) });
  await waitFor(
    `${name} (${role}) to start`,
    async () => {
      if (service.child.exitCode !== null) throw new Error(`${name} exited before it was ready:\n${service.output()}`);
      return service.output().includes('Warmline is running') && (await portOpen(port));
    },
    { timeoutMs: 90_000, intervalMs: 200 },
  );
  await expectOwnPort(name, role, port);
  return {
    name,
    role,
    port,
    url: `http://127.0.0.1:${port}`,
    service,
    output: service.output,
    kill9: service.kill,
    async terminate() {
      service.signal('SIGTERM');
      return service.exited;
    },
  };
}

/**
 * The process answering on `port` must be this node: a web node serves the API, a worker does not. Anything
 * else there (another program that took the port first) would send the test's clients somewhere else.
 */
async function expectOwnPort(name: string, role: Role, port: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`);
  await res.arrayBuffer();
  const servesApi = res.status === 200;
  if (servesApi !== (role !== 'worker'))
    throw new Error(`port ${port} of ${name} (${role}) answers the API with ${res.status}: another process holds it`);
}
