import { useCallback, useEffect, useState } from 'react';
import { useMediaQuery } from '../../hooks/useMediaQuery.ts';
import { customerName } from '../../state/customerName.ts';
import { useStore } from '../../state/store.ts';
import { Avatar } from '../Avatar.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';

const KEY = 'warmline.profilePanel';
/** Wide enough for inbox, conversation and profile side by side without squeezing the conversation. */
export const WIDE_PROFILE = '(min-width: 1360px)';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'closed';
  } catch {
    return true;
  }
}

/**
 * Holds the profile beside a conversation: a column on wide screens (open unless the agent closed it,
 * remembered), a drawer over the conversation on narrow ones (closed until asked for).
 */
export function ProfileDock({ conversationId }: { conversationId: string }) {
  const conversation = useStore((s) => s.conversations[conversationId]);
  const wide = useMediaQuery(WIDE_PROFILE);
  const [wideOpen, setWideOpen] = useState(storedOpen);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const open = wide ? wideOpen : drawerOpen;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new conversation starts with the drawer closed
  useEffect(() => setDrawerOpen(false), [conversationId]);

  const setOpen = useCallback(
    (next: boolean) => {
      if (!wide) {
        setDrawerOpen(next);
        return;
      }
      setWideOpen(next);
      try {
        localStorage.setItem(KEY, next ? 'open' : 'closed');
      } catch {
        // Private windows may refuse storage: the choice then lasts until reload.
      }
    },
    [wide],
  );

  useEffect(() => {
    if (wide || !drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wide, drawerOpen]);

  if (!conversation) return null;
  const name = customerName(conversation);
  return (
    <div className={`profile-dock${open ? ' is-open' : ' is-closed'}${wide ? ' is-wide' : ' is-narrow'}`}>
      {open ? (
        <ProfilePanel customerId={conversation.customer.id} conversationId={conversationId} onHide={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          className="profile-rail"
          data-testid="profile-show"
          aria-label={`Show ${name}’s profile`}
          title={`Show ${name}’s profile`}
          onClick={() => setOpen(true)}
        >
          <Avatar name={name} size={30} />
          <span className="profile-rail-label">Profile</span>
        </button>
      )}
    </div>
  );
}
