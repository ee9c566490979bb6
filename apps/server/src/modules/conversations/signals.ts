import { type Actor, afterCommit, type Services } from '../../core/context.ts';
import { agents } from '../teams/index.ts';
import { conversationFor } from './access.ts';
import { conversations } from './repository/conversations.ts';

/** Typing indicators are fleeting: checked for access, never stored. */
export async function signalTyping(services: Services, actor: Actor, input: { conversationId: string; typing: boolean }) {
  const conversation = await conversationFor(services.db, actor, input.conversationId);
  const by =
    actor.kind === 'agent'
      ? {
          kind: 'agent' as const,
          id: actor.agentId,
          name: (await agents.byId(services.db, actor.workspaceId, actor.agentId))?.displayName ?? null,
        }
      : { kind: 'customer' as const, id: actor.customerId, name: conversation.customerName };
  await afterCommit(services, [
    {
      type: 'typing',
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      typing: input.typing,
      by,
    },
  ]);
}

/** Records how far a side has read, and tells the other side ("Seen"). */
export async function markRead(services: Services, actor: Actor, input: { conversationId: string; seq: number }) {
  const conversation = await conversationFor(services.db, actor, input.conversationId);
  const by = actor.kind === 'agent' ? 'agent' : 'customer';
  await conversations.markRead(services.db, actor.workspaceId, conversation.id, by, input.seq);
  await afterCommit(services, [
    {
      type: 'read',
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      seq: Math.min(input.seq, conversation.lastSeq),
      by,
    },
  ]);
}
