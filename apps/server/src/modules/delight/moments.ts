import type { DelightMoment } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import { conversationFor } from '../conversations/index.ts';
import { presentMoment } from './presentMoment.ts';
import { type MomentRecord, moments } from './repository/moments.ts';

/** The moments of a conversation this agent may see: kept, suggested and dismissed (a dismissed one is not offered again). */
export async function conversationMoments(
  services: Services,
  actor: AgentActor,
  conversationId: string,
): Promise<DelightMoment[]> {
  const conversation = await conversationFor(services.db, actor, conversationId);
  return (await moments.ofConversation(services.db, actor.workspaceId, conversation.id)).map(presentMoment);
}

/**
 * Marks a customer's message as a moment of delight (`keep`), or says it is not one: the words are copied now, and a
 * suggestion on it is decided either way. Anyone who may see the conversation may mark its messages.
 */
export async function markMessage(
  services: Services,
  actor: AgentActor,
  input: { conversationId: string; seq: number; keep: boolean },
): Promise<DelightMoment> {
  return services.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, actor, input.conversationId);
    const message = await moments.messageAt(tx, actor.workspaceId, conversation.id, input.seq);
    if (!message) throw new NotFound('Message');
    if (message.kind !== 'message' || message.direction !== 'in') {
      throw new Invalid('seq: only a message from the customer can be a moment of delight');
    }
    if (!message.body.trim()) throw new Invalid('seq: that message has no words to keep');
    const id = await moments.decideMessage(tx, actor.workspaceId, {
      conversationId: conversation.id,
      seq: input.seq,
      status: input.keep ? 'kept' : 'dismissed',
      by: actor.agentId,
      at: services.now(),
    });
    return presentMoment((await moments.byId(tx, actor.workspaceId, id))!);
  });
}

/** The conversation's agent, the person the moment names, supervisors and admins decide on a suggestion. */
function mayDecide(actor: AgentActor, moment: MomentRecord): boolean {
  return actor.role !== 'agent' || moment.assigneeId === actor.agentId || moment.agentId === actor.agentId;
}

/** Keeps a moment (it goes on its team's wall) or dismisses it (it leaves the wall, and is never suggested again). */
export async function decideMoment(
  services: Services,
  actor: AgentActor,
  input: { id: string; status: 'kept' | 'dismissed' },
): Promise<DelightMoment> {
  return services.db.transaction(async (tx) => {
    const moment = await moments.byId(tx, actor.workspaceId, input.id);
    if (!moment) throw new NotFound('Moment');
    // Not theirs to see is not found, whatever the moment's id says.
    await conversationFor(tx, actor, moment.conversationId).catch((error: unknown) => {
      throw error instanceof NotFound ? new NotFound('Moment') : error;
    });
    if (!mayDecide(actor, moment)) {
      throw new Forbidden("Only the conversation's agent, or a supervisor, can keep or dismiss this moment.");
    }
    await moments.decide(tx, actor.workspaceId, moment.id, { status: input.status, by: actor.agentId, at: services.now() });
    return presentMoment((await moments.byId(tx, actor.workspaceId, moment.id))!);
  });
}
