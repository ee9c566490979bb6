import type { Conversation, InboxView } from '@warmline/shared';
import { conversationsApi, type StatusFilter } from '../api/endpoints.ts';
import { countsAfterChange, fresher, withHandoffs } from './inbox.ts';
import { getState, setState, viewerOf } from './store.ts';

const cursorKey = (view: InboxView, status: StatusFilter) => `${view}:${status}`;

/**
 * Reads the inbox afresh (on start and after every reconnect). Conversations the app no longer sees in any
 * list are dropped, except the open one, so a missed change while offline cannot leave a stale row behind.
 */
export async function loadInbox(): Promise<void> {
  const { allStatus, openConversationId } = getState();
  const reads: Array<[InboxView, StatusFilter]> = [
    ['waiting', 'open'],
    ['mine', 'open'],
    ['all', 'open'],
  ];
  if (allStatus === 'resolved') reads.push(['all', 'resolved']);
  try {
    const [counts, ...lists] = await Promise.all([
      conversationsApi.counts(),
      ...reads.map(([view, status]) => conversationsApi.list(view, status)),
    ]);
    setState((s) => {
      const conversations: Record<string, Conversation> = {};
      if (openConversationId && s.conversations[openConversationId]) {
        conversations[openConversationId] = s.conversations[openConversationId];
      }
      const cursors: Record<string, string | null> = {};
      lists.forEach((list, i) => {
        const [view, status] = reads[i]!;
        cursors[cursorKey(view, status)] = list.nextCursor;
        for (const c of list.conversations) conversations[c.id] = fresher(conversations[c.id], c);
      });
      return { conversations, cursors, counts: withHandoffs(counts, conversations, viewerOf(s)), inboxState: 'ready' };
    });
  } catch {
    setState((s) => ({ inboxState: s.inboxState === 'ready' ? 'ready' : 'error' }));
  }
}

/** Fetches the next page of a tab. */
export async function loadMore(view: InboxView, status: StatusFilter): Promise<void> {
  const cursor = getState().cursors[cursorKey(view, status)];
  if (!cursor) return;
  const page = await conversationsApi.list(view, status, cursor);
  setState((s) => {
    const conversations = { ...s.conversations };
    for (const c of page.conversations) conversations[c.id] = fresher(conversations[c.id], c);
    return { conversations, cursors: { ...s.cursors, [cursorKey(view, status)]: page.nextCursor } };
  });
}

export function setView(view: InboxView): void {
  setState({ view });
}

/** Switches All between open and resolved; resolved conversations are read on demand. */
export async function setAllStatus(status: StatusFilter): Promise<void> {
  setState({ allStatus: status });
  if (status !== 'resolved') return;
  const list = await conversationsApi.list('all', 'resolved').catch(() => null);
  if (!list) return;
  setState((s) => {
    const conversations = { ...s.conversations };
    for (const c of list.conversations) conversations[c.id] = fresher(conversations[c.id], c);
    return { conversations, cursors: { ...s.cursors, [cursorKey('all', 'resolved')]: list.nextCursor } };
  });
}

/**
 * Stores a conversation from a frame or a REST answer and moves the tab counts with it.
 * Returns the copy that was there before, so callers can tell what changed.
 */
export function upsertConversation(incoming: Conversation): Conversation | undefined {
  const s = getState();
  const before = s.conversations[incoming.id];
  const next = fresher(before, incoming);
  if (next === before) return before;
  setState({
    conversations: { ...s.conversations, [incoming.id]: next },
    counts: countsAfterChange(s.counts, before, next, viewerOf(s)),
  });
  scheduleCountsRefresh();
  return before;
}

let countsTimer: ReturnType<typeof setTimeout> | null = null;

/** Re-reads the counts shortly after a burst of changes, correcting the local estimate. */
export function scheduleCountsRefresh(delayMs = 400): void {
  if (countsTimer) clearTimeout(countsTimer);
  countsTimer = setTimeout(() => {
    countsTimer = null;
    conversationsApi
      .counts()
      .then((counts) => setState((s) => ({ counts: withHandoffs(counts, s.conversations, viewerOf(s)) })))
      .catch(() => {});
  }, delayMs);
}
