import type { Actor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { appendEntry } from './appendEntries.ts';

/** Appends an `event` entry (assigned, resolved …) whose body is the sentence people read on the timeline. */
export async function eventEntry(
  tx: Sql,
  actor: Actor | { kind: 'system'; workspaceId: string },
  conversation: { id: string; customerId: string },
  type: string,
  body: string,
  data: Record<string, unknown>,
): Promise<WarmlineEvent> {
  const entry = await appendEntry(tx, {
    workspaceId: actor.workspaceId,
    conversationId: conversation.id,
    kind: 'event',
    body,
    author: actor.kind === 'agent' ? { kind: 'agent', id: actor.agentId } : { kind: 'system', id: null },
    event: { type, data },
  });
  return { type: 'entry.appended', workspaceId: actor.workspaceId, customerId: conversation.customerId, entry };
}
