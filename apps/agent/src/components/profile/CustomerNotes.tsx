import type { CustomerProfile } from '@warmline/shared';
import { type FormEvent, useState } from 'react';
import { addCustomerNote } from '../../state/customerActions.ts';
import { formatClock } from '../../state/time.ts';

/** What colleagues should know about this person, whatever the conversation: internal, never sent. */
export function CustomerNotes({ profile, now }: { profile: CustomerProfile; now: number }) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await addCustomerNote(profile.id, draft.trim());
      setDraft('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="profile-section" aria-label="Notes">
      <h3 className="profile-heading">Notes</h3>
      {profile.erased ? null : (
        <form className="note-form" onSubmit={submit}>
          <textarea
            data-testid="customer-note-input"
            aria-label="A note about this person"
            rows={2}
            maxLength={10_000}
            placeholder="Something colleagues should know, e.g. prefers a call after 5pm"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
            }}
          />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {draft.trim() ? (
            <button type="submit" className="btn btn-note btn-small" data-testid="customer-note-add" disabled={busy}>
              {busy ? 'Adding…' : 'Add note'}
            </button>
          ) : null}
        </form>
      )}
      <ul className="customer-notes">
        {profile.notes.map((note) => (
          <li key={note.id} className="customer-note" data-testid="customer-note">
            <p className="body">{note.body}</p>
            <span className="customer-note-meta">
              {note.author?.displayName ?? 'Warmline'} · <time dateTime={note.createdAt}>{formatClock(note.createdAt, now)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
