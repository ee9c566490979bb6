import type { Entry } from '@warmline/shared';
import { describeEvent } from '../state/eventText.ts';
import { moodWords } from '../state/mood.ts';
import { formatClock } from '../state/time.ts';
import { Avatar } from './Avatar.tsx';
import { DelightMark, DelightSuggestion } from './delight/ConversationDelight.tsx';
import { EmailBody } from './EmailBody.tsx';
import { EmailDelivery } from './EmailDelivery.tsx';
import { EntryFiles } from './EntryFiles.tsx';
import { SurveyAnswerEntry } from './SurveyAnswerEntry.tsx';

interface EntryProps {
  entry: Entry;
  customer: string;
  now: number;
  seen: boolean;
}

/** One item of the timeline: a customer or agent message, an internal note, or an event line. */
export function TimelineEntry({ entry, customer, now, seen }: EntryProps) {
  const common = {
    'data-testid': 'timeline-entry',
    'data-seq': entry.seq,
    'data-kind': entry.kind,
    'data-direction': entry.direction ?? undefined,
  };
  const time = formatClock(entry.createdAt, now);

  if (entry.kind === 'event' && entry.event?.type === 'survey_answered') {
    return <SurveyAnswerEntry data={entry.event.data} createdAt={entry.createdAt} time={time} common={common} />;
  }
  if (entry.kind === 'event') {
    return (
      <li className="entry entry-event" {...common}>
        <span className="event-line">
          {describeEvent(entry)} <time dateTime={entry.createdAt}>· {time}</time>
        </span>
      </li>
    );
  }

  const author =
    entry.author.name ??
    (entry.author.kind === 'customer' ? customer : entry.kind === 'message' ? 'Sent automatically' : 'Warmline');
  if (entry.kind === 'note') {
    return (
      <li className="entry entry-note" {...common}>
        <div className="note">
          <div className="note-label">Internal note — only your team sees this</div>
          {entry.body ? <p className="body">{entry.body}</p> : null}
          <EntryFiles attachments={entry.attachments} />
          <div className="entry-meta">
            {author} · <time dateTime={entry.createdAt}>{time}</time>
          </div>
        </div>
      </li>
    );
  }

  const outgoing = entry.direction === 'out';
  return (
    <li className={`entry ${outgoing ? 'entry-out' : 'entry-in'}`} {...common}>
      {outgoing ? null : <Avatar name={author} url={entry.author.avatarUrl} size={28} className="entry-avatar" />}
      <div className="bubble-wrap">
        <div className="entry-meta">
          <span className="entry-author">{author}</span>
          {entry.channel && entry.channel !== 'chat' ? (
            <span className="entry-channel">via {entry.channel.replace('_', ' ')}</span>
          ) : null}
          <time dateTime={entry.createdAt}>{time}</time>
          {!outgoing && entry.emotion && entry.emotion.label !== 'neutral' ? (
            <span
              className={`entry-emotion${entry.emotion.upset ? ' is-upset' : ''}`}
              data-testid="entry-emotion"
              data-emotion={entry.emotion.label}
              title="How this message reads. A hint, not a verdict."
            >
              sounds {moodWords[entry.emotion.label]}
            </span>
          ) : null}
          {outgoing ? null : <DelightMark entry={entry} />}
        </div>
        {entry.channel === 'email' && !outgoing ? (
          <EmailBody entry={entry} />
        ) : entry.body ? (
          <p className="bubble body">{entry.body}</p>
        ) : null}
        <EntryFiles attachments={entry.attachments} />
        {entry.delivery ? <EmailDelivery delivery={entry.delivery} now={now} /> : null}
        {outgoing && seen ? <div className="seen">Seen</div> : null}
        {outgoing ? null : <DelightSuggestion entry={entry} />}
      </div>
      {outgoing ? <Avatar name={author} url={entry.author.avatarUrl} size={28} className="entry-avatar" /> : null}
    </li>
  );
}
