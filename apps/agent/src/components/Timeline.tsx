import type { Entry } from '@warmline/shared';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PendingMessage } from '../state/outbox.ts';
import { PendingEntry } from './PendingEntry.tsx';
import { TimelineEntry } from './TimelineEntry.tsx';

interface TimelineProps {
  entries: readonly Entry[];
  pending: readonly PendingMessage[];
  customer: string;
  me: string;
  now: number;
  customerReadSeq: number;
}

/** The whole story, oldest first; stays pinned to the newest entry unless the agent scrolled up to read. */
export function Timeline({ entries, pending, customer, me, now, customerReadSeq }: TimelineProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const count = entries.length + pending.length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the number of items changes
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  // A panel opening or the composer growing shortens the list, and an entry growing in place (its mood read, a
  // longer line) lengthens it: either way the newest entry stays in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);

  // Only the agent scrolling up lets go of the newest entry. A list that shrank (a panel opened, the composer grew) or
  // an entry that grew leaves scrollTop where it was, which a scroll event may report before the resize is seen:
  // that must not unpin it.
  const lastTop = useRef(0);
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 80) pinned.current = true;
    else if (el.scrollTop < lastTop.current) pinned.current = false;
    lastTop.current = el.scrollTop;
  };

  let lastOut = 0;
  for (const entry of entries)
    if (entry.kind === 'message' && entry.direction === 'out' && entry.seq <= customerReadSeq) lastOut = entry.seq;

  return (
    <div className="timeline-scroll" ref={scroller} onScroll={onScroll}>
      <ol className="timeline" data-testid="timeline" aria-label="Conversation timeline">
        {entries.map((entry) => (
          <TimelineEntry key={entry.seq} entry={entry} customer={customer} now={now} seen={entry.seq === lastOut} />
        ))}
        {pending.map((message) => (
          <PendingEntry key={message.clientId} message={message} author={me} />
        ))}
      </ol>
    </div>
  );
}
