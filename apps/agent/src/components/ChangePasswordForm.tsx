import { type FormEvent, useId, useState } from 'react';
import { authApi } from '../api/endpoints.ts';
import { errorPlacement } from '../state/recovery.ts';

type FieldName = 'currentPassword' | 'newPassword' | 'repeatPassword';
type Problem = { field: string | null; message: string };

const FIELDS: ReadonlyArray<{ name: FieldName; label: string; autoComplete: string }> = [
  { name: 'currentPassword', label: 'Current password', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'New password', autoComplete: 'new-password' },
  { name: 'repeatPassword', label: 'Repeat new password', autoComplete: 'new-password' },
];
const EMPTY: Record<FieldName, string> = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** My password; changing it signs me out of every other browser and device. */
export function ChangePasswordForm() {
  const uid = useId();
  const [values, setValues] = useState(EMPTY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (values.newPassword !== values.repeatPassword) {
      setProblem({ field: 'repeatPassword', message: 'The two new passwords are not the same.' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues(EMPTY);
      setDone(true);
    } catch (e) {
      setProblem(errorPlacement(e as Error));
    } finally {
      setBusy(false);
    }
  };

  const placed = FIELDS.some((f) => f.name === problem?.field);
  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 className="card-title" id={`${uid}-title`}>
        Change password
      </h2>
      <form className="form" onSubmit={submit} noValidate data-testid="password-form">
        {FIELDS.map(({ name, label, autoComplete }) => {
          const error = problem?.field === name ? problem.message : null;
          return (
            <label className="field" key={name}>
              <span className="field-label">{label}</span>
              <input
                type="password"
                name={name}
                autoComplete={autoComplete}
                data-testid={`password-${name}`}
                maxLength={1024}
                value={values[name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${uid}-${name}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              />
              {error ? (
                <span className="field-error" id={`${uid}-${name}-error`} role="alert">
                  {error}
                </span>
              ) : null}
            </label>
          );
        })}
        {problem && !placed ? (
          <p className="form-error" role="alert">
            {problem.message}
          </p>
        ) : null}
        {done ? (
          <p className="form-ok" role="status" data-testid="password-changed">
            Password changed. You were signed out everywhere else.
          </p>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="password-save"
          disabled={busy || !values.currentPassword || !values.newPassword || !values.repeatPassword}
        >
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
