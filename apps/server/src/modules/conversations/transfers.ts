import type { Conversation } from '@warmline/shared';
import { type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { agents, teams } from '../teams/index.ts';
import { conversationFor } from './access.ts';
import { appendEntry } from './appendEntries.ts';
import { eventEntry } from './eventEntries.ts';
import { conversations } from './repository/conversations.ts';
import { asSentence } from './sentence.ts';
import { pushConversationChanged, viewOf } from './views.ts';

/**
 * A warm transfer: the agent hands the conversation to a colleague or a team with a handoff note. Nothing
 * moves until the receiver, having read the note and the timeline, accepts.
 */
export async function offerTransfer(
  services: Services,
  actor: AgentActor,
  input: {
    conversationId: string;
    toAgentId?: string | undefined;
    toTeamId?: string | undefined;
    note: string;
    reason?: string | undefined;
  },
): Promise<Conversation> {
  const events: WarmlineEvent[] = [];
  const view = await services.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, actor, input.conversationId);
    await conversations.lock(tx, actor.workspaceId, conversation.id);
    if (conversation.status === 'resolved') throw new Conflict('This conversation is resolved; reopen it before transferring.');
    const me = (await agents.byId(tx, actor.workspaceId, actor.agentId))!;
    let targetName: string;
    if (input.toAgentId) {
      if (input.toAgentId === actor.agentId) throw new Invalid('You cannot transfer a conversation to yourself.');
      const target = await agents.byId(tx, actor.workspaceId, input.toAgentId);
      if (!target) throw new NotFound('Agent');
      targetName = target.displayName;
    } else {
      const team = await teams.byId(tx, actor.workspaceId, input.toTeamId!);
      if (!team) throw new NotFound('Team');
      targetName = `the ${team.name} team`;
    }
    await conversations.update(tx, actor.workspaceId, conversation.id, {
      pendingTransfer: {
        fromAgentId: me.id,
        toAgentId: input.toAgentId ?? null,
        toTeamId: input.toTeamId ?? null,
        note: input.note,
        reason: input.reason?.trim() || null,
        at: services.now().toISOString(),
      },
    });
    // The handoff note lives on the timeline as an internal note: the receiver reads it before saying hello.
    const note = await appendEntry(tx, {
      workspaceId: actor.workspaceId,
      conversationId: conversation.id,
      kind: 'note',
      body: `Handoff to ${targetName}: ${input.note}`,
      author: { kind: 'agent', id: me.id },
    });
    events.push({ type: 'entry.appended', workspaceId: actor.workspaceId, customerId: conversation.customerId, entry: note });
    events.push(
      await eventEntry(
        tx,
        actor,
        conversation,
        'transfer_offered',
        `${me.displayName} offered the conversation to ${targetName}`,
        {
          toAgentId: input.toAgentId ?? null,
          toTeamId: input.toTeamId ?? null,
        },
      ),
    );
    return (await pushConversationChanged(tx, actor.workspaceId, conversation.id, events))!;
  });
  await afterCommit(services, events);
  return view;
}

/** The receiver accepts: the conversation is theirs, the customer is told who is joining and why. */
export async function acceptTransfer(services: Services, actor: AgentActor, conversationId: string): Promise<Conversation> {
  const events: WarmlineEvent[] = [];
  const view = await services.db.transaction(async (tx) => {
    const { conversation, pending, me, forMe } = await pendingTransfer(tx, actor, conversationId);
    if (!forMe) throw new Forbidden('This transfer is for someone else.');
    await conversations.update(tx, actor.workspaceId, conversation.id, {
      assigneeId: me.id,
      pendingTransfer: null,
      transfers: conversation.transfers + 1,
      teamId: pending.toTeamId ?? undefined,
    });
    await agents.markAssigned(tx, actor.workspaceId, me.id);
    const from = await agents.byId(tx, actor.workspaceId, pending.fromAgentId);
    const customerText = pending.reason
      ? `${me.displayName} is joining — ${asSentence(pending.reason)}`
      : `${me.displayName} is joining.`;
    events.push(
      await eventEntry(
        tx,
        actor,
        conversation,
        'transferred',
        `${me.displayName} took over from ${from?.displayName ?? 'a colleague'}`,
        {
          fromAgentId: pending.fromAgentId,
          agentId: me.id,
          agentName: me.displayName,
          customerText,
        },
      ),
    );
    // Announced before the entries: the change naming its new team makes every node read the team again
    // (realtime/teamVisibility.ts) before it delivers the handover, which only the new team's people may then see.
    const moved: WarmlineEvent[] = [];
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, moved);
    events.unshift(...moved);
    // The person who handed it over has room again.
    if (from && from.id !== me.id) events.push({ type: 'agent.available', workspaceId: actor.workspaceId, agentId: from.id });
    return viewOf(tx, (await conversations.byId(tx, actor.workspaceId, conversation.id))!);
  });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  return view;
}

/** The receiver declines: the conversation stays with the person who offered it. */
export async function declineTransfer(services: Services, actor: AgentActor, conversationId: string): Promise<Conversation> {
  const events: WarmlineEvent[] = [];
  const view = await services.db.transaction(async (tx) => {
    const { conversation, pending, me, forMe } = await pendingTransfer(tx, actor, conversationId);
    if (!forMe && pending.fromAgentId !== me.id) throw new Forbidden('This transfer is for someone else.');
    await conversations.update(tx, actor.workspaceId, conversation.id, { pendingTransfer: null });
    const sentence = forMe ? `${me.displayName} declined the transfer` : `${me.displayName} withdrew the transfer`;
    events.push(await eventEntry(tx, actor, conversation, 'transfer_declined', sentence, {}));
    return (await pushConversationChanged(tx, actor.workspaceId, conversation.id, events))!;
  });
  await afterCommit(services, events);
  return view;
}

/** The conversation (locked), its waiting transfer, and whether it is meant for this agent or their team. */
async function pendingTransfer(tx: Sql, actor: AgentActor, conversationId: string) {
  const conversation = await conversationFor(tx, actor, conversationId);
  await conversations.lock(tx, actor.workspaceId, conversation.id);
  const pending = conversation.pendingTransfer;
  if (!pending) throw new Conflict('There is no transfer waiting on this conversation.');
  const me = (await agents.byId(tx, actor.workspaceId, actor.agentId))!;
  const forMe = pending.toAgentId === me.id || (pending.toTeamId !== null && me.teamIds.includes(pending.toTeamId));
  return { conversation, pending, me, forMe };
}
