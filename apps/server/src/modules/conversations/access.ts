import type { Actor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { NotFound } from '../../core/errors.ts';
import { canSeeConversation, teams } from '../teams/index.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';

/**
 * The conversation if this actor may see it: agents see their workspace's (a restricted team's only
 * if they are in it, or supervise), visitors only their own. Anything else is "not found" — we never
 * confirm that someone else's conversation exists.
 */
export async function conversationFor(sql: Sql, actor: Actor, conversationId: string): Promise<ConversationRecord> {
  const conversation = await conversations.byId(sql, actor.workspaceId, conversationId);
  if (!conversation) throw new NotFound('Conversation');
  if (actor.kind === 'visitor' && conversation.customerId !== actor.customerId) throw new NotFound('Conversation');
  if (actor.kind === 'agent' && actor.role === 'agent' && conversation.teamId) {
    const team = await teams.byId(sql, actor.workspaceId, conversation.teamId);
    if (!canSeeConversation({ agentId: actor.agentId, role: actor.role }, conversation, team)) throw new NotFound('Conversation');
  }
  return conversation;
}
