import { type Conversation, type Entry, type InboxView, isWaitingForPerson } from '@warmline/shared';
import type { InboxCountsData, StatusFilter } from '../api/endpoints.ts';
import { passesTagFilter } from './tags.ts';
import { isTransferForMe, type Viewer } from './transfer.ts';

/**
 * Whether a conversation is listed under an inbox tab (mirrors the server's `view` and `status` filters).
 * Mine also holds conversations being handed to me: I must see them to read and accept them.
 */
export function belongsTo(view: InboxView, status: StatusFilter, conversation: Conversation, me: Viewer): boolean {
  const resolved = conversation.status === 'resolved';
  if (view === 'waiting') return isWaitingForPerson(conversation);
  if (view === 'mine') return !resolved && (conversation.assignee?.id === me.id || isTransferForMe(conversation, me));
  return status === 'resolved' ? resolved : !resolved;
}

/**
 * Waiting: the queue's own order (effective priority, then place in line). Mine: handoffs for me first, then
 * the most recent activity. All: most recent activity first.
 */
export function compareFor(view: InboxView, me?: Viewer): (a: Conversation, b: Conversation) => number {
  const recent = (a: Conversation, b: Conversation) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
  if (view === 'waiting') {
    return (a, b) =>
      b.effectivePriority - a.effectivePriority || a.queueSince.localeCompare(b.queueSince) || a.id.localeCompare(b.id);
  }
  if (view === 'mine' && me) {
    return (a, b) => Number(isTransferForMe(b, me)) - Number(isTransferForMe(a, me)) || recent(a, b);
  }
  return recent;
}

/** The rows of one inbox tab, from every conversation the app knows (only those carrying `tag`, when given). */
export function listFor(
  conversations: Readonly<Record<string, Conversation>>,
  view: InboxView,
  status: StatusFilter,
  me: Viewer,
  tag: string | null = null,
): Conversation[] {
  return Object.values(conversations)
    .filter((conversation) => belongsTo(view, status, conversation, me) && passesTagFilter(conversation, tag))
    .sort(compareFor(view, me));
}

/**
 * How the tab counts move when a conversation changes, so badges and the tab title react at once;
 * the counts are re-read from the server shortly after to correct any drift.
 */
export function countsAfterChange(
  counts: InboxCountsData,
  before: Conversation | undefined,
  after: Conversation,
  me: Viewer,
): InboxCountsData {
  const next = { ...counts };
  for (const view of ['waiting', 'mine', 'all'] as const) {
    const was = before ? belongsTo(view, 'open', before, me) : false;
    const is = belongsTo(view, 'open', after, me);
    if (was !== is) next[view] = Math.max(0, next[view] + (is ? 1 : -1));
  }
  return next;
}

/**
 * The server counts Mine by assignee; handoffs waiting for me are shown in Mine too, so they are added to
 * the server's count (only those I do not already own).
 */
export function withHandoffs(
  counts: InboxCountsData,
  conversations: Readonly<Record<string, Conversation>>,
  me: Viewer,
): InboxCountsData {
  let extra = 0;
  for (const c of Object.values(conversations)) if (c.assignee?.id !== me.id && isTransferForMe(c, me)) extra++;
  return extra === 0 ? counts : { ...counts, mine: counts.mine + extra };
}

/** True when a change puts a conversation into the waiting queue: somebody must notice it. */
export function startedWaiting(before: Conversation | undefined, after: Conversation): boolean {
  return isWaitingForPerson(after) && !(before && isWaitingForPerson(before));
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
