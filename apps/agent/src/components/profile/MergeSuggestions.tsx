import type { CustomerProfile, MergeSuggestion } from '@warmline/shared';
import { useState } from 'react';
import { Link, paths } from '../../router.tsx';
import { mergeCustomers, undoMerge } from '../../state/customerActions.ts';
import { contactLine, personName } from '../../state/customerName.ts';
import { openSuggestions } from '../../state/profiles.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { VerifiedMark } from '../VerifiedMark.tsx';

function UndoableMerge({ profile, merge }: { profile: CustomerProfile; merge: CustomerProfile['merges'][number] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await undoMerge(profile.id, merge.id);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <li className="merged" data-testid="merged-note">
      <span>
        Merged <strong>{personName(merge.source)}</strong>
        {merge.by ? <span className="merged-by"> · by {merge.by.displayName}</span> : null}
      </span>
      <span aria-hidden="true">·</span>
      <button type="button" className="link-button" data-testid="merge-undo" disabled={busy} onClick={undo}>
        {busy ? 'Undoing…' : 'Undo'}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </li>
  );
}

/** Which side of a merge only typed the contact point they share: nothing proves they are the same person. */
function UnverifiedWarning({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="merge-unverified" data-testid="merge-unverified">
      <strong>{names.join(' and ')}</strong> {names.length === 1 ? 'is' : 'are'} unverified: anyone can type an email or phone
      number, so nothing proves this is the same person. Their open chat ends with the merge.
    </p>
  );
}

/**
 * "Possibly the same person": people who share a contact point. Never merged by itself; an agent
 * decides, sees both names before confirming, and can undo it.
 */
export function MergeSuggestions({ profile }: { profile: CustomerProfile }) {
  const [asking, setAsking] = useState<MergeSuggestion | null>(null);
  const suggestions = openSuggestions(profile);
  if (profile.erased || (suggestions.length === 0 && profile.merges.length === 0)) return null;
  const target = personName(profile);

  return (
    <section className="profile-section merge-card" aria-label="Possibly the same person" data-testid="merge-suggestions">
      {suggestions.length > 0 ? (
        <>
          <h3 className="profile-heading">Possibly the same person</h3>
          <ul className="suggestions">
            {suggestions.map((s) => (
              <li key={s.customer.id} className="suggestion" data-testid="merge-suggestion">
                <span className="suggestion-who">
                  <Link to={paths.customer(s.customer.id)} className="suggestion-name">
                    {personName(s.customer)}
                  </Link>{' '}
                  <VerifiedMark verified={s.customer.verified} />
                  <span className="suggestion-why">
                    {s.reasons.length ? `Same ${s.reasons.join(', ')}` : contactLine(s.customer)}
                  </span>
                </span>
                <button type="button" className="btn btn-small" data-testid="merge-button" onClick={() => setAsking(s)}>
                  Merge
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {profile.merges.length > 0 ? (
        <ul className="merges">
          {profile.merges.map((m) => (
            <UndoableMerge key={m.id} profile={profile} merge={m} />
          ))}
        </ul>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Merge ${personName(asking.customer)} into ${target}?`}
          confirmLabel="Merge"
          busyLabel="Merging…"
          testId="merge-dialog"
          onConfirm={() => mergeCustomers(profile.id, asking.customer.id)}
          onClose={() => setAsking(null)}
        >
          <p>
            Everything of <strong>{personName(asking.customer)}</strong>
            {contactLine(asking.customer) ? ` (${contactLine(asking.customer)})` : ''} — contact points, conversations and notes —
            moves to <strong>{target}</strong>, so their story is told in one place.
          </p>
          <UnverifiedWarning names={[profile, asking.customer].filter((c) => !c.verified).map(personName)} />
          <p className="hint">You can undo this straight after.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
