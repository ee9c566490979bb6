import { DEMO } from './cluster.ts';
import { freePort, type Service, startService, waitFor } from './processes.ts';
import { root, TEST_NODE_ENV } from './warmline.ts';

/** One `warmline start` on the embedded database, as `npm start` runs it, on the data directory `dataDir`. */
export interface EmbeddedWarmline {
  url: string;
  service: Service;
}

export async function startEmbedded(dataDir: string, opts: { demo?: boolean } = {}): Promise<EmbeddedWarmline> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...TEST_NODE_ENV, PORT: String(port), WARMLINE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const args = ['bin/warmline.mjs', 'start', ...(opts.demo ? ['--demo'] : [])];
  const service = startService('warmline (embedded)', process.execPath, args, { cwd: root, env });
  await waitFor(
    'Warmline on the embedded database to start',
    () => {
      if (service.child.exitCode !== null) throw new Error(`warmline exited before it was ready:\n${service.output()}`);
      return service.output().includes('Warmline is running');
    },
    { timeoutMs: 90_000, intervalMs: 50 },
  );
  return { url: `http://127.0.0.1:${port}`, service };
}

/** The processes of the data directory's PostgreSQL, and the shells watching it for Warmline's end. */
export {
  clusterProcesses as postgresProcessesOf,
  watchdogProcesses as watchdogsOf,
} from '../../apps/server/src/core/db/embedded/processes.ts';

/** A widget visitor of the demo workspace speaking over the REST API: each message acknowledged by a 201 or 200. */
export class RestVisitor {
  readonly acknowledged: string[] = [];
  private constructor(
    private readonly url: string,
    readonly visitorToken: string,
  ) {}

  static async open(url: string): Promise<RestVisitor> {
    const res = await fetch(`${url}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceKey: DEMO.workspaceKey }),
    });
    if (res.status !== 200) throw new Error(`widget session: ${res.status} ${await res.text()}`);
    return new RestVisitor(url, ((await res.json()) as { visitorToken: string }).visitorToken);
  }

  /** Sends `body`; true once the server acknowledged it, false when the request failed (it may or may not be stored). */
  async say(body: string, url = this.url): Promise<boolean> {
    try {
      const res = await fetch(`${url}/api/v1/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.visitorToken}` },
        body: JSON.stringify({ clientId: crypto.randomUUID(), body }),
      });
      await res.arrayBuffer();
      if (res.status !== 201 && res.status !== 200) return false;
      this.acknowledged.push(body);
      return true;
    } catch {
      return false;
    }
  }

  /** The bodies of the messages in this visitor's timeline, as a restarted server has them. */
  async storedBodies(url: string): Promise<string[]> {
    const res = await fetch(`${url}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceKey: DEMO.workspaceKey, visitorToken: this.visitorToken }),
    });
    const session = (await res.json()) as { entries?: Array<{ kind?: string; body: string }> };
    return (session.entries ?? []).filter((e) => e.kind === undefined || e.kind === 'message').map((e) => e.body);
  }
}
