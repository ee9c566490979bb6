import type { Alert } from '@warmline/shared';
import { useState } from 'react';
import { Link } from '../router.tsx';
import { acknowledgeAlert, alertPath } from '../state/alertActions.ts';
import { ALERT_KIND_LABELS } from '../state/alertFeed.ts';
import { customerName } from '../state/customerName.ts';
import { useStore } from '../state/store.ts';
import { formatDuration, since } from '../state/time.ts';

interface AlertItemProps {
  alert: Alert;
  now: number;
  /** A notice can be put away without taking the alert. */
  onHide?: () => void;
  /** Opening the conversation from a notice puts the notice away. */
  onOpen?: () => void;
}

/** One alert: who, what happened and when, with "Open conversation" and "I'm on it". */
export function AlertItem({ alert, now, onHide, onOpen }: AlertItemProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const conversation = useStore((s) => (alert.conversationId ? s.conversations[alert.conversationId] : undefined));
  // A visitor has no name yet: the conversation, when known here, gives the "Visitor 407B" agents see everywhere.
  // An alert about no conversation is about the workspace's email (a mailbox that cannot be read).
  const customer = alert.conversationId ? (alert.customerName ?? customerName(conversation)) : 'Email';

  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      await acknowledgeAlert(alert.id);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <li className={`alert-item kind-${alert.kind}`} data-testid="alert" data-alert-id={alert.id} data-kind={alert.kind}>
      <div className="alert-top">
        <span className="alert-dot" aria-hidden="true" />
        <span className="alert-customer" data-testid="alert-customer">
          {customer}
        </span>
        <span className="visually-hidden">{ALERT_KIND_LABELS[alert.kind]}</span>
        <time className="alert-time" dateTime={alert.createdAt} title={new Date(alert.createdAt).toLocaleString()}>
          {formatDuration(since(alert.createdAt, now))} ago
        </time>
        {onHide ? (
          <button type="button" className="dismiss-button alert-hide" aria-label="Hide this notice" title="Hide" onClick={onHide}>
            ×
          </button>
        ) : null}
      </div>
      <p className="alert-text" data-testid="alert-text">
        {alert.text}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="alert-actions">
        <Link to={alertPath(alert)} className="btn btn-small" data-testid="alert-open" onClick={onOpen}>
          <span>
            Open<span className="alert-open-more">{alert.conversationId ? ' conversation' : ' email settings'}</span>
          </span>
        </Link>
        <button type="button" className="btn btn-small btn-calm" data-testid="alert-acknowledge" disabled={busy} onClick={take}>
          I’m on it
        </button>
      </div>
    </li>
  );
}
