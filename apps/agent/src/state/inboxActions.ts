import type { Conversation, InboxView } from '@warmline/shared';
import { conversationsApi, type StatusFilter } from '../api/endpoints.ts';
import { countsAfterChange, fresher, withHandoffs } from './inbox.ts';
import { getState, setState, viewerOf } from './store.ts';

/** Where "Show more" continues a tab: per view and status, and per tag while the inbox is filtered by one. */
export const cursorKey = (view: InboxView, status: StatusFilter, tag: string | null = null) =>
  tag ? `${view}:${status}:${tag}` : `${view}:${status}`;

/**
 * Reads the inbox afresh (on start and after every reconnect). Conversations the app no longer sees in any
 * list are dropped, except the open one, so a missed change while offline cannot leave a stale row behind.
 */
export async function loadInbox(): Promise<void> {
  const { allStatus, openConversationId, tagFilter, view } = getState();
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
    if (tagFilter) await readTagged(view, view === 'all' ? allStatus : 'open', tagFilter);
  } catch {
    setState((s) => ({ inboxState: s.inboxState === 'ready' ? 'ready' : 'error' }));
  }
}

/** Fetches the next page of a tab. */
export async function loadMore(view: InboxView, status: StatusFilter): Promise<void> {
  const tag = getState().tagFilter;
  const key = cursorKey(view, status, tag);
  const cursor = getState().cursors[key];
  if (!cursor) return;
  const page = await conversationsApi.list(view, status, cursor, tag);
  setState((s) => {
    const conversations = { ...s.conversations };
    for (const c of page.conversations) conversations[c.id] = fresher(conversations[c.id], c);
    return { conversations, cursors: { ...s.cursors, [key]: page.nextCursor } };
  });
}

/** Reads a tab's first page of conversations carrying `tag`: the filter shows them all, not only those already held. */
async function readTagged(view: InboxView, status: StatusFilter, tag: string): Promise<void> {
  const list = await conversationsApi.list(view, status, null, tag).catch(() => null);
  if (!list) return;
  setState((s) => {
    const conversations = { ...s.conversations };
    for (const c of list.conversations) conversations[c.id] = fresher(conversations[c.id], c);
    return { conversations, cursors: { ...s.cursors, [cursorKey(view, status, tag)]: list.nextCursor } };
  });
}

export function setView(view: InboxView): void {
  setState({ view });
  const { tagFilter, allStatus } = getState();
  if (tagFilter) void readTagged(view, view === 'all' ? allStatus : 'open', tagFilter);
}

/** Shows only the conversations carrying `tag` (null: all again). */
export async function setTagFilter(tag: string | null): Promise<void> {
  setState({ tagFilter: tag });
  const { view, allStatus } = getState();
  if (tag) await readTagged(view, view === 'all' ? allStatus : 'open', tag);
}

/** Switches All between open and resolved; resolved conversations are read on demand. */
export async function setAllStatus(status: StatusFilter): Promise<void> {
  setState({ allStatus: status });
  const { tagFilter } = getState();
  if (tagFilter) await readTagged('all', status, tagFilter);
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
