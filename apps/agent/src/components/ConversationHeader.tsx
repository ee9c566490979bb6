import type { Conversation } from '@warmline/shared';
import { useState } from 'react';
import { reopenConversation, resolveConversation, takeConversation } from '../state/conversationActions.ts';
import { customerName } from '../state/customerName.ts';
import { formatPromise } from '../state/time.ts';
import { Avatar } from './Avatar.tsx';
import { StatusPill } from './StatusPill.tsx';

interface HeaderProps {
  conversation: Conversation;
  meId: string;
  now: number;
}

/** Who the customer is, who owns the conversation, and the actions that change that. */
export function ConversationHeader({ conversation: c, meId, now }: HeaderProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = c.status === 'resolved';
  const canTake = !resolved && c.assignee?.id !== meId;
  const promise = c.promisedReplyBy && !resolved ? formatPromise(c.promisedReplyBy, now) : null;

  const run = (action: (id: string) => Promise<void>) => {
    setBusy(true);
    setError(null);
    action(c.id)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <header className="convo-header">
      <div className="convo-who">
        <h1 className="convo-name" data-testid="conversation-customer-name">
          {customerName(c)}
        </h1>
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
        </div>
        {promise ? (
          <p className={`promise${promise.overdue ? ' is-overdue' : ''}`} data-testid="promised-reply">
            {promise.text}
          </p>
        ) : null}
      </div>
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
    </header>
  );
}
