import type { Channel } from '@warmline/shared';
import type { AgentActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { eventEntry } from './eventEntries.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';

/**
 * The channel an agent's reply goes out on. A customer who left a message was promised a reply by email: replies
 * go to that address until they write in the chat again (then they are back, and the chat carries the replies).
 * The rule reads only the database, so every node decides alike; whether a widget is still open somewhere is not
 * known across nodes, and the promise was an email.
 */
export function replyChannel(c: { channel: Channel; replyEmail: string | null }): Channel {
  return c.replyEmail ? 'email' : c.channel;
}

/**
 * An agent's reply keeps a promised reply time not yet kept (a chat reply when written, an email reply once sent):
 * the conversation records when, and the timeline says whether it was in time.
 */
export async function keepPromise(
  tx: Sql,
  actor: AgentActor,
  conversation: ConversationRecord,
  now: Date,
  events: WarmlineEvent[],
): Promise<void> {
  if (!conversation.promisedReplyBy || conversation.promiseKeptAt) return;
  await conversations.update(tx, actor.workspaceId, conversation.id, { promiseKeptAt: now });
  const by = new Date(conversation.promisedReplyBy);
  const inTime = now <= by && !conversation.promiseMissedAt;
  const late = Math.max(0, Math.round((now.getTime() - by.getTime()) / 60_000));
  const text = inTime
    ? 'Replied within the promised time'
    : late > 0
      ? `Replied ${late} minute${late === 1 ? '' : 's'} after the promised time`
      : 'Replied after the promised time';
  events.push(
    await eventEntry(tx, actor, conversation, 'promise_kept', text, {
      promisedReplyBy: by.toISOString(),
      inTime,
    }),
  );
}
