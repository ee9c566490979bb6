import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, Sql } from './db/client.ts';
import { type Bus, travelsOnBus, type WarmlineEvent } from './events.ts';
import type { Listeners } from './listeners.ts';
import type { FileStorage } from './storage/fileStorage.ts';

/** What every command may use. Built once at start; tests build their own. */
export interface Services {
  db: Db;
  bus: Bus;
  config: Config;
  /** Signs visitor tokens; from SECRET_KEY or made once per instance. */
  secretKey: string;
  log: Logger;
  /** The clock (core/clock.ts): every command and listener reads the time here, so tests can set it. */
  now: () => Date;
  /** Who reacts to committed events (each module's listeners.ts, registered at start). */
  listeners: Listeners<Services>;
  /** Tells who a request comes from (modules/auth). */
  authenticate: Authenticator;
  /** Where stored files' bytes live (core/storage): the data directory's disk, or an S3-compatible bucket. */
  storage: FileStorage;
}

/** A signed-in agent's session and workspace, as the auth module reads them from the cookie. */
export interface AgentSession {
  session: { id: string; workspaceId: string; agentId: string; csrfToken: string; expiresAt: Date };
  workspace: { id: string; name: string; key: string; idleAwayMinutes: number };
}

/** Who is asking: the auth module answers for every route (core knows no module; server.ts plugs it in). */
export interface Authenticator {
  agent(services: Services, request: FastifyRequest): Promise<{ actor: AgentActor; session: AgentSession }>;
  visitor(services: Services, request: FastifyRequest): Promise<VisitorActor>;
}

export type AgentActor = { kind: 'agent'; workspaceId: string; agentId: string; role: 'agent' | 'supervisor' | 'admin' };
export type VisitorActor = {
  kind: 'visitor';
  workspaceId: string;
  customerId: string;
  /** The customer's visitor epoch when this visitor was authenticated: a write from an earlier epoch is refused. */
  visitorEpoch?: number;
};
export type Actor = AgentActor | VisitorActor;

/**
 * After a commit: publishes its fan-out events on the bus, then runs the listeners of every event. A bus failure
 * never undoes or fails a committed change: clients catch up from the database when they resume.
 */
export async function afterCommit(services: Services, events: WarmlineEvent[]): Promise<void> {
  if (!events.length) return;
  for (const event of events) {
    if (!travelsOnBus(event)) continue;
    try {
      await services.bus.publish(event);
    } catch (err) {
      services.log.warn({ err, event: event.type }, 'bus publish failed; clients will catch up on resume');
    }
  }
  await services.listeners.dispatch(services, events, services.log);
}

/**
 * A unit of work: `fn` runs in one transaction and emits events into `events`; once it has committed, they are
 * published and their listeners run (afterCommit). Nothing is announced for a change that rolled back.
 */
export async function inUnit<T>(services: Services, fn: (tx: Sql, events: WarmlineEvent[]) => Promise<T>): Promise<T> {
  const events: WarmlineEvent[] = [];
  const result = await services.db.transaction((tx) => fn(tx, events));
  await afterCommit(services, events);
  return result;
}
