import type { CustomerProfile } from '@warmline/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { updateCustomer } from '../../state/customerActions.ts';
import { personName } from '../../state/customerName.ts';

/** The person's name, edited where it stands: click, type, Enter (Escape keeps the old one). */
export function ProfileName({ profile, as: Heading = 'h2' }: { profile: CustomerProfile; as?: 'h1' | 'h2' }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const name = personName(profile);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  const start = () => {
    setDraft(profile.name ?? '');
    setError(null);
    setEditing(true);
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const next = draft.trim();
    if (next === (profile.name ?? '')) {
      setEditing(false);
      return;
    }
    if (!next) {
      setError('A name cannot be empty.');
      return;
    }
    setBusy(true);
    try {
      await updateCustomer(profile.id, { name: next });
      setEditing(false);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <form className="profile-name-form" onSubmit={save}>
        <input
          ref={input}
          className="profile-name-input"
          data-testid="profile-name-input"
          aria-label="Name"
          value={draft}
          maxLength={200}
          disabled={busy}
          placeholder="Their name"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => save()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        />
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </form>
    );
  }
  return (
    <Heading className="profile-name">
      <button
        type="button"
        className="profile-name-button"
        data-testid="profile-name"
        title="Edit the name"
        disabled={profile.erased}
        onClick={start}
      >
        <span className="profile-name-text">{name}</span>
        {profile.erased ? null : (
          <svg className="edit-glyph" width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M4 20h4L19 9l-4-4L4 16zM14 6l4 4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
            />
          </svg>
        )}
      </button>
    </Heading>
  );
}
