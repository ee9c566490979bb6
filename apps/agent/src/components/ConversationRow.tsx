import { type Conversation, isWaitingForPerson } from '@warmline/shared';
import { Link, paths } from '../router.tsx';
import { type BadgeKind, callbackChip, priorityBadges } from '../state/chips.ts';
import { customerName } from '../state/customerName.ts';
import { currentMood } from '../state/mood.ts';
import { tagsOf } from '../state/tags.ts';
import { formatDuration, LONG_WAIT_MS, since } from '../state/time.ts';
import { firstName, transferTargetName } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';
import { CallbackChip, PriorityBadges } from './Badges.tsx';
import { MoodWord } from './MoodWord.tsx';
import { StatusPill } from './StatusPill.tsx';

interface RowProps {
  conversation: Conversation;
  now: number;
  selected: boolean;
  unread: boolean;
  /** A warm transfer waits for me on this conversation. */
  transferForMe: boolean;
}

/** How long the customer has been waiting for us, or null when the ball is in their court. */
function waitingSince(c: Conversation): string | null {
  if (isWaitingForPerson(c)) return c.queueSince;
  if (c.status !== 'resolved' && c.lastMessage?.direction === 'in') return c.lastMessage.at;
  return null;
}

export function ConversationRow({ conversation: c, now, selected, unread, transferForMe }: RowProps) {
  const waitStart = waitingSince(c);
  const waitedMs = waitStart ? since(waitStart, now) : 0;
  const callbackDue = c.status !== 'resolved' && callbackChip(c.callback, now)?.due === true;
  const longWait = (isWaitingForPerson(c) && (waitedMs >= LONG_WAIT_MS || c.escalatedAt !== null)) || callbackDue;
  const preview = c.lastMessage ? `${c.lastMessage.direction === 'out' ? '↪ ' : ''}${c.lastMessage.body}` : 'No messages yet';
  const classes = [
    'row',
    selected && 'is-selected',
    longWait && 'is-long-wait',
    transferForMe && 'is-transfer',
    unread && 'is-unread',
  ]
    .filter(Boolean)
    .join(' ');
  const handingTo = !transferForMe && c.pendingTransfer ? transferTargetName(c) : null;
  // How they feel now; an upset mood word stands in for the Upset badge.
  const mood = currentMood(c);
  const hideUpset: readonly BadgeKind[] = mood.coversUpsetBadge ? ['upset'] : [];
  const tags = tagsOf(c);
  const hasTags =
    tags.length > 0 ||
    transferForMe ||
    handingTo ||
    c.callback ||
    mood.mood ||
    priorityBadges(c).some((b) => !hideUpset.includes(b.kind));

  return (
    <li>
      <Link
        to={paths.conversation(c.id)}
        className={classes}
        aria-current={selected ? 'page' : undefined}
        data-testid="conversation-row"
        data-conversation-id={c.id}
        data-status={c.status}
        data-transfer-for-me={transferForMe ? 'true' : undefined}
      >
        <span className="row-main">
          <span className="row-top">
            <span className="row-name">
              {unread ? <span className="unread-dot" role="img" aria-label="Unread" /> : null}
              {customerName(c)}
            </span>
            {waitStart ? (
              <span
                className="row-wait"
                data-testid="waiting-time"
                title={`Waiting since ${new Date(waitStart).toLocaleString()}`}
              >
                {formatDuration(waitedMs)}
              </span>
            ) : (
              <span className="row-time">{formatDuration(since(c.updatedAt, now))} ago</span>
            )}
          </span>
          <span className="row-preview">{preview}</span>
          {hasTags ? (
            <span className="row-tags">
              {mood.mood ? <MoodWord mood={mood.mood} upset={mood.upset} /> : null}
              {transferForMe && c.pendingTransfer ? (
                <span className="badge badge-transfer" data-testid="transfer-badge">
                  Transfer for you · from {firstName(c.pendingTransfer.from.displayName)}
                </span>
              ) : null}
              {handingTo ? (
                <span className="badge badge-quiet" data-testid="transfer-pending-badge">
                  Handing to {handingTo}
                </span>
              ) : null}
              {c.status !== 'resolved' ? <CallbackChip conversation={c} now={now} /> : null}
              <PriorityBadges conversation={c} hide={hideUpset} />
              {tags.map((tag) => (
                <span key={tag} className="tag-chip tag-chip-quiet" data-testid="row-tag">
                  {tag}
                </span>
              ))}
            </span>
          ) : null}
          <span className="row-bottom">
            <StatusPill status={c.status} />
            {c.assignee ? (
              <span className="row-assignee">
                <Avatar name={c.assignee.displayName} url={c.assignee.avatarUrl} size={20} />
                <span className="row-assignee-name">{c.assignee.displayName}</span>
              </span>
            ) : (
              <span className="row-assignee row-unassigned">Unassigned</span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
