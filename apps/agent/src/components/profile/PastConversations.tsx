import type { ConversationSummary } from '@warmline/shared';
import { Link, paths } from '../../router.tsx';
import { channelLabels } from '../../state/channels.ts';
import { formatDay } from '../../state/time.ts';
import { ChannelIcon } from '../ChannelIcon.tsx';
import { MoodWord } from '../MoodWord.tsx';

function ConversationLine({ c, now }: { c: ConversationSummary; now: number }) {
  return (
    <>
      <span className="past-top">
        <span className="past-channel">
          <ChannelIcon channel={c.channel} decorative />
          {channelLabels[c.channel]}
        </span>
        <span className={`outcome outcome-${c.outcome}`}>{c.outcome === 'resolved' ? 'Resolved' : 'Open'}</span>
        <time className="past-date" dateTime={c.startedAt}>
          {formatDay(c.startedAt, now)}
        </time>
      </span>
      {c.lastMessage ? <span className="past-preview">{c.lastMessage}</span> : null}
      {c.mood || c.assignee ? (
        <span className="past-with">
          {c.mood ? <MoodWord mood={c.mood} upset={c.upset} /> : null}
          {c.assignee ? `with ${c.assignee.displayName}` : null}
        </span>
      ) : null}
    </>
  );
}

/** Every conversation with this person, newest first; the one on screen is marked, the others open on a click. */
export function PastConversations({
  conversations,
  currentId,
  now,
}: {
  conversations: readonly ConversationSummary[];
  currentId?: string | null;
  now: number;
}) {
  const others = conversations.filter((c) => c.id !== currentId);
  return (
    <section className="profile-section" aria-label="Past conversations">
      <h3 className="profile-heading">
        {currentId ? 'Past conversations' : 'Conversations'}
        {others.length > 0 ? <span className="heading-count">{others.length}</span> : null}
      </h3>
      {others.length === 0 ? (
        <p className="profile-empty">{currentId ? 'This is their first conversation with us.' : 'No conversations yet.'}</p>
      ) : (
        <ul className="past-list">
          {others.map((c) => (
            <li key={c.id}>
              <Link to={paths.conversation(c.id)} className="past" data-testid="past-conversation" data-outcome={c.outcome}>
                <ConversationLine c={c} now={now} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
