import type { Conversation, VisitorConversation } from '@warmline/shared';
import type { ConversationRecord } from '../repositories/conversations.ts';
import { iso, isoOrNull } from '../repositories/rows.ts';

/** The agent's view of a conversation. */
export function presentConversation(c: ConversationRecord): Conversation {
  return {
    id: c.id,
    status: c.status,
    channel: c.channel,
    customer: { id: c.customerId, name: c.customerName, email: c.customerEmail, createdAt: iso(c.customerCreatedAt) },
    assignee: c.assigneeId ? { id: c.assigneeId, displayName: c.assigneeName ?? '', avatarUrl: c.assigneeAvatarUrl } : null,
    priority: c.priority,
    lastSeq: c.lastSeq,
    lastMessage:
      c.lastMessageBody !== null && c.lastMessageDirection && c.lastMessageAt
        ? { body: c.lastMessageBody, direction: c.lastMessageDirection, at: iso(c.lastMessageAt) }
        : null,
    promisedReplyBy: isoOrNull(c.promisedReplyBy),
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
    startedAt: c.startedAt,
  };
}
