import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { Field } from '../components/Field.tsx';
import { signIn } from '../state/session.ts';
import { AuthLayout } from './AuthLayout.tsx';

function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'rate_limited') {
    const wait = error.retryAfterSeconds;
    return wait
      ? `Too many attempts. Please wait ${wait > 90 ? `${Math.ceil(wait / 60)} minutes` : `${wait} seconds`} and try again.`
      : error.message;
  }
  return error.message;
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (e) {
      setError(messageFor(e));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Welcome back" subtitle="Sign in to see who is waiting for you.">
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          data-testid="sign-in-email"
          required
          value={email}
          onValue={setEmail}
        />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          data-testid="sign-in-password"
          required
          value={password}
          onValue={setPassword}
        />
        {error ? (
          <p className="form-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary btn-block"
          data-testid="sign-in-submit"
          disabled={busy || !email || !password}
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
