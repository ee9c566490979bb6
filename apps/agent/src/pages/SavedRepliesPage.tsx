import { fillPlaceholders, PLACEHOLDERS, type Placeholder, unknownPlaceholders } from '@warmline/shared/placeholders';
import type { SavedReply, Team } from '@warmline/shared/types';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { savedRepliesApi } from '../api/endpoints.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { FormFooter } from '../components/FormFooter.tsx';
import { InlineConfirm } from '../components/InlineConfirm.tsx';
import { forgetSavedReplies, matchSavedReplies } from '../state/savedReplies.ts';
import { useStore } from '../state/store.ts';
import { loadTeams, useTeams } from '../state/teamActions.ts';

const PLACEHOLDER_LABELS: Record<Placeholder, string> = {
  'customer.first_name': "Customer's first name",
  'customer.name': "Customer's full name",
  'agent.first_name': 'My first name',
  'agent.name': 'My name',
};
/** Whom the preview greets: a customer as the composer would fill it in. */
const SAMPLE_CUSTOMER = 'Wanjiru Kamau';

interface FormProps {
  reply: SavedReply | null;
  teams: readonly Team[];
  onDone: (saved: SavedReply | null) => void;
}

/** New or edit: shortcut, title, who it is for, and the text with its placeholders, previewed as a customer reads it. */
function SavedReplyForm({ reply, teams, onDone }: FormProps) {
  const me = useStore((s) => s.session?.agent.displayName ?? 'You');
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [teamId, setTeamId] = useState(reply?.team?.id ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const unknown = unknownPlaceholders(body);

  const insert = (placeholder: Placeholder) => {
    const el = text.current;
    const token = `{{${placeholder}}}`;
    const at = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    setBody(body.slice(0, at) + token + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!shortcut.trim() || !title.trim() || !body.trim()) {
      setError('Give it a shortcut, a title and the text agents will send.');
      return;
    }
    setBusy(true);
    setError(null);
    const input = { shortcut: shortcut.trim(), title: title.trim(), body, teamId: teamId || null };
    try {
      const { savedReply } = reply ? await savedRepliesApi.update(reply.id, input) : await savedRepliesApi.create(input);
      forgetSavedReplies();
      onDone(savedReply);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="card reply-form" onSubmit={submit} noValidate data-testid="saved-reply-form">
      <h2 className="card-title">{reply ? `Edit /${reply.shortcut}` : 'New saved reply'}</h2>
      <div className="reply-form-fields">
        <label className="field reply-shortcut-field">
          <span className="field-label">Shortcut</span>
          <span className="reply-shortcut-input">
            <span aria-hidden="true">/</span>
            <input
              data-testid="saved-reply-shortcut"
              value={shortcut}
              maxLength={40}
              placeholder="parcel-late"
              autoComplete="off"
              onChange={(e) => setShortcut(e.target.value.toLowerCase().replace(/\s+/g, '-'))}
            />
          </span>
        </label>
        <Field
          label="Title"
          value={title}
          onValue={setTitle}
          maxLength={120}
          placeholder="Parcel is late"
          data-testid="saved-reply-title"
        />
        <label className="field">
          <span className="field-label">For</span>
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)} data-testid="saved-reply-team">
            <option value="">Everyone</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} only
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field-label">Text</span>
        <textarea
          ref={text}
          data-testid="saved-reply-body"
          rows={5}
          maxLength={5000}
          value={body}
          placeholder="Hi {{customer.first_name}}, so sorry your parcel is late. I'm chasing the courier now. — {{agent.first_name}}"
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <fieldset className="reply-placeholders" aria-label="Insert a placeholder">
        <span className="hint">Insert:</span>
        {(Object.keys(PLACEHOLDERS) as Placeholder[]).map((p) => (
          <button key={p} type="button" className="chip-button" title={PLACEHOLDERS[p]} onClick={() => insert(p)}>
            {PLACEHOLDER_LABELS[p]}
          </button>
        ))}
      </fieldset>
      {unknown.length ? (
        <p className="field-hint is-warning" role="status">
          Warmline does not know {unknown.join(', ')}. Use the placeholders above.
        </p>
      ) : body.trim() ? (
        <div className="reply-preview" data-testid="saved-reply-preview">
          <span className="field-label">{SAMPLE_CUSTOMER} would read</span>
          <p>{fillPlaceholders(body, { customer: { name: SAMPLE_CUSTOMER }, agent: { name: me } })}</p>
        </div>
      ) : null}
      <FormFooter
        error={error}
        busy={busy}
        onCancel={() => onDone(null)}
        submit={{ label: reply ? 'Save changes' : 'Save reply', busyLabel: 'Saving…', testId: 'saved-reply-save' }}
        errorTestId="saved-reply-error"
      />
    </form>
  );
}

/** The workspace's saved replies: supervisors and admins keep them; every agent finds them in the composer with "/". */
export function SavedRepliesPage() {
  const role = useStore((s) => s.session?.agent.role ?? 'agent');
  const canKeep = role !== 'agent';
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const teams = useTeams();
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    savedRepliesApi
      .list()
      .then(({ savedReplies }) => setReplies(savedReplies))
      .catch(() => setFailed(true));
    if (canKeep) loadTeams().catch(() => {});
  }, [canKeep]);

  const shown = useMemo(() => {
    if (!replies) return [];
    if (!filter.trim()) return [...replies].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
    return matchSavedReplies(replies, filter, replies.length);
  }, [replies, filter]);

  const done = (saved: SavedReply | null) => {
    if (saved) setReplies((list) => [...(list ?? []).filter((r) => r.id !== saved.id), saved]);
    setEditing(null);
  };

  const remove = async (reply: SavedReply) => {
    const { savedReplies } = await savedRepliesApi.remove(reply.id);
    forgetSavedReplies();
    setReplies(savedReplies);
  };

  return (
    <div className="page" data-testid="saved-replies-page">
      <header className="page-header page-header-row list-narrow">
        <div>
          <h1>Saved replies</h1>
          <p className="page-subtitle">
            Ready answers for what customers often ask. Type <kbd>/</kbd> in a reply to find one; names fill themselves in.
          </p>
        </div>
        {canKeep && editing === null ? (
          <button type="button" className="btn btn-primary" data-testid="saved-reply-new" onClick={() => setEditing('new')}>
            New saved reply
          </button>
        ) : null}
      </header>
      <div className="list-main list-narrow">
        {editing !== null ? <SavedReplyForm reply={editing === 'new' ? null : editing} teams={teams} onDone={done} /> : null}
        {replies && replies.length > 4 ? (
          <div className="list-toolbar">
            <input
              type="search"
              className="list-filter"
              aria-label="Filter saved replies"
              placeholder="Filter by shortcut or words"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
        ) : null}
        <section className="card card-flush" aria-label="Saved replies" aria-busy={replies === null && !failed}>
          {failed ? (
            <EmptyState title="Saved replies could not be read">Check your connection and try again in a moment.</EmptyState>
          ) : replies && shown.length === 0 ? (
            <EmptyState title={filter ? `Nothing matches “${filter}”` : 'No saved replies yet'} icon="inbox">
              {filter
                ? 'Try a shortcut or a word from the text.'
                : canKeep
                  ? 'Save the answers your team writes every day: where a parcel is, opening hours, a refund on its way.'
                  : 'A supervisor or admin can add them; they will show here and in the composer.'}
            </EmptyState>
          ) : (
            <ul className="reply-list">
              {shown.map((r) => (
                <li key={r.id} className="reply-item" data-testid="saved-reply-row" data-shortcut={r.shortcut}>
                  <div className="reply-item-top">
                    <span className="reply-shortcut">/{r.shortcut}</span>
                    <span className="reply-title">{r.title}</span>
                    {r.team ? <span className="badge badge-quiet">{r.team.name} only</span> : null}
                    <span className="reply-uses">
                      {r.uses === 1 ? 'Used once' : r.uses ? `Used ${r.uses} times` : 'Not used yet'}
                    </span>
                  </div>
                  <p className="reply-item-body">{r.body}</p>
                  {canKeep ? (
                    <div className="reply-item-actions">
                      <button type="button" className="link-button" data-testid="saved-reply-edit" onClick={() => setEditing(r)}>
                        Edit
                      </button>
                      <InlineConfirm
                        label={`Delete /${r.shortcut}`}
                        title="Delete this saved reply"
                        onConfirm={() => remove(r)}
                      />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
