import type { Conversation } from '@warmline/shared';
import { useState } from 'react';
import { acceptTransfer, declineTransfer } from '../state/conversationActions.ts';
import { formatClock } from '../state/time.ts';
import { firstName } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';

/** Which handoffs were opened to read in full, kept while the app is open. */
const opened = new Map<string, boolean>();

/**
 * A warm transfer waiting for me: who hands it over, their note, and Accept / Decline. It starts folded to one
 * line (the note's beginning, and the buttons) so the conversation keeps its room; a click opens the whole note.
 */
export function HandoffBanner({ conversation: c, now }: { conversation: Conversation; now: number }) {
  const [open, setOpen] = useState(() => opened.get(c.id) ?? false);
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
    <section className={`handoff${open ? ' is-open' : ''}`} data-testid="handoff-banner" aria-label="Handoff for you">
      <Avatar name={t.from.displayName} url={t.from.avatarUrl} size={open ? 36 : 28} />
      <div className="handoff-body">
        <button
          type="button"
          className="handoff-head"
          aria-expanded={open}
          data-testid="handoff-toggle"
          onClick={() => {
            opened.set(c.id, !open);
            setOpen(!open);
          }}
        >
          <span className="handoff-title">
            <strong>{t.from.displayName}</strong> {open ? 'is handing this conversation to' : 'hands this to'}{' '}
            {t.toAgent ? 'you' : (t.toTeam?.name ?? 'your team')}
            {open ? null : ':'}
            <time className="handoff-time" dateTime={t.at}>
              {' '}
              · {formatClock(t.at, now)}
            </time>
          </span>
          <span className="handoff-chevron" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
        {/* Folded, the note reads as one line; open, in full with what the customer is told. */}
        <blockquote className="handoff-note" data-testid="handoff-note">
          {t.note}
        </blockquote>
        {open && t.reason ? (
          <p className="handoff-reason" data-testid="handoff-reason">
            The customer is told: “{t.reason}”
          </p>
        ) : null}
        {open ? <p className="hint">Read the conversation below first; {from} keeps it until you accept.</p> : null}
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
