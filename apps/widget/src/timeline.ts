import type { Entry } from '@warmline/shared';
import type { OutboxItem } from './outbox.ts';

/**
 * Every entry the visitor holds, keyed by (conversation, seq). Adding a seq already held is a no-op, which
 * is what makes display exactly-once when the same entry arrives as `ack`, `entry`, resume catch-up or history.
 */
export class Timeline {
  private readonly convs = new Map<string, Map<number, Entry>>();
  /** Per conversation, the seq up to which nothing visible can be missing: where `resume` must start. */
  private readonly complete = new Map<string, number>();

  /** Add an entry; false when that seq was already held (or the entry is not for visitors). */
  add(entry: Entry): boolean {
    // Internal notes never reach a visitor; if one ever did, it must not be shown.
    if (entry.kind === 'note') return false;
    let conv = this.convs.get(entry.conversationId);
    if (!conv) {
      conv = new Map();
      this.convs.set(entry.conversationId, conv);
    }
    if (conv.has(entry.seq)) return false;
    conv.set(entry.seq, entry);
    this.settle(entry.conversationId, 0);
    return true;
  }

  /**
   * A database-backed read (history, or a resume's catch-up) proved nothing visible up to `seq` is missing.
   * Live entries only extend this one consecutive seq at a time: an `ack` can overtake another's entry still
   * on its way through the bus, and resuming from the highest seq would skip that entry for good.
   */
  settle(conversationId: string, seq: number): void {
    const conv = this.convs.get(conversationId);
    let upTo = Math.max(seq, this.complete.get(conversationId) ?? 0);
    while (conv?.has(upTo + 1)) upTo++;
    this.complete.set(conversationId, upTo);
  }

  /** Add many; returns the entries that were new. */
  addAll(entries: readonly Entry[]): Entry[] {
    return entries.filter((e) => this.add(e));
  }

  /** True when this seq of this conversation is held. */
  has(conversationId: string, seq: number): boolean {
    return this.convs.get(conversationId)?.has(seq) ?? false;
  }

  /** Highest seq held, 0 when none (read and seen positions; `resume` starts from `resumeCursors`). */
  lastSeq(conversationId: string): number {
    let max = 0;
    for (const seq of this.convs.get(conversationId)?.keys() ?? []) if (seq > max) max = seq;
    return max;
  }

  /** Highest seq held for every conversation held, plus any extra ids (a conversation known but still empty). */
  cursors(extra: readonly string[] = []): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of [...this.convs.keys(), ...extra]) out[id] = this.lastSeq(id);
    return out;
  }

  /**
   * Where `resume` starts, per conversation: complete-up-to, not the highest seq held. Internal notes share the
   * sequence, so for a visitor this stalls at a note until the next resume re-reads past it; held entries that
   * come again are ignored by `add`.
   */
  resumeCursors(extra: readonly string[] = []): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of [...this.convs.keys(), ...extra]) out[id] = this.complete.get(id) ?? 0;
    return out;
  }

  /** True when an entry made from this clientId is held (so a pending copy must not show twice). */
  hasClientId(clientId: string): boolean {
    for (const conv of this.convs.values()) for (const e of conv.values()) if (e.clientId === clientId) return true;
    return false;
  }

  /** All entries: conversations oldest first, each in seq order. */
  entries(): Entry[] {
    const groups = [...this.convs.values()].filter((c) => c.size > 0).map((c) => [...c.values()].sort((a, b) => a.seq - b.seq));
    groups.sort((a, b) => (a[0]!.createdAt < b[0]!.createdAt ? -1 : a[0]!.createdAt > b[0]!.createdAt ? 1 : 0));
    return groups.flat();
  }

  /** Forget everything (the visitor's identity was replaced). */
  clear(): void {
    this.convs.clear();
    this.complete.clear();
  }
}

/** A message the server refused; kept on screen so the visitor can retry it. */
export interface FailedItem {
  clientId: string;
  body: string;
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
