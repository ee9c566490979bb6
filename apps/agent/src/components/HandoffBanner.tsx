import type { Conversation } from '@warmline/shared';
import { useState } from 'react';
import { acceptTransfer, declineTransfer } from '../state/conversationActions.ts';
import { formatClock } from '../state/time.ts';
import { firstName } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';

/** A warm transfer waiting for me: who hands it over, their note, and Accept / Decline. */
export function HandoffBanner({ conversation: c, now }: { conversation: Conversation; now: number }) {
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = c.pendingTransfer;
  if (!t) return null;
  const from = firstName(t.from.displayName);

  const run = (which: 'accept' | 'decline') => {
    setBusy(which);
    setError(null);
    (which === 'accept' ? acceptTransfer(c.id) : declineTransfer(c.id))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(null));
  };

  return (
    <section className="handoff" data-testid="handoff-banner" aria-label="Handoff for you">
      <Avatar name={t.from.displayName} url={t.from.avatarUrl} size={36} />
      <div className="handoff-body">
        <p className="handoff-title">
          <strong>{t.from.displayName}</strong> is handing this conversation to{' '}
          {t.toAgent ? 'you' : (t.toTeam?.name ?? 'your team')}
          <time className="handoff-time" dateTime={t.at}>
            {' '}
            · {formatClock(t.at, now)}
          </time>
        </p>
        <blockquote className="handoff-note" data-testid="handoff-note">
          {t.note}
        </blockquote>
        {t.reason ? (
          <p className="handoff-reason" data-testid="handoff-reason">
            The customer is told: “{t.reason}”
          </p>
        ) : null}
        <p className="hint">Read the conversation below first; {from} keeps it until you accept.</p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="handoff-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="transfer-accept"
          disabled={busy !== null}
          onClick={() => run('accept')}
        >
          {busy === 'accept' ? 'Accepting…' : 'Accept'}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="transfer-decline"
          disabled={busy !== null}
          onClick={() => run('decline')}
        >
          {busy === 'decline' ? 'Declining…' : 'Decline'}
        </button>
      </div>
    </section>
  );
}
