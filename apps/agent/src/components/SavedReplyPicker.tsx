import type { SavedReply } from '@warmline/shared/types';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { savedRepliesApi } from '../api/endpoints.ts';
import { loadSavedReplies, matchSavedReplies, slashQuery } from '../state/savedReplies.ts';

interface PickerInput {
  draft: string;
  conversationId: string;
  /** The chosen reply, filled for this conversation's customer and for me: it replaces the draft. */
  onFilled: (text: string) => void;
}

interface Picker {
  /** The list, shown above the composer while the draft is a "/" search. */
  element: ReactNode;
  /** Handles arrows, Enter, Tab and Esc while the list is open; true when the key was its. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** For the textarea: the list it controls and its highlighted option. */
  aria: { 'aria-controls'?: string; 'aria-activedescendant'?: string; 'aria-expanded'?: boolean };
}

/**
 * Saved replies in the composer: a draft starting with "/" searches them (shortcut, title, text); arrows move,
 * Enter or Tab (or a tap) puts the chosen one in the draft, filled in by the server; Esc closes the list.
 */
export function useSavedReplyPicker({ draft, conversationId, onFilled }: PickerInput): Picker {
  const query = slashQuery(draft);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [filling, setFilling] = useState(false);
  const listId = useId();
  const open = query !== null && dismissedAt !== draft;

  useEffect(() => {
    if (!open || replies) return;
    loadSavedReplies()
      .then(setReplies)
      .catch(() => setProblem('Saved replies could not be read. Check your connection.'));
  }, [open, replies]);

  const matches = useMemo(() => (replies && query !== null ? matchSavedReplies(replies, query) : []), [replies, query]);
  // A new search starts at its best match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the highlight resets whenever the query changes
  useEffect(() => setActive(0), [query]);

  const pick = (reply: SavedReply) => {
    setFilling(true);
    setProblem(null);
    savedRepliesApi
      .use(reply.id, conversationId)
      .then(({ text }) => onFilled(text))
      .catch((e: Error) => setProblem(e.message))
      .finally(() => setFilling(false));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(draft);
      return true;
    }
    if (matches.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      if (!filling) pick(matches[Math.min(active, matches.length - 1)]!);
      return true;
    }
    return false;
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const element = open ? (
    <div className="reply-picker" data-testid="saved-reply-picker">
      <div className="reply-picker-head">
        <span>Saved replies</span>
        <span className="reply-picker-keys" aria-hidden="true">
          ↑↓ choose · Enter insert · Esc close
        </span>
      </div>
      {problem ? (
        <p className="reply-picker-note" role="alert">
          {problem}
        </p>
      ) : null}
      {!problem && replies && matches.length === 0 ? (
        <p className="reply-picker-note">
          {replies.length === 0
            ? 'No saved replies yet. A supervisor or admin can add them under Saved replies.'
            : `No saved reply matches “${query}”. Keep typing to send it as a message.`}
        </p>
      ) : null}
      {!replies && !problem ? <p className="reply-picker-note">Reading saved replies…</p> : null}
      <div className="reply-picker-list" id={listId} role="listbox" aria-label="Saved replies">
        {matches.map((r, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the composer keeps focus and owns the keys for every option
          <div
            key={r.id}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={`reply-option${i === active ? ' is-active' : ''}`}
            data-testid="saved-reply-option"
            data-shortcut={r.shortcut}
            // Keeps the focus in the composer; the click then picks.
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => !filling && pick(r)}
          >
            <span className="reply-option-top">
              <span className="reply-option-shortcut">/{r.shortcut}</span>
              <span className="reply-option-title">{r.title}</span>
              {r.team ? <span className="badge badge-quiet">{r.team.name}</span> : null}
            </span>
            <span className="reply-option-body">{r.body}</span>
          </div>
        ))}
      </div>
    </div>
  ) : null;

  return {
    element,
    onKeyDown,
    aria: open
      ? {
          'aria-controls': listId,
          'aria-expanded': true,
          ...(matches.length ? { 'aria-activedescendant': optionId(Math.min(active, matches.length - 1)) } : {}),
        }
      : {},
  };
}
