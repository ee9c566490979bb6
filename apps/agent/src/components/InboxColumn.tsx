import type { InboxView } from '@warmline/shared';
import { useMemo, useState } from 'react';
import { useNow } from '../hooks/useNow.ts';
import { listFor } from '../state/inbox.ts';
import { cursorKey, loadInbox, loadMore, setAllStatus, setTagFilter, setView } from '../state/inboxActions.ts';
import { useStore, useViewer } from '../state/store.ts';
import { isTransferForMe } from '../state/transfer.ts';
import { ConversationRow } from './ConversationRow.tsx';
import { EmptyState } from './EmptyState.tsx';
import { InboxTagFilter } from './InboxTagFilter.tsx';

const TABS: Array<{ view: InboxView; label: string }> = [
  { view: 'waiting', label: 'Waiting' },
  { view: 'mine', label: 'Mine' },
  { view: 'all', label: 'All' },
];

const EMPTY: Record<InboxView, { title: string; body: string }> = {
  waiting: { title: 'Nobody is waiting', body: 'Every customer has a person. New chats will chime and appear here.' },
  mine: { title: 'Nothing on your plate', body: 'Take a conversation from Waiting and it will live here until it is resolved.' },
  all: { title: 'No conversations here', body: 'When customers get in touch, their conversations show up here.' },
};

/** The inbox: Waiting / Mine / All with live counts, newest needs first. */
export function InboxColumn() {
  const view = useStore((s) => s.view);
  const allStatus = useStore((s) => s.allStatus);
  const conversations = useStore((s) => s.conversations);
  const counts = useStore((s) => s.counts);
  const unread = useStore((s) => s.unread);
  const openId = useStore((s) => s.openConversationId);
  const inboxState = useStore((s) => s.inboxState);
  const tag = useStore((s) => s.tagFilter);
  const me = useViewer();
  const now = useNow(15_000);
  const [loadingMore, setLoadingMore] = useState(false);

  const status = view === 'all' ? allStatus : 'open';
  const more = useStore((s) => Boolean(s.cursors[cursorKey(view, status, tag)]));
  const rows = useMemo(() => listFor(conversations, view, status, me, tag), [conversations, view, status, me, tag]);

  const onLoadMore = () => {
    setLoadingMore(true);
    loadMore(view, status).finally(() => setLoadingMore(false));
  };

  return (
    <section className="inbox" aria-label="Inbox">
      <div className="tabs" role="tablist" aria-label="Inbox views">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            aria-selected={view === tab.view}
            className={`tab${view === tab.view ? ' is-active' : ''}`}
            data-testid={`inbox-tab-${tab.view}`}
            onClick={() => setView(tab.view)}
          >
            {tab.label}
            <span
              className={`count${tab.view === 'waiting' && counts.waiting > 0 ? ' count-hot' : ''}`}
              data-testid={`inbox-count-${tab.view}`}
            >
              {counts[tab.view]}
            </span>
          </button>
        ))}
      </div>

      {view === 'all' ? (
        <fieldset className="filter" aria-label="Show">
          {(['open', 'resolved'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={allStatus === value}
              className={`filter-option${allStatus === value ? ' is-active' : ''}`}
              data-testid={`inbox-filter-${value}`}
              onClick={() => setAllStatus(value)}
            >
              {value === 'open' ? 'Open' : 'Resolved'}
            </button>
          ))}
        </fieldset>
      ) : null}

      <InboxTagFilter />

      <div className="inbox-list">
        {inboxState === 'loading' && rows.length === 0 ? <p className="inbox-note">Loading conversations…</p> : null}
        {inboxState === 'error' && rows.length === 0 ? (
          <div className="inbox-note">
            <p>The inbox could not be loaded.</p>
            <button type="button" className="btn btn-small" onClick={() => loadInbox()}>
              Try again
            </button>
          </div>
        ) : null}
        {inboxState === 'ready' && rows.length === 0 && tag ? (
          <EmptyState title={`Nothing tagged “${tag}” here`} icon="inbox">
            <button type="button" className="link-button" onClick={() => void setTagFilter(null)}>
              Show every conversation
            </button>
          </EmptyState>
        ) : null}
        {inboxState === 'ready' && rows.length === 0 && !tag ? (
          <EmptyState
            title={view === 'all' && allStatus === 'resolved' ? 'Nothing resolved yet' : EMPTY[view].title}
            icon="inbox"
          >
            {view === 'all' && allStatus === 'resolved' ? null : EMPTY[view].body}
          </EmptyState>
        ) : null}
        <ul className="rows">
          {rows.map((c) => (
            <ConversationRow
              key={c.id}
              conversation={c}
              now={now}
              selected={c.id === openId}
              unread={Boolean(unread[c.id])}
              transferForMe={isTransferForMe(c, me)}
            />
          ))}
        </ul>
        {more ? (
          <button type="button" className="btn btn-quiet load-more" disabled={loadingMore} onClick={onLoadMore}>
            {loadingMore ? 'Loading…' : 'Show more'}
          </button>
        ) : null}
      </div>
    </section>
  );
}
