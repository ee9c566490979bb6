import { isInLine } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import {
  type ConversationRecord,
  conversations,
  eventEntry,
  pushConversationChanged,
  type QueueRow,
} from '../conversations/index.ts';
import { type AgentRecord, agents } from '../teams/index.ts';
import { canTake, freeSlots } from './domain/eligibility.ts';
import { pickAgentFor, pickConversationFor } from './domain/policy.ts';
import type { AgentSlot } from './domain/types.ts';
import { toQueued, toSlot } from './snapshot.ts';

/** The queue is read in windows: the best few first, more only when none of those fits this person. */
const QUEUE_WINDOWS = [25, 500];

/**
 * A conversation arrives or returns to the queue: assign the best person now, hold it for the person the
 * customer knows (continuity, within grace), or leave it waiting for the next person with room.
 * Runs inside the caller's transaction; the assignment is atomic with it.
 */
export async function routeConversation(
  tx: Sql,
  workspaceId: string,
  conversationId: string,
  now: Date,
  events: WarmlineEvent[],
) {
  const conversation = await conversations.byId(tx, workspaceId, conversationId);
  if (!conversation || !isInLine(conversation)) return null;
  const people = await agents.list(tx, workspaceId);
  const open = await agents.openByChannel(
    tx,
    workspaceId,
    people.map((p) => p.id),
  );
  const queued = toQueued(conversation);
  const pick = pickAgentFor(
    queued,
    people.map((p) => toSlot(p, open.get(p.id))),
    now,
  );
  if (!pick) {
    // Held for the preferred person: look again when the grace time ends.
    if (queued.preferred && queued.preferred.graceUntil > now) {
      await jobs.schedule(tx, workspaceId, { kind: 'route', runAt: queued.preferred.graceUntil, payload: { conversationId } });
    }
    return null;
  }
  // Re-check under the agent's row lock: a concurrent decision may have used the last free slot.
  await agents.lock(tx, workspaceId, pick.agent.id);
  const fresh = (await agents.openByChannel(tx, workspaceId, [pick.agent.id])).get(pick.agent.id);
  if (!canTake({ ...pick.agent, open: fresh ?? {} }, queued)) return null;
  const person = people.find((p) => p.id === pick.agent.id)!;
  if (!(await conversations.assignIfWaiting(tx, workspaceId, conversation.id, person.id))) return null;
  await announce(tx, conversation, person, pick.reason, now, events);
  return { agentId: person.id, reason: pick.reason };
}

/**
 * An agent has room (became available, resolved one, accepted more capacity): give them the best waiting
 * conversations they can take, until they are full. Concurrent decisions never take the same conversation
 * (each claims its pick under a row lock, re-checking it is still unowned) and never overfill one person
 * (their row is locked for the decision).
 */
export async function fillAgent(
  tx: Sql,
  workspaceId: string,
  agentId: string,
  now: Date,
  events: WarmlineEvent[],
): Promise<number> {
  const person = await agents.lockAndGet(tx, workspaceId, agentId);
  if (!person || person.presence !== 'available') return 0;
  const slot = toSlot(person, (await agents.openByChannel(tx, workspaceId, [agentId])).get(agentId));
  let assigned = 0;
  for (const limit of QUEUE_WINDOWS) {
    const queue = await conversations.queue(tx, workspaceId, { limit });
    if (!queue.length) break;
    assigned += await fillFrom(tx, queue, person, slot, now, events);
    if (queue.length < limit || freeSlots(slot, 'chat') + freeSlots(slot, 'email') + freeSlots(slot, 'phone') === 0) break;
  }
  return assigned;
}

async function fillFrom(
  tx: Sql,
  queue: QueueRow[],
  person: AgentRecord,
  slot: AgentSlot,
  now: Date,
  events: WarmlineEvent[],
): Promise<number> {
  const workspaceId = person.workspaceId;
  const agentId = person.id;
  // Colleagues' presence tells whether a continuity hold is still worth keeping.
  const team = queue.some((c) => c.preferredAgentId)
    ? (await agents.list(tx, workspaceId)).map((p) => toSlot(p, undefined))
    : undefined;
  const byId = new Map(queue.map((c) => [c.id, c]));
  let candidates = queue.map(toQueued);
  let assigned = 0;
  for (;;) {
    const next = pickConversationFor(slot, candidates, now, team);
    if (!next) break;
    candidates = candidates.filter((c) => c.id !== next.id);
    // Another decision may have taken it since the queue was read: then try the next best.
    if (!(await conversations.assignIfWaiting(tx, workspaceId, next.id, agentId))) continue;
    await announce(tx, byId.get(next.id)!, person, 'available', now, events);
    slot.open[next.channel] = (slot.open[next.channel] ?? 0) + 1;
    assigned++;
  }
  return assigned;
}

/** Fills every available agent of the workspace (after the queue grew or someone's capacity changed). */
export async function fillEveryone(tx: Sql, workspaceId: string, now: Date, events: WarmlineEvent[]): Promise<void> {
  for (const person of await agents.available(tx, workspaceId, 500)) await fillAgent(tx, workspaceId, person.id, now, events);
}

/** After an assignment: the person's last-assigned time, the "is joining" entry, and the change event. */
async function announce(
  tx: Sql,
  conversation: Pick<ConversationRecord, 'id' | 'workspaceId' | 'customerId' | 'preferredAgentId'> & {
    preferredSince?: Date | null;
    resolvedAt?: Date | null;
    updatedAt?: Date;
  },
  person: { id: string; displayName: string },
  reason: 'continuity' | 'available',
  now: Date,
  events: WarmlineEvent[],
) {
  await agents.markAssigned(tx, conversation.workspaceId, person.id);
  const customerText =
    reason === 'continuity'
      ? `${person.displayName}, who helped you ${sinceWords(conversation, now)}, is joining.`
      : `${person.displayName} is joining.`;
  const body =
    reason === 'continuity'
      ? `${person.displayName} joined — they helped this customer before`
      : `${person.displayName} joined the conversation`;
  events.push(
    await eventEntry(tx, { kind: 'system', workspaceId: conversation.workspaceId }, conversation, 'assigned', body, {
      agentId: person.id,
      agentName: person.displayName,
      reason,
      customerText,
    }),
  );
  await pushConversationChanged(tx, conversation.workspaceId, conversation.id, events);
}

/** "last week", "earlier today" … : when the customer last spoke with this person. */
function sinceWords(
  conversation: { preferredSince?: Date | null; resolvedAt?: Date | null; updatedAt?: Date },
  now: Date,
): string {
  const last = conversation.preferredSince ?? conversation.resolvedAt ?? conversation.updatedAt ?? now;
  const days = (now.getTime() - new Date(last).getTime()) / 86_400_000;
  if (days < 1) return 'earlier today';
  if (days < 2) return 'yesterday';
  if (days < 7) return 'a few days ago';
  if (days < 14) return 'last week';
  if (days < 60) return 'a few weeks ago';
  return 'before';
}
