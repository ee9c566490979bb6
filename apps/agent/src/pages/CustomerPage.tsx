import { useCallback, useEffect, useState } from 'react';
import { customersApi } from '../api/customers.ts';
import { Avatar } from '../components/Avatar.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ProfileName } from '../components/profile/ProfileName.tsx';
import { ProfileSections } from '../components/profile/ProfileSections.tsx';
import { StoryTimeline } from '../components/StoryTimeline.tsx';
import { VerifiedMark } from '../components/VerifiedMark.tsx';
import { useNow } from '../hooks/useNow.ts';
import { Link, paths } from '../router.tsx';
import { eraseCustomer, loadProfile } from '../state/customerActions.ts';
import { personName } from '../state/customerName.ts';
import { useStore } from '../state/store.ts';

/** One person, one story: who they are beside everything that ever happened with them. */
export function CustomerPage({ id }: { id: string }) {
  const profile = useStore((s) => s.profiles[id]);
  const state = useStore((s) => s.profileState[id]);
  const role = useStore((s) => s.session?.agent.role ?? 'agent');
  const [erasing, setErasing] = useState(false);
  const now = useNow(60_000);

  useEffect(() => {
    loadProfile(id);
  }, [id]);

  const read = useCallback((cursor: string | null) => customersApi.timeline(id, cursor), [id]);
  const name = profile ? personName(profile) : '';
  const nameOf = useCallback(() => name, [name]);

  if (!profile) {
    return (
      <div className="page">
        {state === 'missing' ? (
          <EmptyState title="This person is not here">
            They may have been merged into someone else, or erased. <Link to={paths.customers}>See everyone</Link>
          </EmptyState>
        ) : state === 'error' ? (
          <EmptyState title="Their story could not be read">
            <button type="button" className="link-button" onClick={() => loadProfile(id)}>
              Try again
            </button>
          </EmptyState>
        ) : (
          <p className="loading">Reading their story…</p>
        )}
      </div>
    );
  }

  // A note written on this page belongs on the timeline too: read it again when the notes change.
  const notesVersion = profile.notes[0]?.id ?? '';

  return (
    <div className="page customer-page" data-testid="customer-page">
      <header className="page-header customer-header">
        <Link to={paths.customers} className="back-link">
          ← Customers
        </Link>
        <div className="customer-title">
          <Avatar name={name} size={52} />
          <div className="customer-title-text">
            <ProfileName profile={profile} as="h1" />
            <span className="profile-sub">
              {profile.erased ? 'Erased' : <VerifiedMark verified={profile.verified} />}
              {profile.memberships[0] ? (
                <>
                  {' · '}
                  <Link to={paths.organization(profile.memberships[0].organization.id)}>
                    {profile.memberships[0].organization.name}
                  </Link>
                </>
              ) : null}
              {' · '}Customer since{' '}
              {new Date(profile.customerSince).toLocaleDateString(undefined, { month: 'long', year: 'numeric' })}
            </span>
          </div>
          <div className="customer-actions">
            {role !== 'agent' ? (
              <a
                className="btn btn-small"
                href={customersApi.exportUrl(profile.id)}
                download
                data-testid="customer-export"
                title="Everything Warmline holds about them, as a JSON file"
              >
                Download their data
              </a>
            ) : null}
            {role === 'admin' && !profile.erased ? (
              <button
                type="button"
                className="btn btn-small btn-quiet danger-text"
                data-testid="customer-erase"
                onClick={() => setErasing(true)}
              >
                Erase…
              </button>
            ) : null}
          </div>
        </div>
        {profile.erased ? <p className="erased-note">This person was erased. What remains is anonymous.</p> : null}
      </header>
      <div className="customer-grid">
        <div className="card customer-profile">
          <ProfileSections profile={profile} now={now} withConversations={false} />
        </div>
        <section className="card customer-story" aria-label="Timeline">
          <h2 className="card-title">The whole story</h2>
          <StoryTimeline storyKey={profile.id} read={read} nameOf={nameOf} version={notesVersion} />
        </section>
      </div>
      {erasing ? (
        <ConfirmDialog
          title={`Erase ${name} for good?`}
          confirmLabel="Erase everything"
          busyLabel="Erasing…"
          typedConfirmation={name}
          danger
          testId="erase-dialog"
          onConfirm={() => eraseCustomer(profile.id)}
          onClose={() => setErasing(false)}
        >
          <p>
            Their name, contact points, details, organizations and notes are removed, and the words of their conversations become
            “[erased]”. Conversations keep only their channel, times and mood, so the figures still add up. This cannot be undone.
          </p>
          <p className="hint">Download their data first if they asked for a copy.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
