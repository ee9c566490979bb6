import { discardMessage, retryMessage } from '../state/conversationActions.ts';
import type { PendingMessage } from '../state/outbox.ts';
import { EntryFiles } from './EntryFiles.tsx';

/** A message on its way: faded while sending, red with the reason and a retry when refused. */
export function PendingEntry({ message, author }: { message: PendingMessage; author: string }) {
  const failed = message.status === 'failed';
  return (
    <li
      className={`entry ${message.note ? 'entry-note' : 'entry-out'} is-pending${failed ? ' is-failed' : ''}`}
      data-testid="pending-entry"
      data-client-id={message.clientId}
      data-status={message.status}
    >
      <div className={message.note ? 'note' : 'bubble-wrap'}>
        {message.note ? <div className="note-label">Internal note — only your team sees this</div> : null}
        {message.note ? null : (
          <div className="entry-meta">
            <span className="entry-author">{author}</span>
          </div>
        )}
        {message.body ? <p className={message.note ? 'body' : 'bubble body'}>{message.body}</p> : null}
        <EntryFiles attachments={message.attachments} />
        {failed ? (
          <div className="pending-state failed" role="alert">
            Not sent: {message.error}{' '}
            <button type="button" className="link-button" onClick={() => retryMessage(message.clientId)}>
              Retry
            </button>{' '}
            <button type="button" className="link-button" onClick={() => discardMessage(message.clientId)}>
              Discard
            </button>
          </div>
        ) : (
          <div className="pending-state">Sending…</div>
        )}
      </div>
      {message.note ? null : <span className="avatar-spacer" aria-hidden="true" />}
    </li>
  );
}
