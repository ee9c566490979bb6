import type { Agent } from '@warmline/shared';
import { type FormEvent, useState } from 'react';
import { updateAgent } from '../state/teamActions.ts';
import { routingFields, routingInput } from '../state/teamForm.ts';

/** Admins: how many conversations per channel a person takes, and what they are good at. */
export function RoutingEditor({ agent, onDone }: { agent: Agent; onDone: () => void }) {
  const [fields, setFields] = useState(() => routingFields(agent));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await updateAgent(agent.id, routingInput(fields));
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form
      className="routing-form"
      onSubmit={submit}
      noValidate
      data-testid="routing-form"
      aria-label={`Routing for ${agent.displayName}`}
    >
      <fieldset className="routing-capacity">
        <legend className="field-label">Conversations at once</legend>
        {(['chat', 'email', 'phone'] as const).map((channel) => (
          <label key={channel} className="field field-num">
            <span className="field-sub">{channel === 'chat' ? 'Chat' : channel === 'email' ? 'Email' : 'Phone'}</span>
            <input
              type="number"
              min={1}
              inputMode="numeric"
              placeholder="—"
              data-testid={`routing-${channel}`}
              value={fields[channel]}
              onChange={set(channel)}
            />
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">Skills</span>
        <input data-testid="routing-skills" placeholder="billing, returns" value={fields.skills} onChange={set('skills')} />
      </label>
      <label className="field">
        <span className="field-label">Languages</span>
        <input data-testid="routing-languages" placeholder="en, sw" value={fields.languages} onChange={set('languages')} />
      </label>
      <div className="routing-foot">
        <span className="field-hint">Empty = does not take that channel. Comma-separated lists.</span>
        {error ? (
          <p className="form-error" role="alert" data-testid="routing-error">
            {error}
          </p>
        ) : null}
        <span className="routing-buttons">
          <button type="button" className="btn btn-quiet btn-small" onClick={onDone} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary btn-small" data-testid="routing-save" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </span>
      </div>
    </form>
  );
}
