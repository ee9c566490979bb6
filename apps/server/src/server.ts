import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import type { Registry } from 'prom-client';
import { deliverToCustomer } from './channels/channel.ts';
import { emailDoor } from './channels/email/door.ts';
import { type ImapReaders, startImapReaders } from './channels/email/imapMailboxes.ts';
import { imapTestHold } from './channels/email/imapTestHold.ts';
import { emailOutbound } from './channels/email/outbound.ts';
import { type InboundSmtp, startInboundSmtp } from './channels/email/smtpReceiver.ts';
import { smsOutbound } from './channels/sms/outbound.ts';
import { widgetDoor } from './channels/widget/door.ts';
import { inProcessBus } from './core/bus/inProcessBus.ts';
import { redisBus } from './core/bus/redisBus.ts';
import { systemClock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import type { Services } from './core/context.ts';
import { openDb } from './core/db/client.ts';
import { lockDataDir } from './core/db/lock.ts';
import { migrate } from './core/db/migrate.ts';
import { RateLimited } from './core/errors.ts';
import type { Bus } from './core/events.ts';
import { errorReplies } from './core/http/errorReplies.ts';
import { memoryRateLimiter, type RateLimiter, redisRateLimiter } from './core/http/rateLimit.ts';
import { healthRoutes } from './core/http/systemRoutes.ts';
import { startJobRunner } from './core/jobs/runner.ts';
import { Listeners } from './core/listeners.ts';
import { createMetrics } from './core/metrics.ts';
import { joinNodeRegistry, type NodeRegistry } from './core/nodes/registry.ts';
import { openStorage } from './core/storage/openStorage.ts';
import { buildHttpApp, type HttpApp } from './httpApp.ts';
import { jobHandlers } from './jobHandlers.ts';
import { authenticator } from './modules/auth/index.ts';
import { conversationListeners, drainAppends } from './modules/conversations/index.ts';
import { delightListeners } from './modules/delight/index.ts';
import { empathyListeners } from './modules/empathy/index.ts';
import { UNSENT_UPLOAD, unsentUploadHandler } from './modules/files/index.ts';
import { redisAgentsOnline, singleNode } from './modules/realtime/index.ts';
import { routingListeners } from './modules/routing/index.ts';
import { surveyListeners } from './modules/surveys/index.ts';
import { endCallsOfDeadNode, voiceJobHandlers } from './modules/voice/index.ts';
import { instance } from './modules/workspaces/index.ts';

export type Role = 'all' | 'web' | 'worker';

export interface Running extends Services {
  /** The public HTTP/WebSocket app on `web` and `all` nodes; on `worker` nodes only health, readiness and metrics. */
  http: { app: FastifyInstance; gateway: HttpApp['gateway'] | null };
  url: string;
  jobs: ReturnType<typeof startJobRunner> | null;
  /** This node in the registry: it beats, and (unless `web`) sweeps nodes that went silent. */
  node: NodeRegistry;
  /** The SMTP receiver for forwarded mail, on `web` and `all` nodes when INBOUND_SMTP_PORT is set. */
  inboundSmtp: InboundSmtp | null;
  /** Readers of the IMAP mailboxes, on the nodes that run jobs; each reads while it holds its mailbox's lease. */
  imapReaders: ImapReaders | null;
  /**
   * Graceful shutdown: readiness goes false (and stays so for `readinessGraceMs`, for load balancers that poll
   * it), the node stops accepting connections, tells WebSocket clients to reconnect elsewhere (4503), lets
   * frames and requests under way finish, stops taking jobs, drains the message writer and closes.
   */
  stop(opts?: { readinessGraceMs?: number }): Promise<void>;
}

/** Opens storage (locking the embedded data directory), migrates, and connects the bus. */
export async function openServices(
  config: Config,
  log: Logger = pino({ level: config.logLevel }),
): Promise<Services & { release(): Promise<void>; migrationsApplied: string[] }> {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const migrationsApplied = await migrate(db);
    const bus: Bus = config.redisUrl ? await redisBus(config.redisUrl, { log }) : inProcessBus();
    const secretKey = config.secretKey ?? (await instance.secretKey(db, () => randomBytes(32).toString('base64url')));
    const storage = openStorage(config.storage);
    const services: Services & { release(): Promise<void>; migrationsApplied: string[] } = {
      migrationsApplied,
      db,
      bus,
      config,
      secretKey,
      log,
      now: systemClock,
      listeners: new Listeners([
        ...conversationListeners,
        ...routingListeners,
        ...empathyListeners,
        ...delightListeners,
        ...surveyListeners,
        deliverToCustomer([widgetDoor, emailDoor]),
      ]),
      authenticate: authenticator,
      storage,
      async release() {
        await drainAppends(services);
        await bus.close();
        await db.close();
        storage.close();
        unlock();
      },
    };
    return services;
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * Starts a node: the public HTTP + WebSocket API for `web`, the durable job runner for `worker`, both for
 * `all`. Every node answers /healthz, /readyz and /metrics on its port.
 */
export async function startServer(config: Config, log?: Logger, role: Role = 'all'): Promise<Running> {
  const services = await openServices(config, log);
  const metrics = createMetrics();
  const email = emailOutbound(services, smsOutbound(services).textSenderOf);
  const jobRunner =
    role === 'web'
      ? null
      : startJobRunner(
          services,
          {
            ...jobHandlers,
            ...email.jobHandlers,
            ...voiceJobHandlers(config),
            [UNSENT_UPLOAD]: unsentUploadHandler(services),
          },
          { pollMs: config.jobsPollMs, metrics: metrics.registry },
        );
  const node = await joinNodeRegistry(services, {
    role,
    sweeps: jobRunner !== null,
    gone: [endCallsOfDeadNode(config)],
    // Its calls were let go as if its sockets had closed: its clients reconnect and resume them within the grace.
    takenForDead: () => http.gateway?.interrupted(),
  });
  const redis =
    config.redisUrl && role !== 'worker'
      ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 500 })
      : null;
  redis?.on('error', () => {});
  const limiter: RateLimiter = redis ? sharedRateLimiter(redis) : memoryRateLimiter();
  const http =
    role === 'worker'
      ? { app: await healthOnlyApp(services, metrics.registry), gateway: null }
      : await buildHttpApp(services, {
          limiter,
          metrics,
          nodeId: node.id,
          agentsOnline: redis ? redisAgentsOnline(redis) : singleNode,
        });
  const requests = countRequests(http.app.server);
  const address = await http.app.listen({ port: config.port, host: config.host });
  const inboundSmtp = config.inboundSmtp && role !== 'worker' ? await startInboundSmtp(services, config.inboundSmtp) : null;
  const imapReaders =
    config.inboundImap && jobRunner
      ? startImapReaders(services, config.inboundImap, { holder: node.id, hold: imapTestHold(process.env) })
      : null;
  let stopping: Promise<void> | null = null;
  // The running node is its services object itself, so a test that sets `now` moves every command's clock.
  return Object.assign(services, {
    http,
    url: address.replace('[::1]', 'localhost'),
    jobs: jobRunner,
    node,
    inboundSmtp,
    imapReaders,
    stop(opts: { readinessGraceMs?: number } = {}) {
      stopping ??= (async () => {
        http.app.startDraining();
        if (opts.readinessGraceMs) await new Promise((resolve) => setTimeout(resolve, opts.readinessGraceMs));
        // No new connections from here on; a load balancer sends new clients to the other nodes.
        http.app.server.close();
        await inboundSmtp?.close();
        await imapReaders?.stop();
        await http.gateway?.close();
        for (const socket of http.app.websocketServer?.clients ?? []) socket.terminate();
        await jobRunner?.stop();
        email.close();
        await requests.idle(10_000);
        await http.app.close();
        redis?.disconnect();
        await node.leave();
        await services.release();
      })();
      return stopping;
    },
  });
}

/** A worker node's HTTP side: nothing public, only what operators and load balancers ask. */
async function healthOnlyApp(services: Services, metrics: Registry): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: services.log as unknown as FastifyBaseLogger });
  errorReplies(app);
  healthRoutes(app, services, metrics);
  return app;
}

/** HTTP requests under way, so a shutdown can let them finish before the database closes. */
function countRequests(server: Server) {
  let active = 0;
  let onIdle: (() => void) | null = null;
  server.on('request', (_request, response) => {
    active++;
    response.once('close', () => {
      active--;
      if (active === 0) onIdle?.();
    });
  });
  return {
    idle(maxMs: number): Promise<void> {
      if (active === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, maxMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}

/**
 * Rate limits shared by every node through Redis. While Redis is unreachable each node counts on its own:
 * limits still hold (per node), and a Redis outage never stops a message from being stored.
 */
function sharedRateLimiter(redis: Redis): RateLimiter {
  const shared = redisRateLimiter(redis);
  const local = memoryRateLimiter();
  return {
    async hit(key, limit, windowSeconds) {
      if (redis.status !== 'ready') return local.hit(key, limit, windowSeconds);
      try {
        await shared.hit(key, limit, windowSeconds);
      } catch (err) {
        if (err instanceof RateLimited) throw err;
        await local.hit(key, limit, windowSeconds);
      }
    },
  };
}
