import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';

/** The kind of the durable job that routes a queued conversation should its listener never run. */
export const ROUTE_BACKSTOP = 'route_queued';

/** If routing has not run this long after a conversation was queued (a crash between commit and listener), the job does it. */
const ROUTE_BACKSTOP_MS = 10_000;

/**
 * A conversation joins the queue: routing looks for a person as soon as this commits (its listener), and a durable
 * `route_queued` job written in the same transaction looks again should the node stop before the listener ran
 * (the listener cancels it when it has).
 */
export async function queueForRouting(tx: Sql, workspaceId: string, conversationId: string, now: Date, events: WarmlineEvent[]) {
  await jobs.schedule(tx, workspaceId, {
    kind: ROUTE_BACKSTOP,
    runAt: new Date(now.getTime() + ROUTE_BACKSTOP_MS),
    payload: { conversationId },
  });
  events.push({ type: 'conversation.queued', workspaceId, conversationId });
}
