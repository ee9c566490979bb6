import type { Conversation, Entry, InboxView } from '@warmline/shared';
import type { InboxCountsData, StatusFilter } from '../api/endpoints.ts';

/** Whether a conversation is listed under an inbox tab (mirrors the server's `view` and `status` filters). */
export function belongsTo(view: InboxView, status: StatusFilter, conversation: Conversation, meId: string): boolean {
  const resolved = conversation.status === 'resolved';
  if (view === 'waiting') return conversation.status === 'waiting';
  if (view === 'mine') return !resolved && conversation.assignee?.id === meId;
  return status === 'resolved' ? resolved : !resolved;
}

/** Waiting: whoever has waited longest comes first. Other tabs: most recent activity first. */
export function compareFor(view: InboxView): (a: Conversation, b: Conversation) => number {
  if (view === 'waiting') return (a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id);
  return (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}

/** The rows of one inbox tab, from every conversation the app knows. */
export function listFor(
  conversations: Readonly<Record<string, Conversation>>,
  view: InboxView,
  status: StatusFilter,
  meId: string,
): Conversation[] {
  return Object.values(conversations)
    .filter((conversation) => belongsTo(view, status, conversation, meId))
    .sort(compareFor(view));
}

/**
 * How the tab counts move when a conversation changes, so badges and the tab title react at once;
 * the counts are re-read from the server shortly after to correct any drift.
 */
export function countsAfterChange(
  counts: InboxCountsData,
  before: Conversation | undefined,
  after: Conversation,
  meId: string,
): InboxCountsData {
  const next = { ...counts };
  for (const view of ['waiting', 'mine', 'all'] as const) {
    const was = before ? belongsTo(view, 'open', before, meId) : false;
    const is = belongsTo(view, 'open', after, meId);
    if (was !== is) next[view] = Math.max(0, next[view] + (is ? 1 : -1));
  }
  return next;
}

/** True when a change puts a conversation into the waiting queue: somebody must notice it. */
export function startedWaiting(before: Conversation | undefined, after: Conversation): boolean {
  return after.status === 'waiting' && before?.status !== 'waiting';
}

/** The later of two ISO instants (ISO strings sort like time). */
function laterOf(a: string, b: string): string {
  if (a > b) return a;
  return b;
}

/** Refreshes a conversation's preview from a timeline entry that arrived before the conversation frame. */
export function withEntry(conversation: Conversation, entry: Entry): Conversation {
  if (entry.seq <= conversation.lastSeq) return conversation;
  const isMessage = entry.kind === 'message' && entry.direction !== null;
  return {
    ...conversation,
    lastSeq: entry.seq,
    updatedAt: laterOf(entry.createdAt, conversation.updatedAt),
    lastMessage:
      isMessage && entry.direction
        ? { body: entry.body, direction: entry.direction, at: entry.createdAt }
        : conversation.lastMessage,
  };
}

/** Keeps the fresher of two copies of a conversation (frames and REST reads can cross). */
export function fresher(held: Conversation | undefined, incoming: Conversation): Conversation {
  if (!held) return incoming;
  if (incoming.updatedAt < held.updatedAt) return held;
  if (incoming.updatedAt === held.updatedAt && incoming.lastSeq < held.lastSeq) return held;
  return incoming;
}
