import type { Sql } from '../../core/db/client.ts';
import type { ConversationRecord } from '../conversations/index.ts';
import { type AgentRecord, agents } from '../teams/index.ts';
import { pickAgentFor } from './domain/policy.ts';
import { toQueued, toSlot } from './snapshot.ts';

/**
 * Who a call on this conversation should ring now: routing's own policy on the phone channel (presence, phone
 * capacity, team, skills; continuity: the person helping now or who helped last first), skipping `exclude`
 * (already rung). `liveCalls` counts each person's calls ringing or under way: they, not open conversations, fill
 * their phone capacity. A preferred
 * person who cannot take a call now is not waited for: a ringing customer is not held for anyone.
 */
export async function personToRing(
  tx: Sql,
  conversation: ConversationRecord,
  opts: { exclude: readonly string[]; liveCalls: ReadonlyMap<string, number>; knownPerson: string | null; now: Date },
): Promise<AgentRecord | null> {
  const { workspaceId } = conversation;
  const people = (await agents.list(tx, workspaceId)).filter((p) => !opts.exclude.includes(p.id));
  if (!people.length) return null;
  const open = await agents.openByChannel(
    tx,
    workspaceId,
    people.map((p) => p.id),
  );
  const slots = people.map((p) => {
    const slot = toSlot(p, open.get(p.id));
    // Phone capacity is calls at once: a phone conversation still open after its call does not keep the line busy.
    slot.open.phone = opts.liveCalls.get(p.id) ?? 0;
    return slot;
  });
  const queued = { ...toQueued(conversation), channel: 'phone' as const };
  if (opts.knownPerson) {
    queued.preferred = { agentId: opts.knownPerson, reason: 'last_agent', graceUntil: new Date(opts.now.getTime() + 1) };
  }
  const pick =
    pickAgentFor(queued, slots, opts.now) ??
    (queued.preferred ? pickAgentFor({ ...queued, preferred: null }, slots, opts.now) : null);
  return pick ? people.find((p) => p.id === pick.agent.id)! : null;
}
