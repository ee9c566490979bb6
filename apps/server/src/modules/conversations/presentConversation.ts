import type { Callback, Conversation, PublicAgent, VisitorConversation } from '@warmline/shared';
import { iso, isoOrNull } from '../../core/db/rows.ts';
import { effectivePriority } from './priority.ts';
import type { CallbackRecord } from './repository/callbacks.ts';
import type { ConversationRecord } from './repository/conversations.ts';

/** What a conversation's view needs beyond its own row, loaded in batches by conversationViews.ts. */
export interface ConversationExtras {
  callback: CallbackRecord | null;
  faces: Map<string, PublicAgent>;
  teamNames: Map<string, string>;
}

export function presentCallback(c: CallbackRecord): Callback {
  return {
    id: c.id,
    conversationId: c.conversationId,
    phone: c.phone,
    windowStart: iso(c.windowStart),
    windowEnd: iso(c.windowEnd),
    status: c.status,
    owner: c.ownerId ? { id: c.ownerId, displayName: c.ownerName ?? '', avatarUrl: c.ownerAvatarUrl } : null,
    tries: c.tries,
    inBrowser: c.inBrowser,
    createdAt: iso(c.createdAt),
  };
}

/** The agent's view of a conversation. */
export function presentConversation(c: ConversationRecord, extras: ConversationExtras): Conversation {
  const transfer = c.pendingTransfer;
  const face = (id: string | null) => (id ? (extras.faces.get(id) ?? { id, displayName: 'Someone', avatarUrl: null }) : null);
  return {
    id: c.id,
    status: c.status,
    channel: c.channel,
    customer: { id: c.customerId, name: c.customerName, email: c.customerEmail, createdAt: iso(c.customerCreatedAt) },
    assignee: c.assigneeId ? { id: c.assigneeId, displayName: c.assigneeName ?? '', avatarUrl: c.assigneeAvatarUrl } : null,
    priority: c.priority,
    effectivePriority: effectivePriority({
      basePriority: c.priority,
      upset: c.upset,
      serviceFailure: c.serviceFailure,
      escalated: c.escalatedAt !== null,
    }),
    upset: c.upset,
    mood: c.mood,
    serviceFailure: c.serviceFailure,
    team: c.teamId ? { id: c.teamId, name: c.teamName ?? '' } : null,
    language: c.language,
    skills: c.skills,
    tags: c.tags,
    queueSince: iso(c.queueSince),
    escalatedAt: isoOrNull(c.escalatedAt),
    transfers: c.transfers,
    pendingTransfer: transfer
      ? {
          from: face(transfer.fromAgentId)!,
          toAgent: face(transfer.toAgentId),
          toTeam: transfer.toTeamId ? { id: transfer.toTeamId, name: extras.teamNames.get(transfer.toTeamId) ?? '' } : null,
          note: transfer.note,
          reason: transfer.reason,
          at: transfer.at,
        }
      : null,
    callback: extras.callback ? presentCallback(extras.callback) : null,
    timeToHumanSeconds: c.humanConnectedAt
      ? Math.round((new Date(c.humanConnectedAt).getTime() - new Date(c.startedAt).getTime()) / 1000)
      : null,
    lastSeq: c.lastSeq,
    lastMessage:
      c.lastMessageBody !== null && c.lastMessageDirection && c.lastMessageAt
        ? { body: c.lastMessageBody, direction: c.lastMessageDirection, at: iso(c.lastMessageAt) }
        : null,
    promisedReplyBy: isoOrNull(c.promisedReplyBy),
    promiseKeptAt: isoOrNull(c.promiseKeptAt),
    promiseMissedAt: isoOrNull(c.promiseMissedAt),
    replyByEmail: c.replyEmail,
    startedAt: iso(c.startedAt),
    humanConnectedAt: isoOrNull(c.humanConnectedAt),
    firstResponseAt: isoOrNull(c.firstResponseAt),
    resolvedAt: isoOrNull(c.resolvedAt),
    updatedAt: iso(c.updatedAt),
  };
}

/** What the customer may know: who helps them and the state of their conversation, nothing internal. */
export function visitorView(c: Conversation): VisitorConversation {
  return {
    id: c.id,
    status: c.status,
    assignee: c.assignee,
    lastSeq: c.lastSeq,
    promisedReplyBy: c.promisedReplyBy,
    callback: c.callback,
    startedAt: c.startedAt,
  };
}
