import { type FormEvent, useEffect, useState } from 'react';
import { authApi, type InvitationPreviewData } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { Field } from '../components/Field.tsx';
import { Link, paths } from '../router.tsx';
import { acceptInvitation } from '../state/session.ts';
import { AuthLayout } from './AuthLayout.tsx';

const MIN_PASSWORD = 10;

/** Where an invited colleague (or the first admin, from the link the server prints) sets up their account. */
export function InvitePage({ token }: { token: string }) {
  const [preview, setPreview] = useState<InvitationPreviewData | null>(null);
  const [missing, setMissing] = useState(false);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authApi
      .invitation(token)
      .then((p) => {
        setPreview(p);
        if (p.email) setEmail(p.email);
      })
      .catch(() => setMissing(true));
  }, [token]);

  if (missing) {
    return (
      <AuthLayout
        title="This link has expired"
        subtitle="Invitation links work once and only for a while. Ask an admin for a new one."
      >
        <Link to={paths.signIn} className="btn btn-block">
          Go to sign in
        </Link>
      </AuthLayout>
    );
  }
  if (!preview) {
    return (
      <AuthLayout title="Opening your invitation…">
        <p className="loading">One moment.</p>
      </AuthLayout>
    );
  }

  const tooShort = password.length > 0 && password.length < MIN_PASSWORD;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setError(`Your password needs at least ${MIN_PASSWORD} characters.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await acceptInvitation({ token, displayName: displayName.trim(), email: email.trim(), password });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Please try again.');
      setBusy(false);
    }
  };

  // The first admin of a fresh install sets Warmline up: there is no team to join yet, and no name worth showing.
  const title = preview.firstAdmin ? 'Set up Warmline' : `Join ${preview.workspaceName}`;
  const subtitle = preview.firstAdmin
    ? 'You are the first admin: create your account, then name your workspace and invite your team. Customers will see your name and photo.'
    : `You are joining as ${preview.role === 'admin' ? 'an admin' : `a ${preview.role}`}. Customers will see your name and photo.`;
  return (
    <AuthLayout title={title} subtitle={subtitle}>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label="Your name"
          name="displayName"
          autoComplete="name"
          data-testid="invite-display-name"
          required
          maxLength={80}
          value={displayName}
          placeholder="How customers will greet you"
          onValue={setDisplayName}
        />
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          data-testid="invite-email"
          required
          value={email}
          onValue={setEmail}
        />
        <label className="field">
          <span className="field-label">Password</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            data-testid="invite-password"
            required
            minLength={MIN_PASSWORD}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="password-hint"
          />
          <span id="password-hint" className={`field-hint${tooShort ? ' is-warning' : ''}`}>
            At least {MIN_PASSWORD} characters{tooShort ? ` — ${MIN_PASSWORD - password.length} to go` : ''}.
          </span>
        </label>
        {error ? (
          <p className="form-error" role="alert" data-testid="invite-error">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="invite-submit"
          disabled={busy || !displayName.trim() || !email.trim() || !password}
        >
          {busy ? 'Setting up…' : preview.firstAdmin ? 'Create my account' : `Join ${preview.workspaceName}`}
        </button>
      </form>
    </AuthLayout>
  );
}
