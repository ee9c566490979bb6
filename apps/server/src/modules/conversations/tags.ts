import { type Conversation, normaliseTag, TAGS_PER_CONVERSATION } from '@warmline/shared';
import { type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import { Invalid } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { agents } from '../teams/index.ts';
import { conversationFor } from './access.ts';
import { eventEntry } from './eventEntries.ts';
import { conversations } from './repository/conversations.ts';
import { conversationTags } from './repository/tags.ts';
import { pushConversationChanged, viewOf } from './views.ts';

/** The tag as kept, or a 400 saying what is wrong with it. */
export function tagOf(raw: string): string {
  const normal = normaliseTag(raw);
  if ('error' in normal) throw new Invalid(normal.error, { tag: raw });
  return normal.tag;
}

/**
 * Puts a tag on a conversation (or takes it off), leaving an event on the timeline that only agents see and
 * announcing the conversation as it now reads. Adding a tag it carries, or removing one it does not, changes nothing.
 */
export async function setTag(
  services: Services,
  actor: AgentActor,
  input: { conversationId: string; tag: string; on: boolean },
): Promise<Conversation> {
  const tag = tagOf(input.tag);
  const events: WarmlineEvent[] = [];
  const view = await services.db.transaction(async (tx) => {
    const seen = await conversationFor(tx, actor, input.conversationId);
    await conversations.lock(tx, actor.workspaceId, seen.id);
    const current = (await conversations.byId(tx, actor.workspaceId, seen.id))!;
    if (input.on && !current.tags.includes(tag) && current.tags.length >= TAGS_PER_CONVERSATION) {
      throw new Invalid(`a conversation carries at most ${TAGS_PER_CONVERSATION} tags; remove one first`);
    }
    const changed = input.on
      ? await conversationTags.add(tx, actor.workspaceId, current.id, tag)
      : await conversationTags.remove(tx, actor.workspaceId, current.id, tag);
    if (!changed) return viewOf(tx, current);
    const name = (await agents.byId(tx, actor.workspaceId, actor.agentId))?.displayName ?? 'An agent';
    const sentence = input.on ? `${name} tagged the conversation “${tag}”` : `${name} removed the tag “${tag}”`;
    events.push(await eventEntry(tx, actor, current, input.on ? 'tagged' : 'untagged', sentence, { tag }));
    // The view announced is the view answered.
    return (await pushConversationChanged(tx, actor.workspaceId, current.id, events))!;
  });
  await afterCommit(services, events);
  return view;
}

/** The workspace's tags in use, on the conversations this agent may see, most used first. */
export function tagsInUse(services: Services, actor: AgentActor) {
  return conversationTags.inUse(services.db, actor.workspaceId, actor);
}
