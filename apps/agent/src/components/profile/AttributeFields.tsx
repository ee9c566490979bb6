import type { AttributeDefinition, AttributeValue, CustomerProfile } from '@warmline/shared';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { fromInput, toInputValue } from '../../state/attributeInput.ts';
import { ensureAttributeDefinitions, setAttribute } from '../../state/customerActions.ts';
import { useStore } from '../../state/store.ts';

function AttributeField({
  customerId,
  definition,
  value,
}: {
  customerId: string;
  definition: AttributeDefinition;
  value: AttributeValue | undefined;
}) {
  const stored = toInputValue(definition, value);
  const [draft, setDraft] = useState(stored);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  // A save here or elsewhere changes the stored value: show it unless the agent is mid-edit.
  useEffect(() => setDraft(stored), [stored]);

  const save = async (raw: string) => {
    const read = fromInput(definition, raw);
    if (!read.ok) {
      setProblem(read.problem);
      return;
    }
    setProblem(null);
    if (raw.trim() === stored) return;
    setState('saving');
    try {
      await setAttribute(customerId, definition.key, read.value);
      setState('saved');
    } catch (e) {
      setProblem((e as Error).message);
      setState('idle');
    }
  };

  const pick = (raw: string) => {
    setDraft(raw);
    save(raw);
  };

  const common = { id, 'data-testid': `attribute-${definition.key}`, 'aria-invalid': problem ? true : undefined };
  let input: ReactNode;
  if (definition.type === 'boolean' || definition.type === 'choice') {
    const options =
      definition.type === 'boolean'
        ? [['true', 'Yes'] as const, ['false', 'No'] as const]
        : definition.choices.map((c) => [c, c] as const);
    input = (
      <select {...common} value={draft} onChange={(e) => pick(e.target.value)}>
        <option value="">—</option>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type={definition.type === 'date' ? 'date' : 'text'}
        inputMode={definition.type === 'number' ? 'decimal' : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          if (definition.type === 'date') save(e.target.value);
        }}
        onBlur={() => definition.type !== 'date' && save(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save(draft);
        }}
      />
    );
  }

  return (
    <div className={`attribute${problem ? ' has-problem' : ''}`}>
      <label className="attribute-label" htmlFor={id}>
        {definition.label}
      </label>
      <div className="attribute-input">
        {input}
        <span className="attribute-state" aria-live="polite">
          {state === 'saving' ? 'Saving…' : state === 'saved' && !problem ? '✓' : ''}
        </span>
      </div>
      {problem ? (
        <p className="field-error attribute-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The workspace's own details about a person, each with an input that fits its type. */
export function AttributeFields({ profile }: { profile: CustomerProfile }) {
  const definitions = useStore((s) => s.attributeDefinitions);
  useEffect(() => ensureAttributeDefinitions(), []);
  if (!definitions || definitions.length === 0 || profile.erased) return null;
  return (
    <section className="profile-section" aria-label="Details">
      <h3 className="profile-heading">Details</h3>
      <div className="attributes">
        {definitions.map((d) => (
          <AttributeField key={d.key} customerId={profile.id} definition={d} value={profile.attributes[d.key]} />
        ))}
      </div>
    </section>
  );
}
