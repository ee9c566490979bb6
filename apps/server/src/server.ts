import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import type { Bus } from './bus/events.ts';
import { inProcessBus } from './bus/inProcessBus.ts';
import { redisBus } from './bus/redisBus.ts';
import { appendOne } from './commands/appendMessage.ts';
import type { Services } from './commands/context.ts';
import { createMessageWriter } from './commands/messageWriter.ts';
import type { Config } from './config.ts';
import { openDb } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { buildHttpApp, type HttpApp } from './http/app.ts';
import { memoryRateLimiter, type RateLimiter, redisRateLimiter } from './http/middlewares/rateLimit.ts';
import { startJobRunner } from './jobs/runner.ts';
import { createMetrics } from './metrics.ts';
import { instance } from './repositories/workspaces.ts';

export type Role = 'all' | 'web' | 'worker';

export interface Running extends Services {
  http: HttpApp;
  url: string;
  jobs: ReturnType<typeof startJobRunner> | null;
  stop(): Promise<void>;
}

/** Opens storage (locking the embedded data directory), migrates, and connects the bus. */
export async function openServices(
  config: Config,
  log: Logger = pino({ level: config.logLevel }),
): Promise<Services & { release(): Promise<void> }> {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(db);
    const bus: Bus = config.redisUrl ? await redisBus(config.redisUrl) : inProcessBus();
    const secretKey = config.secretKey ?? (await instance.secretKey(db, () => randomBytes(32).toString('base64url')));
    const services: Services & { release(): Promise<void> } = {
      db,
      bus,
      config,
      secretKey,
      log,
      now: () => new Date(),
      writer: createMessageWriter({ db, bus, log }, (actor, input) => appendOne(services, actor, input)),
      async release() {
        await services.writer.drain();
        await bus.close();
        await db.close();
        unlock();
      },
    };
    return services;
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Starts the server: HTTP + WebSocket for `web`, the durable job runner for `worker`, both for `all`. */
export async function startServer(config: Config, log?: Logger, role: Role = 'all'): Promise<Running> {
  const services = await openServices(config, log);
  const jobRunner = role === 'web' ? null : startJobRunner(services, { pollMs: config.jobsPollMs });
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : null;
  redis?.on('error', () => {});
  const limiter: RateLimiter = redis ? redisRateLimiter(redis) : memoryRateLimiter();
  const http = await buildHttpApp(services, { limiter, metrics: createMetrics() });
  const address = await http.app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | null = null;
  return {
    ...services,
    http,
    url: address.replace('[::1]', 'localhost'),
    jobs: jobRunner,
    stop() {
      stopping ??= (async () => {
        await jobRunner?.stop();
        http.gateway.close();
        await http.app.close();
        redis?.disconnect();
        await services.release();
      })();
      return stopping;
    },
  };
}
