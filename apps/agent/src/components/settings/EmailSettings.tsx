import { useQuery } from '@tanstack/react-query';
import type { ImapMailboxState } from '@warmline/shared/types';
import { emailApi } from '../../api/endpoints.ts';
import { formatClock } from '../../state/time.ts';

const STATUS: Record<ImapMailboxState['status'], string> = {
  reading: 'Working',
  sign_in_refused: 'Sign-in refused',
  unreachable: 'Cannot be reached',
  not_read_yet: 'Not read yet',
};

/** The mailboxes Warmline reads by IMAP: a password that stopped working shows here, never silently. */
export function EmailSettings() {
  const mailboxes = useQuery({ queryKey: ['email-mailboxes'], queryFn: emailApi.mailboxes, refetchInterval: 30_000 });
  const now = Date.now();
  const list = mailboxes.data?.mailboxes ?? [];
  return (
    <div className="settings-grid">
      <section className="card" aria-labelledby="mailboxes-title" data-testid="email-mailboxes">
        <h2 className="card-title" id="mailboxes-title">
          Mailboxes read by IMAP
        </h2>
        {mailboxes.error ? <p className="form-error">{(mailboxes.error as Error).message}</p> : null}
        {mailboxes.data && !list.length ? (
          <p className="hint">
            None. The server's operator lists them in <code>INBOUND_IMAP_MAILBOXES</code> (docs/email.md).
          </p>
        ) : null}
        <ul className="mailbox-list">
          {list.map((m) => (
            <li key={m.name} className={`mailbox is-${m.status}`} data-testid="mailbox" data-status={m.status}>
              <div className="mailbox-name">{m.name}</div>
              <div className="mailbox-status">
                {STATUS[m.status]}
                {m.failingSince ? ` since ${formatClock(m.failingSince, now)}` : ''}
                {m.problem ? ` — ${m.problem}` : ''}
              </div>
              {m.status === 'sign_in_refused' ? (
                <div className="hint">Its password may have changed: give the server's operator the new one.</div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
