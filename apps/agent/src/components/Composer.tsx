import type { EmotionReading } from '@warmline/shared';
import { composerState, MESSAGE_MAX_LENGTH_DEFAULT } from '@warmline/shared/messageLength';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { sendFrame } from '../state/connection.ts';
import { sendMessage } from '../state/conversationActions.ts';
import { useStore } from '../state/store.ts';
import { CoachHints } from './CoachHints.tsx';
import { AttachButton, ChosenFiles, useComposerFiles } from './ComposerFiles.tsx';
import { useSavedReplyPicker } from './SavedReplyPicker.tsx';
import { TypingSignal } from './typingSignal.ts';

/** Unsent drafts per conversation, so switching conversations never loses half a reply. */
const drafts = new Map<string, string>();

interface ComposerProps {
  conversationId: string;
  customerTyping: boolean;
  customer: string;
  /** How the customer seemed in their latest message: the reply coach fits its suggestions to it. */
  customerFeeling?: EmotionReading | null;
  serviceFailure?: boolean;
  /** The customer left a message: replies go by email to this address. */
  replyByEmail?: string | null;
}

/** Reply or internal note. Enter sends, Shift+Enter starts a new line. */
export function Composer({
  conversationId,
  customerTyping,
  customer,
  customerFeeling = null,
  serviceFailure = false,
  replyByEmail = null,
}: ComposerProps) {
  const emailReady = useStore((s) => s.session?.emailReady !== false);
  const [body, setBody] = useState(() => drafts.get(conversationId) ?? '');
  const [note, setNote] = useState(false);
  const files = useComposerFiles(conversationId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const signal = useMemo(
    () => new TypingSignal((typing) => sendFrame({ type: 'typing', conversationId, typing })),
    [conversationId],
  );

  useEffect(() => {
    setBody(drafts.get(conversationId) ?? '');
    textarea.current?.focus();
    return () => signal.stop();
  }, [conversationId, signal]);

  useEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  });

  const change = (value: string) => {
    setBody(value);
    drafts.set(conversationId, value);
    if (!note && value.trim() !== '') signal.keystroke();
    if (value === '') signal.stop();
  };

  // Checked before sending, as the server will: an over-long draft is never sent to fail.
  const length = composerState(body, MESSAGE_MAX_LENGTH_DEFAULT);

  const canSend = (length.canSend || (files.ready.length > 0 && !length.over)) && !files.uploading;
  const send = () => {
    const text = body.trim();
    if (!canSend) return;
    sendMessage(conversationId, text, note, files.ready);
    files.clear();
    signal.stop();
    change('');
    drafts.delete(conversationId);
  };

  const picker = useSavedReplyPicker({
    draft: body,
    conversationId,
    onFilled: (text) => {
      change(text);
      textarea.current?.focus();
    },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const toggleNote = (next: boolean) => {
    setNote(next);
    if (next) signal.stop();
    textarea.current?.focus();
  };

  return (
    <div className={`composer${note ? ' is-note' : ''}`}>
      <div className="composer-top">
        <label className="mode-switch">
          <input
            type="checkbox"
            data-testid="note-toggle"
            checked={note}
            onChange={(e) => toggleNote(e.target.checked)}
            aria-label="Internal note"
          />
          <span className={`mode ${note ? '' : 'is-active'}`}>Reply</span>
          <span className={`mode mode-note ${note ? 'is-active' : ''}`}>Internal note</span>
        </label>
        <span className="typing-slot" aria-live="polite">
          {customerTyping ? (
            <span className="typing" data-testid="typing-indicator">
              <span className="typing-dots" aria-hidden="true">
                <i />
                <i />
                <i />
              </span>
              Customer is typing…
            </span>
          ) : null}
        </span>
      </div>
      {picker.element}
      <textarea
        ref={textarea}
        data-testid="composer"
        className="composer-input"
        rows={2}
        value={body}
        placeholder={
          note
            ? 'Write a note for your team — the customer will not see it'
            : replyByEmail
              ? `Reply by email to ${replyByEmail}…`
              : `Reply to ${customer}… (type / for saved replies)`
        }
        aria-label={note ? 'Internal note' : 'Reply'}
        aria-invalid={length.over}
        {...picker.aria}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => signal.stop()}
      />
      {note ? null : (
        <CoachHints
          conversationId={conversationId}
          draft={body}
          customerFeeling={customerFeeling}
          serviceFailure={serviceFailure}
        />
      )}
      <ChosenFiles files={files} />
      <div className="composer-bottom">
        <AttachButton files={files} />
        {length.counter ? (
          <span className={`composer-length${length.over ? ' is-over' : ''}`} data-testid="composer-length" role="status">
            {length.note ?? length.counter}
          </span>
        ) : (
          <span className="hint">
            {note ? 'Only your team sees notes. ' : ''}
            {!note && replyByEmail ? (
              emailReady ? (
                <span className="reply-by-email" data-testid="reply-by-email">
                  They left a message: your reply goes by email to {replyByEmail}.{' '}
                </span>
              ) : (
                <span className="reply-by-email is-not-set-up" data-testid="reply-by-email" role="alert">
                  Email is not set up — this reply can't reach {replyByEmail}.{' '}
                </span>
              )
            ) : null}
            Enter to send · Shift+Enter for a new line
          </span>
        )}
        <button
          type="button"
          className={`btn ${note ? 'btn-note' : 'btn-primary'}`}
          data-testid="send-button"
          disabled={!canSend}
          onClick={send}
        >
          {note ? 'Add note' : 'Send'}
        </button>
      </div>
    </div>
  );
}
