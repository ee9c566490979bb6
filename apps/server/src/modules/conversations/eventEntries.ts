import type { Actor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { appendEntry, type EntryToAppend } from './appendEntries.ts';

type Writer = Actor | { kind: 'system'; workspaceId: string };

/** Appends an `event` entry (assigned, resolved …) whose body is the sentence people read on the timeline. */
export function eventEntry(
  tx: Sql,
  actor: Writer,
  conversation: { id: string; customerId: string },
  type: string,
  body: string,
  data: Record<string, unknown>,
): Promise<WarmlineEvent> {
  return writtenBy(tx, actor, conversation, { kind: 'event', body, event: { type, data } });
}

/** Appends an internal note (a recovery step, a handoff) that the customer never sees. */
export function noteEntry(tx: Sql, actor: Writer, conversation: { id: string; customerId: string }, body: string) {
  return writtenBy(tx, actor, conversation, { kind: 'note', body });
}

async function writtenBy(
  tx: Sql,
  actor: Writer,
  conversation: { id: string; customerId: string },
  what: Pick<EntryToAppend, 'kind' | 'body' | 'event'>,
): Promise<WarmlineEvent> {
  const entry = await appendEntry(tx, {
    workspaceId: actor.workspaceId,
    conversationId: conversation.id,
    ...what,
    author: actor.kind === 'agent' ? { kind: 'agent', id: actor.agentId } : { kind: 'system', id: null },
  });
  return { type: 'entry.appended', workspaceId: actor.workspaceId, customerId: conversation.customerId, entry };
}
