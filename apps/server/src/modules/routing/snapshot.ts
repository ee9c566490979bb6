import type { Capacity } from '@warmline/shared';
import type { QueueRow } from '../conversations/index.ts';
import type { AgentRecord } from '../teams/index.ts';
import type { AgentSlot, QueuedConversation, RoutingChannel } from './domain/types.ts';

/** A conversation as the routing policy sees it. */
export function toQueued(c: QueueRow): QueuedConversation {
  return {
    id: c.id,
    channel: c.channel,
    teamId: c.teamId,
    basePriority: c.priority,
    upset: c.upset,
    serviceFailure: c.serviceFailure,
    escalated: c.escalatedAt !== null,
    language: c.language,
    skills: c.skills,
    waitingSince: new Date(c.queueSince),
    preferred:
      c.preferredAgentId && c.preferredReason && c.preferredUntil
        ? { agentId: c.preferredAgentId, reason: c.preferredReason, graceUntil: new Date(c.preferredUntil) }
        : null,
  };
}

/** An agent as the routing policy sees them, with their open conversations per channel. */
export function toSlot(a: AgentRecord, open: Record<string, number> | undefined): AgentSlot {
  return {
    id: a.id,
    presence: a.presence,
    teamIds: a.teamIds,
    skills: a.skills,
    languages: a.languages,
    capacity: a.capacity as Capacity & Partial<Record<RoutingChannel, number>>,
    open: (open ?? {}) as Partial<Record<RoutingChannel, number>>,
    lastAssignedAt: a.lastAssignedAt ? new Date(a.lastAssignedAt) : null,
  };
}
