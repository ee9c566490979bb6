import type { AgentActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { agents } from '../teams/index.ts';
import { eventEntry } from './eventEntries.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';

/**
 * A named person is with the customer (a first reply, a call answered): an unowned conversation becomes theirs,
 * with an `assigned` entry saying `how` ("joined the conversation", "answered the call"), and the conversation is
 * active with a human on it — the moment time to human stops.
 */
export async function humanConnected(
  tx: Sql,
  actor: AgentActor,
  conversation: ConversationRecord,
  how: string,
  events: WarmlineEvent[],
): Promise<void> {
  if (!conversation.assigneeId) {
    const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
    await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: actor.agentId });
    events.push(
      await eventEntry(tx, actor, conversation, 'assigned', `${me?.displayName ?? 'An agent'} ${how}`, {
        agentId: actor.agentId,
        agentName: me?.displayName ?? null,
      }),
    );
  }
  await conversations.update(tx, actor.workspaceId, conversation.id, {
    status: 'active',
    resolvedAt: conversation.status === 'resolved' ? null : undefined,
    humanReplied: true,
  });
}
