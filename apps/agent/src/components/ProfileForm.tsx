import type { Agent } from '@warmline/shared';
import { type FormEvent, useState } from 'react';
import { updateMe, uploadAvatar } from '../state/teamActions.ts';
import { Avatar } from './Avatar.tsx';

/** My name and photo, as customers see them. */
export function ProfileForm({ me }: { me: Agent }) {
  const [displayName, setDisplayName] = useState(me.displayName);
  const [avatarUrl, setAvatarUrl] = useState(me.avatarUrl ?? '');
  const [missedContactEmails, setMissedContactEmails] = useState(me.missedContactEmails !== false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (photo: File | undefined) => {
    if (!photo) return;
    setBusy(true);
    setStatus(null);
    try {
      setAvatarUrl((await uploadAvatar(photo)) ?? '');
      setStatus({ ok: true, text: 'Photo saved.' });
    } catch (e) {
      setStatus({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      await updateMe({ displayName: displayName.trim(), avatarUrl: avatarUrl.trim() || null, missedContactEmails });
      setStatus({ ok: true, text: 'Saved.' });
    } catch (e) {
      setStatus({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 className="card-title" id="profile-title">
        Your profile
      </h2>
      <div className="profile-preview">
        <Avatar name={displayName || me.displayName} url={avatarUrl.trim() || null} size={56} />
        <div>
          <div className="agent-name">{displayName || me.displayName}</div>
          <div className="agent-email">{me.email}</div>
        </div>
      </div>
      <form className="form" onSubmit={submit} data-testid="profile-form">
        <label className="field">
          <span className="field-label">Display name</span>
          <input
            data-testid="profile-display-name"
            required
            maxLength={80}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Photo address</span>
          <input
            inputMode="url"
            data-testid="profile-avatar-url"
            placeholder="https://…"
            value={avatarUrl}
            onChange={(e) => setAvatarUrl(e.target.value)}
          />
          <span className="field-hint">
            Warmline fetches the photo once and shows customers its own copy. Leave empty to show your initials.
          </span>
        </label>
        <label className="field">
          <span className="field-label">Or upload a photo</span>
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            data-testid="profile-avatar-file"
            disabled={busy}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
          <span className="field-hint">PNG, JPEG, GIF or WebP, up to 2 MB.</span>
        </label>
        <label className="check-field">
          <input
            type="checkbox"
            data-testid="profile-missed-contact-emails"
            checked={missedContactEmails}
            onChange={(e) => setMissedContactEmails(e.target.checked)}
          />
          <span>Email me when a customer waits for me past the target, or a callback I promised falls due</span>
        </label>
        {status ? (
          <p className={status.ok ? 'form-ok' : 'form-error'} role="status">
            {status.text}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="profile-save" disabled={busy || !displayName.trim()}>
          {busy ? 'Saving…' : 'Save profile'}
        </button>
      </form>
    </section>
  );
}
