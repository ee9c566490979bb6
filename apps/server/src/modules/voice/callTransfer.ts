import type { Call, IceServer } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { appendEntry, conversations, eventEntry, pushConversationChanged } from '../conversations/index.ts';
import { agents } from '../teams/index.ts';
import { callFor } from './callControls.ts';
import { iceServers } from './iceServers.ts';
import { pushCallChanged } from './presentCall.ts';
import { calls } from './repository/calls.ts';

/**
 * A warm transfer: the person on the call offers it to a colleague with a handoff note, and the customer waits on
 * hold (silence and a named line, never music). Nothing moves until the colleague has read the note and joins.
 */
export async function offerCallTransfer(
  services: Services,
  actor: AgentActor,
  input: { callId: string; toAgentId: string; note: string },
): Promise<Call> {
  return inUnit(services, async (tx, events) => {
    const call = await callFor(tx, actor, input.callId);
    if (call.status !== 'answered' || call.answeredBy !== actor.agentId) {
      throw new Conflict('Only the person on a call can hand it on.');
    }
    if (input.toAgentId === actor.agentId) throw new Invalid('toAgentId: you are already on this call.');
    const colleague = await agents.byId(tx, actor.workspaceId, input.toAgentId);
    if (!colleague) throw new NotFound('Agent');
    await calls.setHold(tx, actor.workspaceId, call.id, true);
    const offered = (await calls.offerTransfer(tx, actor.workspaceId, call.id, { agentId: colleague.id, note: input.note }))!;
    // The note lives on the timeline as an internal note: the colleague reads the story and the note before hello.
    const entry = await appendEntry(tx, {
      workspaceId: actor.workspaceId,
      conversationId: call.conversationId,
      kind: 'note',
      body: `Call handoff to ${colleague.displayName}: ${input.note}`,
      author: { kind: 'agent', id: actor.agentId },
    });
    events.push({ type: 'entry.appended', workspaceId: actor.workspaceId, customerId: call.customerId, entry });
    // A colleague offered it before (and any talk with them) is told it is no longer theirs to join.
    return pushCallChanged(tx, offered, services.config, events, [call.transferTo]);
  });
}

/** The colleague joins the call offered to them, from this socket: the customer's audio comes here from now on. */
export async function joinCall(
  services: Services,
  actor: AgentActor,
  input: { callId: string; socketId: string },
): Promise<{ call: Call; iceServers: IceServer[] }> {
  const call = await inUnit(services, async (tx, events) => {
    const found = await callFor(tx, actor, input.callId);
    const previous = found.answeredBy;
    const joined = await calls.joinIfOffered(tx, actor.workspaceId, found.id, actor.agentId, input.socketId);
    if (!joined) throw new Conflict(found.status === 'ended' ? 'This call has ended.' : 'This call is not being handed to you.');
    const conversation = (await conversations.byId(tx, actor.workspaceId, joined.conversationId))!;
    await conversations.lock(tx, actor.workspaceId, conversation.id);
    const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
    await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: actor.agentId });
    events.push(
      await eventEntry(tx, actor, conversation, 'transferred', `${me?.displayName ?? 'A colleague'} took over the call`, {
        agentId: actor.agentId,
        agentName: me?.displayName ?? null,
        customerText: `${me?.displayName ?? 'A colleague'} is with you now.`,
      }),
    );
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
    return pushCallChanged(tx, joined, services.config, events, [previous]);
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}
