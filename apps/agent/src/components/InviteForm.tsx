import type { AgentRole } from '@warmline/shared';
import { type FormEvent, useState } from 'react';
import type { InvitationData } from '../api/endpoints.ts';
import { inviteAgent, loadAgents } from '../state/teamActions.ts';
import { CopyField } from './CopyField.tsx';

/** Admins invite a colleague and get a link to pass on (Warmline may not be able to send email yet). */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgentRole>('agent');
  const [invitation, setInvitation] = useState<InvitationData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setInvitation(await inviteAgent(email.trim(), role));
      setEmail('');
      loadAgents().catch(() => {});
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const link = invitation ? new URL(invitation.url, location.origin).toString() : '';

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 className="card-title" id="invite-title">
        Invite a colleague
      </h2>
      <form className="form" onSubmit={submit} data-testid="invite-form">
        <label className="field">
          <span className="field-label">Email</span>
          <input type="email" required data-testid="invite-form-email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Role</span>
          <select data-testid="invite-form-role" value={role} onChange={(e) => setRole(e.target.value as AgentRole)}>
            <option value="agent">Agent</option>
            <option value="supervisor">Supervisor</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" data-testid="invite-form-submit" disabled={busy || !email.trim()}>
          {busy ? 'Creating link…' : 'Create invitation link'}
        </button>
      </form>
      {invitation ? (
        <div className="invite-result" data-testid="invitation-result">
          <p className="hint">
            Send this link to {invitation.email ?? 'your colleague'}. It works once, until{' '}
            {new Date(invitation.expiresAt).toLocaleString()}.
          </p>
          <CopyField value={link} label="Invitation link" testId="invitation-link" copyTestId="invitation-copy" />
        </div>
      ) : null}
    </section>
  );
}
