import type { AttributeType } from '@warmline/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { attributesApi } from '../api/customers.ts';
import {
  type AttributeDraft,
  attributeDraftProblem,
  attributeTypeLabels,
  keyFromLabel,
  parseChoices,
} from '../state/attributeForm.ts';
import { ensureAttributeDefinitions, loadAttributeDefinitions } from '../state/customerActions.ts';
import { useStore } from '../state/store.ts';
import { InlineConfirm } from './InlineConfirm.tsx';

const EMPTY: AttributeDraft = { label: '', type: 'text', choicesText: '' };

/** The details this workspace keeps on every customer (admins): a birthday, a loyalty tier, allergies. */
export function AttributesCard() {
  const definitions = useStore((s) => s.attributeDefinitions) ?? [];
  useEffect(() => ensureAttributeDefinitions(), []);
  const [draft, setDraft] = useState<AttributeDraft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = attributeDraftProblem(draft);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await attributesApi.create({
        key: keyFromLabel(draft.label),
        label: draft.label.trim(),
        type: draft.type,
        choices: draft.type === 'choice' ? parseChoices(draft.choicesText) : [],
      });
      await loadAttributeDefinitions();
      setDraft(EMPTY);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (key: string) => {
    setError(null);
    try {
      await attributesApi.remove(key);
      await loadAttributeDefinitions();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card attributes-card" aria-label="Customer details">
      <h2 className="card-title">Details you keep</h2>
      <p className="hint">Shown on every profile for colleagues to fill in.</p>
      {definitions.length > 0 ? (
        <ul className="definition-list">
          {definitions.map((d) => (
            <li key={d.key} className="definition">
              <span className="definition-text">
                <span className="definition-label">{d.label}</span>
                <span className="definition-type">
                  {attributeTypeLabels[d.type]}
                  {d.type === 'choice' ? `: ${d.choices.join(', ')}` : ''}
                </span>
              </span>
              <InlineConfirm
                label={`Remove ${d.label}`}
                title="Remove this detail from every profile"
                onConfirm={() => remove(d.key)}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form definition-form" onSubmit={submit} noValidate>
        <div className="definition-row">
          <label className="field">
            <span className="field-label">Label</span>
            <input
              value={draft.label}
              maxLength={80}
              placeholder="Favourite loaf"
              onChange={(e) => setDraft({ ...draft, label: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">Type</span>
            <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as AttributeType })}>
              {Object.entries(attributeTypeLabels).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {draft.type === 'choice' ? (
          <label className="field">
            <span className="field-label">Choices, separated by commas</span>
            <input
              value={draft.choicesText}
              placeholder="Bronze, Silver, Gold"
              onChange={(e) => setDraft({ ...draft, choicesText: e.target.value })}
            />
          </label>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Adding…' : 'Add detail'}
        </button>
      </form>
    </section>
  );
}
