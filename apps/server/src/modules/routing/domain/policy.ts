import { effectivePriority } from '../../conversations/index.ts';
import { canTake, isQualified, loadRatio } from './eligibility.ts';
import type { AgentSlot, QueuedConversation } from './types.ts';

/** The queue order: effective priority (highest first), then waitingSince (oldest first), then id. */
export function compareQueue(a: QueuedConversation, b: QueuedConversation): number {
  return (
    effectivePriority(b) - effectivePriority(a) || a.waitingSince.getTime() - b.waitingSince.getTime() || compareIds(a.id, b.id)
  );
}

/**
 * When an agent has room: the best waiting conversation they can take, or null. A conversation held for its
 * preferred person (continuity, still within graceUntil, that person not offline/away) is skipped by everyone
 * else. Pass `team` so the preferred person's presence is known; without it a hold lasts until graceUntil.
 */
export function pickConversationFor(
  agent: AgentSlot,
  queue: readonly QueuedConversation[],
  now: Date,
  team?: readonly AgentSlot[],
): QueuedConversation | null {
  // One pass rather than a sort: this runs whenever a slot frees, with up to thousands waiting.
  let best: QueuedConversation | null = null;
  for (const c of queue) {
    if (best && compareQueue(c, best) >= 0) continue;
    if (!canTake(agent, c) || isHeldForSomeoneElse(agent, c, now, team)) continue;
    best = c;
  }
  return best;
}

/**
 * When a conversation arrives: its preferred person if they can take it now; else, while within grace and the
 * preferred person is available or busy, null = hold for them; else the best other agent who can take it:
 * lowest load ratio on the channel, then longest since last assignment (never = first), then id.
 */
export function pickAgentFor(
  c: QueuedConversation,
  agents: readonly AgentSlot[],
  now: Date,
): { agent: AgentSlot; reason: 'continuity' | 'available' } | null {
  const preferred = c.preferred ? agents.find((a) => a.id === c.preferred!.agentId) : undefined;
  if (preferred && canTake(preferred, c)) return { agent: preferred, reason: 'continuity' };
  if (preferred && isWorthWaitingFor(preferred, c, now)) return null;

  let best: AgentSlot | null = null;
  for (const agent of agents) {
    if (canTake(agent, c) && (!best || compareCandidates(agent, best, c) < 0)) best = agent;
  }
  return best ? { agent: best, reason: 'available' } : null;
}

/** Whether a conversation is still waiting for its preferred person: within grace, and that person is around. */
export function isWorthWaitingFor(person: AgentSlot, c: QueuedConversation, now: Date): boolean {
  return (
    withinGrace(c, now) &&
    // Busy counts as around: they are expected back soon. Away and offline are not waited for.
    (person.presence === 'available' || person.presence === 'busy') &&
    // A person who can never take it (left the team, lost the skill) is not worth a wait.
    isQualified(person, c)
  );
}

function isHeldForSomeoneElse(
  agent: AgentSlot,
  c: QueuedConversation,
  now: Date,
  team: readonly AgentSlot[] | undefined,
): boolean {
  if (!c.preferred || c.preferred.agentId === agent.id || !withinGrace(c, now)) return false;
  if (!team) return true;
  const person = team.find((a) => a.id === c.preferred!.agentId);
  return person !== undefined && isWorthWaitingFor(person, c, now);
}

// Grace ends at graceUntil exactly: from that instant anyone may take the conversation.
function withinGrace(c: QueuedConversation, now: Date): boolean {
  return c.preferred !== null && now.getTime() < c.preferred.graceUntil.getTime();
}

function compareCandidates(a: AgentSlot, b: AgentSlot, c: QueuedConversation): number {
  return loadRatio(a, c.channel) - loadRatio(b, c.channel) || lastAssignedMs(a) - lastAssignedMs(b) || compareIds(a.id, b.id);
}

// Never assigned sorts before any real time, so a person just starting gets work first.
function lastAssignedMs(agent: AgentSlot): number {
  return agent.lastAssignedAt ? agent.lastAssignedAt.getTime() : Number.NEGATIVE_INFINITY;
}

// Code-unit order, not locale order: the same on every server.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
