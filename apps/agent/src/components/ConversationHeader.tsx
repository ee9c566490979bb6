import type { Conversation, Entry } from '@warmline/shared';
import { useState } from 'react';
import { Link, paths } from '../router.tsx';
import {
  declineTransfer,
  reopenConversation,
  resolveConversation,
  takeConversation,
  updateConversation,
} from '../state/conversationActions.ts';
import { customerName } from '../state/customerName.ts';
import { useStore } from '../state/store.ts';
import { formatPromise } from '../state/time.ts';
import { isTransferFromMe, transferStatusText } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';
import { CallbackChip, PriorityBadges } from './Badges.tsx';
import { FailureFlagForm } from './FailureFlagForm.tsx';
import { MoodTrail } from './MoodTrail.tsx';
import { StatusPill } from './StatusPill.tsx';
import { TagEditor } from './TagEditor.tsx';
import { TransferDialog } from './TransferDialog.tsx';

interface HeaderProps {
  conversation: Conversation;
  /** The timeline, for the customer's mood so far. */
  entries: readonly Entry[];
  meId: string;
  now: number;
  /** A warm transfer waits for me here: the banner below offers Accept, so Take is not offered. */
  transferForMe: boolean;
}

/** Who the customer is, who owns the conversation, and the actions that change that. */
export function ConversationHeader({ conversation: c, entries, meId, now, transferForMe }: HeaderProps) {
  const role = useStore((s) => s.session?.agent.role ?? 'agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const resolved = c.status === 'resolved';
  const canTake = !resolved && c.assignee?.id !== meId && !transferForMe;
  const canTransfer = !resolved && !c.pendingTransfer && (c.assignee?.id === meId || role !== 'agent');
  const promise =
    c.promisedReplyBy && !resolved
      ? formatPromise(c.promisedReplyBy, now, { keptAt: c.promiseKeptAt, missedAt: c.promiseMissedAt })
      : null;
  const transferText = transferForMe ? null : transferStatusText(c, meId);

  const run = (action: (id: string) => Promise<void>) => {
    setBusy(true);
    setError(null);
    action(c.id)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  const toggleUpset = () => run((id) => updateConversation(id, { upset: !c.upset }));
  // Flagging asks what went wrong (it starts the recovery checklist); clearing a flag set by mistake does not.
  const toggleFailure = () =>
    c.serviceFailure ? run((id) => updateConversation(id, { serviceFailure: false })) : setFlagging((open) => !open);

  return (
    <header className="convo-header">
      <Link to={paths.inbox} className="back-link phone-only" aria-label="Back to the inbox">
        ←<span className="back-word"> Inbox</span>
      </Link>
      <div className="convo-who">
        <div className="convo-title">
          <h1 className="convo-name" data-testid="conversation-customer-name">
            {customerName(c)}
          </h1>
          <MoodTrail entries={entries} />
        </div>
        <div className="convo-meta">
          <StatusPill status={c.status} />
          {c.customer.email ? <span className="convo-email">{c.customer.email}</span> : null}
          <span className="convo-assignee" data-testid="conversation-assignee">
            {c.assignee ? (
              <>
                <Avatar name={c.assignee.displayName} url={c.assignee.avatarUrl} size={20} />
                {c.assignee.id === meId ? 'You' : c.assignee.displayName}
              </>
            ) : (
              'Nobody has this yet'
            )}
          </span>
          {c.team ? <span className="convo-team">{c.team.name}</span> : null}
          {/* Upset and Service failure show as the pressed toggles on the right. */}
          <PriorityBadges conversation={c} only={resolved ? undefined : ['escalated']} />
          {/* On the same line as who has it: a row of its own would take the messages' room. */}
          <TagEditor conversation={c} />
        </div>
        {promise || (c.callback && !resolved) || transferText ? (
          <div className="convo-notices">
            {transferText ? (
              <span
                className={`transfer-status${isTransferFromMe(c, meId) ? ' is-mine' : ''}`}
                data-testid="transfer-waiting"
                role="status"
              >
                <span className="pulse-dot" aria-hidden="true" />
                {transferText}
                {isTransferFromMe(c, meId) ? (
                  <button
                    type="button"
                    className="link-button transfer-withdraw"
                    data-testid="transfer-withdraw"
                    disabled={busy}
                    onClick={() => run(declineTransfer)}
                  >
                    Withdraw
                  </button>
                ) : null}
              </span>
            ) : null}
            {!resolved ? <CallbackChip conversation={c} now={now} fullPhone /> : null}
            {promise ? (
              <p className={`promise${promise.overdue ? ' is-overdue' : ''}`} data-testid="promised-reply">
                {promise.text}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="convo-side">
        <div className="convo-actions">
          {error ? (
            <span className="field-error" role="alert">
              {error}
            </span>
          ) : null}
          {canTake ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="take-button"
              disabled={busy}
              title={c.assignee ? `Take this conversation over from ${c.assignee.displayName}` : 'Make this conversation yours'}
              onClick={() => run(takeConversation)}
            >
              {c.assignee ? 'Take over' : 'Take'}
            </button>
          ) : null}
          {canTransfer ? (
            <button
              type="button"
              className="btn"
              data-testid="transfer-button"
              disabled={busy}
              title="Hand this conversation to a colleague or team, with a note"
              onClick={() => setTransferring(true)}
            >
              Transfer
            </button>
          ) : null}
          {resolved ? (
            <button
              type="button"
              className="btn"
              data-testid="reopen-button"
              disabled={busy}
              onClick={() => run(reopenConversation)}
            >
              Reopen
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-calm"
              data-testid="resolve-button"
              disabled={busy}
              onClick={() => run(resolveConversation)}
            >
              Resolve
            </button>
          )}
        </div>
        {!resolved ? (
          <fieldset className="flags" aria-label="Priority inputs">
            <button
              type="button"
              className={`flag${c.upset ? ' is-on flag-upset' : ''}`}
              aria-pressed={c.upset}
              data-testid="toggle-upset"
              disabled={busy}
              title={c.upset ? 'No longer upset' : 'Mark the customer as upset: they move up the queue'}
              onClick={toggleUpset}
            >
              Upset
            </button>
            <button
              type="button"
              className={`flag${c.serviceFailure ? ' is-on flag-failure' : ''}`}
              aria-pressed={c.serviceFailure}
              aria-expanded={c.serviceFailure ? undefined : flagging}
              data-testid="toggle-service-failure"
              disabled={busy}
              title={
                c.serviceFailure
                  ? 'Clear the service failure'
                  : 'We let this customer down: they move up the queue and the recovery checklist starts'
              }
              onClick={toggleFailure}
            >
              Service failure
            </button>
          </fieldset>
        ) : null}
      </div>
      {flagging && !c.serviceFailure && !resolved ? (
        <FailureFlagForm conversationId={c.id} onClose={() => setFlagging(false)} />
      ) : null}
      {transferring ? <TransferDialog conversation={c} meId={meId} onClose={() => setTransferring(false)} /> : null}
    </header>
  );
}
