import type { Actor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { NotFound } from '../../core/errors.ts';
import { canSeeConversation, teams } from '../teams/index.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';

/** What the access rule reads of a conversation: whose it is, and which team has it. */
export interface Reachable {
  workspaceId: string;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
}

/**
 * The one access rule, for reads and writes alike: agents see their workspace's conversations (a restricted
 * team's only if they are in it, supervise, or have it assigned), visitors only their own. `team` is the
 * conversation's team when it is restricted (null otherwise).
 */
export function maySee(
  actor: Actor,
  conversation: Reachable,
  team: { restricted: boolean; memberIds: string[] } | null,
): boolean {
  if (conversation.workspaceId !== actor.workspaceId) return false;
  if (actor.kind === 'visitor') return conversation.customerId === actor.customerId;
  return canSeeConversation({ agentId: actor.agentId, role: actor.role }, conversation, team);
}

/**
 * The conversation if this actor may see it (and so write to it). Anything else is "not found" — we never
 * confirm that someone else's conversation exists.
 */
export async function conversationFor(sql: Sql, actor: Actor, conversationId: string): Promise<ConversationRecord> {
  const conversation = await conversations.byId(sql, actor.workspaceId, conversationId);
  if (!conversation) throw new NotFound('Conversation');
  const team =
    actor.kind === 'agent' && actor.role === 'agent' && conversation.teamId
      ? await teams.byId(sql, actor.workspaceId, conversation.teamId)
      : null;
  if (!maySee(actor, conversation, team)) throw new NotFound('Conversation');
  return conversation;
}
