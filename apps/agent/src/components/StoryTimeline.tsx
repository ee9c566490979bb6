import type { TimelineItem } from '@warmline/shared';
import { useMemo } from 'react';
import type { TimelinePage } from '../api/customers.ts';
import { useNow } from '../hooks/useNow.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { Link, paths } from '../router.tsx';
import { channelLabels } from '../state/channels.ts';
import { appendOlder, groupByDay, timelineKey } from '../state/customerTimeline.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { MoodWord } from './MoodWord.tsx';

interface StoryTimelineProps {
  /** Changing it starts the story over (another person or organization). */
  storyKey: string;
  read: (cursor: string | null) => Promise<TimelinePage>;
  /** The name of the person an item is about: the customer page knows it, an organization looks it up. */
  nameOf: (customerId: string) => string;
  /** On an organization's timeline, say whose story each item is. */
  showWho?: boolean;
  /** Read again when this changes (a note was just added). */
  version?: string;
}

/** What happened, said plainly: "Ana wrote", "Amina replied", "Note on Ana"; `toWhom` names who a reply was for. */
function headline(item: TimelineItem, name: string, toWhom = false): string {
  const author = item.author?.name ?? (item.author?.kind === 'customer' ? name : null);
  switch (item.kind) {
    case 'conversation':
      return item.channel ? `${name} got in touch by ${channelLabels[item.channel].toLowerCase()}` : `${name} got in touch`;
    case 'message':
      if (item.direction === 'out') return `${author ?? 'We'} replied${toWhom ? ` to ${name}` : ''}`;
      return `${author ?? name} wrote`;
    case 'note':
      return `Internal note${author ? ` · ${author}` : ''}`;
    case 'customer_note':
      return `Note on ${name}${author ? ` · ${author}` : ''}`;
    case 'callback':
      return 'Callback';
    default:
      return author ?? 'Warmline';
  }
}

function StoryItem({ item, name, showWho }: { item: TimelineItem; name: string; showWho: boolean }) {
  const time = new Date(item.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const quiet = item.kind === 'event' || item.kind === 'conversation';
  const noteLike = item.kind === 'note' || item.kind === 'customer_note';
  const withChannel = item.channel && (item.kind === 'message' || item.kind === 'conversation');
  const title = item.kind === 'event' ? item.text : headline(item, name, showWho);
  // On an organization's timeline, say whose story it is unless the line already names them.
  const who = showWho && !title.includes(name);
  return (
    <li
      className={`story-item story-${item.kind}${item.direction ? ` story-${item.direction}` : ''}`}
      data-testid="story-item"
      data-kind={item.kind}
    >
      <span className="story-icon" aria-hidden="true">
        {withChannel && item.channel ? <ChannelIcon channel={item.channel} decorative /> : <span className="story-dot" />}
      </span>
      <div className="story-body">
        <div className="story-meta">
          {quiet ? (
            <span className="story-event">
              {title}
              {who ? ` · ${name}` : ''}
            </span>
          ) : (
            <>
              <span className="story-headline">{title}</span>
              {who ? <span className="story-who">· {name}</span> : null}
              {item.channel && item.kind === 'message' ? (
                <span className="story-channel">{channelLabels[item.channel]}</span>
              ) : null}
            </>
          )}
          {item.mood && item.mood !== 'neutral' ? <MoodWord mood={item.mood} /> : null}
          {item.conversationId && item.kind === 'conversation' ? (
            <Link to={paths.conversation(item.conversationId)} className="story-open">
              Open
            </Link>
          ) : null}
          <time className="story-time" dateTime={item.at}>
            {time}
          </time>
        </div>
        {quiet ? null : <p className={`story-text body${noteLike ? ' is-note' : ''}`}>{item.text}</p>}
      </div>
    </li>
  );
}

/** Everything that happened, newest first, one heading per day, with older pages on request. */
export function StoryTimeline({ storyKey, read, nameOf, showWho = false, version }: StoryTimelineProps) {
  const { items, nextCursor, state, more, retry } = usePagedList({
    scope: 'story',
    read,
    keyOf: timelineKey,
    key: `${storyKey}:${String(version ?? '')}`,
    merge: appendOlder,
  });
  const now = useNow(60_000);

  const days = useMemo(() => groupByDay(items, now), [items, now]);

  if (state === 'loading' && items.length === 0) return <p className="story-note loading">Reading the story…</p>;
  if (state === 'error' && items.length === 0) {
    return (
      <p className="story-note">
        The story could not be read just now.{' '}
        <button type="button" className="link-button" onClick={retry}>
          Try again
        </button>
      </p>
    );
  }
  if (items.length === 0)
    return <p className="story-note">Nothing has happened yet. Their first conversation will start the story.</p>;

  return (
    <div className="story" data-testid="story-timeline">
      {days.map((day) => (
        <section key={day.key} className="story-day" aria-label={day.label}>
          <h3 className="story-day-label">{day.label}</h3>
          <ol className="story-items">
            {day.items.map((item) => (
              <StoryItem key={timelineKey(item)} item={item} name={nameOf(item.customerId)} showWho={showWho} />
            ))}
          </ol>
        </section>
      ))}
      {nextCursor ? (
        <button type="button" className="btn load-older" data-testid="story-older" disabled={state === 'more'} onClick={more}>
          {state === 'more' ? 'Reading…' : 'Load older'}
        </button>
      ) : (
        <p className="story-end">That is the whole story.</p>
      )}
      {state === 'error' ? (
        <p className="field-error" role="alert">
          Older items could not be read. Try again in a moment.
        </p>
      ) : null}
    </div>
  );
}
