import type { StoredMessage } from '@warmline/realtime-client';
import type { Attachment, Entry } from '@warmline/shared/types';

/** A message on its way, as the timeline shows it. */
export type OutboxItem = Pick<StoredMessage, 'clientId' | 'body' | 'at' | 'attachments'>;

/** A message the server refused; kept on screen so the visitor can retry it. */
export interface FailedItem {
  clientId: string;
  body: string;
  attachments?: Attachment[] | undefined;
  at: number;
  error: string;
}

/** Who is shown beside an agent's message. */
export interface Author {
  name: string | null;
  avatarUrl: string | null;
}

/** One row of the rendered timeline. */
export type TimelineItem =
  | {
      kind: 'message';
      /** Stable across "sending…" → acked, so the bubble is updated in place rather than replaced. */
      key: string;
      seq: number | null;
      direction: 'in' | 'out';
      body: string;
      /** Files the message carries: images shown, others as links. */
      attachments: Attachment[];
      state: 'sent' | 'sending' | 'failed';
      clientId: string | null;
      author: Author | null;
      error: string | null;
      seen: boolean;
      at: string;
    }
  | { kind: 'event'; key: string; seq: number; text: string };

function str(x: unknown): string | null {
  return typeof x === 'string' && x.trim() ? x : null;
}

/**
 * The system line for an event entry, or null for events meant for agents. Only the server's sentence for the
 * customer (`event.data.customerText`) is shown; `assigned` without one falls back to naming who joined.
 */
export function eventText(entry: Entry): string | null {
  const data = entry.event?.data ?? {};
  const customerText = str(data.customerText);
  if (customerText) return customerText.trim();
  if (entry.event?.type !== 'assigned') return null;
  const assignee = data.assignee as { displayName?: unknown } | undefined;
  const name =
    str(assignee?.displayName) ?? str(data.agentName) ?? str(data.displayName) ?? str(data.name) ?? str(entry.author.name);
  return name ? `${name} joined the conversation` : 'A person joined the conversation';
}

/** Merge held entries, pending outbox items and failed sends into the rows to show, in order. */
export function buildItems(
  entries: readonly Entry[],
  pending: readonly OutboxItem[],
  failed: readonly FailedItem[],
  agentReadSeq: (conversationId: string) => number,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const held = new Set<string>();
  let lastIn: Extract<TimelineItem, { kind: 'message' }> | null = null;
  let lastInConv = '';
  for (const e of entries) {
    if (e.clientId) held.add(e.clientId);
    if (e.kind === 'event') {
      const text = eventText(e);
      if (text) items.push({ kind: 'event', key: `v:${e.conversationId}:${e.seq}`, seq: e.seq, text });
      continue;
    }
    if (e.kind !== 'message') continue;
    const direction = e.direction === 'out' ? 'out' : 'in';
    const item: Extract<TimelineItem, { kind: 'message' }> = {
      kind: 'message',
      key: e.clientId && direction === 'in' ? `c:${e.clientId}` : `e:${e.conversationId}:${e.seq}`,
      seq: e.seq,
      direction,
      body: e.body,
      attachments: e.attachments ?? [],
      state: 'sent',
      clientId: e.clientId,
      author: direction === 'out' ? { name: e.author.name, avatarUrl: e.author.avatarUrl } : null,
      error: null,
      seen: false,
      at: e.createdAt,
    };
    items.push(item);
    if (direction === 'in') {
      lastIn = item;
      lastInConv = e.conversationId;
    }
  }
  // "Seen" only under the visitor's latest delivered message, and only once an agent's read covers it.
  if (lastIn?.seq != null && agentReadSeq(lastInConv) >= lastIn.seq) lastIn.seen = true;

  const unsent: TimelineItem[] = [];
  for (const p of pending) {
    if (held.has(p.clientId)) continue; // already delivered (ack lost, or another tab got it through)
    unsent.push(pendingItem(p, 'sending', null));
  }
  for (const f of failed) unsent.push(pendingItem(f, 'failed', f.error));
  unsent.sort((a, b) => (a.kind === 'message' && b.kind === 'message' ? a.at.localeCompare(b.at) : 0));
  return items.concat(unsent);
}

function pendingItem(p: OutboxItem, state: 'sending' | 'failed', error: string | null): TimelineItem {
  return {
    kind: 'message',
    key: `c:${p.clientId}`,
    seq: null,
    direction: 'in',
    body: p.body,
    attachments: p.attachments ?? [],
    state,
    clientId: p.clientId,
    author: null,
    error,
    seen: false,
    at: new Date(p.at).toISOString(),
  };
}

/** Count the agent's messages after the seq the visitor has seen, for the launcher badge. */
export function countUnread(entries: readonly Entry[], seen: (conversationId: string) => number): number {
  let n = 0;
  for (const e of entries) if (e.kind === 'message' && e.direction === 'out' && e.seq > seen(e.conversationId)) n++;
  return n;
}
