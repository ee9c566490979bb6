import type { Logger } from 'pino';
import type { Bus, WarmlineEvent } from './bus/events.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { MessageWriter } from '../modules/conversations/groupCommit.ts';

/** What every command may use. Built once at start; tests build their own. */
export interface Services {
  db: Db;
  bus: Bus;
  config: Config;
  /** Signs visitor tokens; from SECRET_KEY or made once per instance. */
  secretKey: string;
  log: Logger;
  now: () => Date;
  /** Group-commits messages (messageWriter.ts). */
  writer: MessageWriter;
}

export type AgentActor = { kind: 'agent'; workspaceId: string; agentId: string; role: 'agent' | 'supervisor' | 'admin' };
export type VisitorActor = { kind: 'visitor'; workspaceId: string; customerId: string };
export type Actor = AgentActor | VisitorActor;

/**
 * Publishes committed changes. A bus failure never undoes or fails a committed change: clients
 * catch up from the database when they resume.
 */
export async function publishAll(services: Services, events: WarmlineEvent[]): Promise<void> {
  for (const event of events) {
    try {
      await services.bus.publish(event);
    } catch (err) {
      services.log.warn({ err, event: event.type }, 'bus publish failed; clients will catch up on resume');
    }
  }
}
