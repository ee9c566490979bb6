import type { Conversation } from '@warmline/shared';
import { type BadgeKind, callbackChip, priorityBadges } from '../state/chips.ts';

/** Upset / Service failure / Waiting too long: small and calm, never shouting. */
export function PriorityBadges({
  conversation,
  only,
  hide,
}: {
  conversation: Conversation;
  only?: readonly BadgeKind[];
  /** Left out because something beside them already says it (an upset mood word says "Upset"). */
  hide?: readonly BadgeKind[];
}) {
  const badges = priorityBadges(conversation).filter((b) => (!only || only.includes(b.kind)) && !hide?.includes(b.kind));
  if (badges.length === 0) return null;
  return (
    <>
      {badges.map((b) => (
        <span key={b.kind} className={`badge badge-${b.kind}`} title={b.title} data-testid={`badge-${b.kind}`}>
          {b.label}
        </span>
      ))}
    </>
  );
}

/** "Callback 14:00–14:30 · +254 712…", or "Call now · …" when the window has come. */
export function CallbackChip({
  conversation,
  now,
  fullPhone = false,
}: {
  conversation: Conversation;
  now: number;
  fullPhone?: boolean;
}) {
  const chip = callbackChip(conversation.callback, now, fullPhone);
  if (!chip) return null;
  const owner = conversation.callback?.owner?.displayName;
  return (
    <span
      className={`chip chip-callback${chip.due ? ' is-due' : ''}`}
      data-testid="callback-chip"
      data-status={chip.status}
      title={owner ? `${owner} promised this call` : 'A call the customer booked'}
    >
      <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true">
        <path
          d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"
          fill="currentColor"
        />
      </svg>
      {chip.text}
    </span>
  );
}
