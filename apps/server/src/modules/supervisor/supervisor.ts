import type { SupervisorOverview } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden } from '../../core/errors.ts';
import { callbacks, conversationBatches, conversations, viewsOf } from '../conversations/index.ts';
import { alerts, presentAlert, recoveries } from '../empathy/index.ts';
import { compareQueue, toQueued } from '../routing/index.ts';
import { walkInTimesToHuman } from '../store/index.ts';
import { agents, presentAgent } from '../teams/index.ts';
import { localTime, workspaces } from '../workspaces/index.ts';

const QUEUE_SHOWN = 500;

/** The live floor: who waits (in queue order), who is working and how loaded, and today's time to human. */
export async function supervisorOverview(services: Services, actor: AgentActor): Promise<SupervisorOverview> {
  if (actor.role === 'agent') throw new Forbidden('The live queue is for supervisors and admins.');
  const now = services.now();
  // Everyone waiting for a person, by the one definition (conversations' waiting.ts): those still in line, in
  // routing's order, then those routed to someone who has not answered yet.
  const waiting = await conversations.waitingForPerson(services.db, actor.workspaceId, { limit: QUEUE_SHOWN });
  const inLine = waiting.filter((w) => w.assigneeId === null).sort((a, b) => compareQueue(toQueued(a), toQueued(b)));
  const withSomeone = waiting.filter((w) => w.assigneeId !== null);
  const ordered = await recordsInOrder(
    services,
    actor,
    [...inLine, ...withSomeone].map((w) => w.id),
  );
  const views = await viewsOf(services.db, ordered);
  const people = await agents.list(services.db, actor.workspaceId);
  const load = await agents.openByChannel(
    services.db,
    actor.workspaceId,
    people.map((p) => p.id),
  );
  const promised = await callbacks.open(services.db, actor.workspaceId, QUEUE_SHOWN);
  const promises = await viewsOf(
    services.db,
    await recordsInOrder(
      services,
      actor,
      promised.map((p) => p.conversationId),
    ),
  );
  const workspace = (await workspaces.byId(services.db, actor.workspaceId))!;
  const dayStart = startOfDay(now, workspace.timezone);
  const reached = await conversations.timesToHuman(services.db, actor.workspaceId, dayStart);
  const times = reached.map((r) => r.seconds);
  const walkIns = await walkInTimesToHuman(services.db, actor.workspaceId, dayStart);
  return {
    queue: ordered.map((c, i) => ({
      conversation: views[i]!,
      /** How many are ahead in line (0: next); null once routed to someone who has not answered yet. */
      position: i < inLine.length ? i : null,
      waitingSeconds: Math.max(0, Math.round((now.getTime() - new Date(c.queueSince).getTime()) / 1000)),
      mood: c.upset ? 'upset' : 'calm',
    })),
    agents: people.map((p) => ({ agent: presentAgent(p), load: load.get(p.id) ?? {} })),
    promises,
    timeToHuman: {
      today: {
        count: times.length,
        medianSeconds: quantile(times, 0.5),
        p90Seconds: quantile(times, 0.9),
        byChannel: {
          chat: median(reached.filter((r) => r.channel === 'chat').map((r) => r.seconds)),
          phone: median(reached.filter((r) => r.channel === 'phone').map((r) => r.seconds)),
          walkIn: median(walkIns),
        },
      },
    },
    alerts: (await alerts.list(services.db, actor.workspaceId, { open: true, limit: 20 })).map(presentAlert),
    serviceRecovery: await recoveries.counts(services.db, actor.workspaceId, new Date(now.getTime() - 7 * 86_400_000)),
  };
}

/** These conversations, read in one statement, in the order given. */
async function recordsInOrder(services: Services, actor: AgentActor, ids: string[]) {
  const keys = ids.map((id) => ({ workspaceId: actor.workspaceId, id }));
  const byId = new Map((await conversationBatches.records(services.db, keys)).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** Nearest-rank quantile of sorted values, or null when there are none. */
export function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
}

/** How many, and their median, of sorted seconds. */
const median = (sorted: number[]) => ({ count: sorted.length, medianSeconds: quantile(sorted, 0.5) });

/** Local midnight of `now` in the workspace's time zone, as an instant. */
function startOfDay(now: Date, timeZone: string): Date {
  const { minutes } = localTime(now, timeZone);
  return new Date(now.getTime() - minutes * 60_000 - now.getUTCSeconds() * 1000 - now.getUTCMilliseconds());
}
