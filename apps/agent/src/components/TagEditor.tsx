import { normaliseTag } from '@warmline/shared/tags';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { addTag, removeTag, useTagsInUse } from '../state/tagActions.ts';
import { tagSuggestions, tagsOf } from '../state/tags.ts';

interface TagEditorProps {
  conversation: { id: string; tags?: string[] | undefined };
}

/** "tag is at most 32 characters" → "Tag is at most 32 characters." */
function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** The conversation's tags as chips, each with ×, and "+ Tag" to add one, suggesting the workspace's tags in use. */
export function TagEditor({ conversation }: TagEditorProps) {
  const tags = tagsOf(conversation);
  const [adding, setAdding] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inUse = useTagsInUse(adding);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!adding) return;
    input.current?.focus();
  }, [adding]);

  const close = () => {
    setAdding(false);
    setTyped('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normal = normaliseTag(typed);
    if ('error' in normal) {
      setError(sentence(normal.error));
      return;
    }
    setBusy(true);
    try {
      await addTag(conversation.id, normal.tag);
      close();
    } catch (e) {
      setError(sentence((e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const remove = (tag: string) => {
    setError(null);
    removeTag(conversation.id, tag).catch((e: Error) => setError(sentence(e.message)));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') close();
  };

  return (
    <div className="convo-tags" data-testid="conversation-tags">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" data-testid="tag-chip" data-tag={tag}>
          {tag}
          <button type="button" className="tag-chip-remove" aria-label={`Remove the tag ${tag}`} onClick={() => remove(tag)}>
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <form className="tag-form" onSubmit={submit} noValidate>
          <input
            className="tag-input"
            data-testid="tag-input"
            aria-label="New tag"
            placeholder="refund, late-delivery…"
            list={listId}
            maxLength={64}
            value={typed}
            disabled={busy}
            ref={input}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
            onKeyDown={onKeyDown}
          />
          <datalist id={listId}>
            {tagSuggestions(inUse, tags, typed).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <button type="submit" className="btn btn-small" data-testid="tag-add" disabled={busy || !typed.trim()}>
            Add
          </button>
          <button type="button" className="link-button" onClick={close}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="tag-new" data-testid="tag-new" onClick={() => setAdding(true)}>
          + Tag
        </button>
      )}
      {error ? (
        <span className="field-error" role="alert" data-testid="tag-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
