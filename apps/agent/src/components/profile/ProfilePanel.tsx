import { useEffect } from 'react';
import { useNow } from '../../hooks/useNow.ts';
import { Link, paths } from '../../router.tsx';
import { loadProfile } from '../../state/customerActions.ts';
import { personName } from '../../state/customerName.ts';
import { useStore } from '../../state/store.ts';
import { Avatar } from '../Avatar.tsx';
import { VerifiedMark } from '../VerifiedMark.tsx';
import { ProfileName } from './ProfileName.tsx';
import { ProfileSections } from './ProfileSections.tsx';

interface ProfilePanelProps {
  customerId: string;
  conversationId: string;
  onHide: () => void;
}

function since(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
}

/** The person beside the conversation: who they are, how to reach them, and their story so far. */
export function ProfilePanel({ customerId, conversationId, onHide }: ProfilePanelProps) {
  const profile = useStore((s) => s.profiles[customerId]);
  const state = useStore((s) => s.profileState[customerId]);
  const now = useNow(60_000);

  // Read again whenever the conversation changes: a colleague may have added a note or merged someone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: conversationId is the reason to read again
  useEffect(() => {
    loadProfile(customerId);
  }, [customerId, conversationId]);

  return (
    <aside className="profile-panel" aria-label="Customer profile" data-testid="profile-panel">
      <div className="profile-panel-top">
        <span className="profile-panel-title">Profile</span>
        <button
          type="button"
          className="icon-button"
          data-testid="profile-hide"
          title="Hide the profile"
          aria-label="Hide the profile"
          onClick={onHide}
        >
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M9 6l6 6-6 6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      </div>
      {profile ? (
        <div className="profile-scroll">
          <header className="profile-head">
            <Avatar name={personName(profile)} size={44} />
            <div className="profile-head-text">
              <ProfileName profile={profile} />
              <span className="profile-sub">
                {profile.erased ? 'Erased' : <VerifiedMark verified={profile.verified} />} · Customer since{' '}
                {since(profile.customerSince)}
              </span>
            </div>
          </header>
          <ProfileSections profile={profile} now={now} currentConversationId={conversationId} />
          <Link to={paths.customer(profile.id)} className="btn btn-block profile-story-link" data-testid="profile-full-story">
            Open the whole story
          </Link>
        </div>
      ) : state === 'missing' ? (
        <p className="profile-note">This person’s profile is no longer here: they were merged into someone else or erased.</p>
      ) : state === 'error' ? (
        <p className="profile-note">
          Their profile could not be read.{' '}
          <button type="button" className="link-button" onClick={() => loadProfile(customerId)}>
            Try again
          </button>
        </p>
      ) : (
        <p className="profile-note loading">Reading their story…</p>
      )}
    </aside>
  );
}
