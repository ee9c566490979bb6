import { findEngines } from './prerequisites.ts';
import { freePort, portOpen, type Service, startService, waitFor } from './processes.ts';

/** A Redis server of the test's own, in memory only, on a free port; it can be stopped and started again. */
export interface RedisServer {
  url: string;
  port: number;
  /** Kills it (SIGKILL): every connection drops at once, as when the machine or the network goes. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const bin = findEngines().redisServer;
  if (!bin) throw new Error('redis-server was not found');
  const port = await freePort();
  let server: Service | null = null;
  async function start() {
    server = startService('redis', bin!, [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'no',
    ]);
    await waitFor(`Redis on port ${port}`, async () => {
      if (server!.child.exitCode !== null) throw new Error(`redis-server exited:\n${server!.output()}`);
      return portOpen(port);
    });
  }
  async function stop() {
    await server?.kill();
    server = null;
  }
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start, destroy: stop };
}
