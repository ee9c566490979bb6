import type { AgentSlot, QueuedConversation, RoutingChannel } from './types.ts';

/** Capacity left on a channel; a channel missing from `capacity` has none. */
export function freeSlots(agent: AgentSlot, channel: RoutingChannel): number {
  return Math.max(0, (agent.capacity[channel] ?? 0) - (agent.open[channel] ?? 0));
}

/** Open conversations over capacity on a channel; Infinity when the agent has no capacity there. */
export function loadRatio(agent: AgentSlot, channel: RoutingChannel): number {
  const capacity = agent.capacity[channel] ?? 0;
  return capacity > 0 ? (agent.open[channel] ?? 0) / capacity : Number.POSITIVE_INFINITY;
}

/** True when this agent may take this conversation now: available, free capacity, team, skills, language. */
export function canTake(agent: AgentSlot, c: QueuedConversation): boolean {
  return agent.presence === 'available' && freeSlots(agent, c.channel) > 0 && isQualified(agent, c);
}

/** Same rules except presence and capacity: could this person ever take it (used for waits and holds). */
export function isQualified(agent: AgentSlot, c: QueuedConversation): boolean {
  if ((agent.capacity[c.channel] ?? 0) <= 0) return false;
  if (c.teamId !== null && !agent.teamIds.includes(c.teamId)) return false;
  if (!c.skills.every((skill) => agent.skills.includes(skill))) return false;
  return c.language === null || agent.languages.some((spoken) => sameLanguage(spoken, c.language!));
}

// A Kenyan Swahili speaker ('sw-KE') serves a conversation detected as 'sw', and the other way round.
function sameLanguage(a: string, b: string): boolean {
  return primarySubtag(a) === primarySubtag(b);
}

function primarySubtag(tag: string): string {
  return tag.split(/[-_]/, 1)[0]!.toLowerCase();
}
