import type { EmotionReading, Entry } from '@warmline/shared';
import type { Actor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { appendEntries, type EntryToAppend } from './appendEntries.ts';
import type { AppendMessageInput, AppendMessageResult } from './messageInput.ts';
import { replyChannel } from './replyPromise.ts';
import { type ConversationState, conversationBatches } from './repository/conversationBatches.ts';
import { entryBatches } from './repository/entries.ts';

/** A message waiting in the group commit's queue. */
export interface Pending {
  actor: Actor;
  input: AppendMessageInput;
  /** How a customer's message reads, classified as it arrives (while the database stores earlier ones). */
  emotion: EmotionReading | null;
  resolve(result: AppendMessageResult): void;
  reject(err: unknown): void;
}

/** Thrown when a conversation changed between the batch's unlocked look and its lock: the batch takes the slow way. */
export class ConversationMoved extends Error {}

/** True when storing this message changes nothing about the conversation but its timeline and preview. */
export function staysAsItIs(p: Pending, c: ConversationState): boolean {
  if (p.input.note) return p.actor.kind === 'agent';
  if (p.actor.kind === 'visitor') {
    if (p.input.conversationId && p.input.conversationId !== c.id) return false;
    // A customer back in the chat after leaving a message: their replies stop going by email (appendOne.ts).
    if (c.replyEmail) return false;
    return c.customerId === p.actor.customerId && (c.status === 'waiting' || c.status === 'active');
  }
  // Files on a reply that would go by email take the slow way, which refuses them (appendOne.ts).
  if (p.input.attachments?.length && !p.input.note && c.replyEmail) return false;
  return c.status === 'active' && c.assigneeId !== null && c.humanConnectedAt !== null && !c.promisePending;
}

/**
 * Messages that leave their conversations as they are, stored together (their conversations already locked by
 * the batch, and re-checked when appends earlier in the batch changed state), resends found in one statement, and the rest appended by `appendEntries` in one seq
 * reservation and one multi-row insert. The inbox rows they moved are announced after the ack (inboxPreviews.ts).
 */
export async function writeTogether(
  tx: Sql,
  items: Array<{ pending: Pending; conversation: ConversationState }>,
  opts: { recheck: boolean },
): Promise<{ results: AppendMessageResult[]; events: WarmlineEvent[]; moved: Array<{ workspaceId: string; id: string }> }> {
  const keys = [...new Map(items.map(({ conversation: c }) => [c.id, { workspaceId: c.workspaceId, id: c.id }])).values()];
  // The conversations are locked already; appends that changed state earlier in this transaction make a re-read due.
  const [states, existing] = await Promise.all([
    opts.recheck ? conversationBatches.states(tx, keys, { lock: true }) : items.map((i) => i.conversation),
    entryBatches.byClientIds(
      tx,
      items.map(({ pending, conversation: c }) => ({
        workspaceId: c.workspaceId,
        conversationId: c.id,
        clientId: pending.input.clientId,
      })),
    ),
  ]);
  const locked = new Map(states.map((s) => [s.id, s]));
  for (const { pending, conversation } of items) {
    const now = locked.get(conversation.id);
    if (!now || !staysAsItIs(pending, now)) throw new ConversationMoved('conversation changed while the batch was forming');
  }
  const known = new Map<string, Entry>(existing.map((e) => [`${e.conversationId}:${e.clientId}`, e]));

  const fresh: EntryToAppend[] = [];
  const claimed = new Set<string>();
  for (const { pending, conversation } of items) {
    const key = `${conversation.id}:${pending.input.clientId}`;
    if (known.has(key) || claimed.has(key)) continue;
    claimed.add(key);
    const { actor, input, emotion } = pending;
    fresh.push({
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      kind: input.note ? 'note' : 'message',
      direction: input.note ? null : actor.kind === 'visitor' ? 'in' : 'out',
      channel: input.note ? null : actor.kind === 'agent' ? replyChannel(locked.get(conversation.id)!) : conversation.channel,
      body: input.body,
      clientId: input.clientId,
      author: actor.kind === 'agent' ? { kind: 'agent', id: actor.agentId } : { kind: 'customer', id: actor.customerId },
      emotion,
      attachments: input.attachments,
    });
  }
  const stored = await appendEntries(tx, fresh);
  for (const entry of stored) known.set(`${entry.conversationId}:${entry.clientId}`, entry);

  const createdKeys = new Set(stored.map((e) => `${e.conversationId}:${e.clientId}`));
  const reported = new Set<string>();
  const results = items.map(({ pending, conversation }) => {
    const key = `${conversation.id}:${pending.input.clientId}`;
    const created = createdKeys.has(key) && !reported.has(key);
    reported.add(key);
    return { entry: known.get(key)!, created };
  });

  const events: WarmlineEvent[] = stored.map((entry) => ({
    type: 'entry.appended',
    workspaceId: locked.get(entry.conversationId)!.workspaceId,
    customerId: locked.get(entry.conversationId)!.customerId,
    entry,
  }));
  // Inbox rows moved for conversations that got a message (notes leave them as they are): announced after the ack.
  const moved = [...new Map(fresh.filter((f) => f.kind === 'message').map((f) => [f.conversationId, f])).values()].map((f) => ({
    workspaceId: f.workspaceId,
    id: f.conversationId,
  }));
  return { results, events, moved };
}
