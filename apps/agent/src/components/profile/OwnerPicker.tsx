import type { PublicAgent } from '@warmline/shared';
import { useId, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { useAgents } from '../../state/teamActions.ts';
import { Avatar } from '../Avatar.tsx';

interface OwnerPickerProps {
  owner: PublicAgent | null;
  label: string;
  hint: string;
  onChange: (ownerId: string | null) => Promise<void>;
  disabled?: boolean;
  testId?: string;
}

/** Who looks after a person or an account: one named colleague, or nobody yet. */
export function OwnerPicker({ owner, label, hint, onChange, disabled = false, testId }: OwnerPickerProps) {
  const agents = useAgents();
  const meId = useStore((s) => s.session?.agent.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  // The owner may have left the team list; keep them choosable so the select shows the truth.
  const choices = owner && !agents.some((a) => a.id === owner.id) ? [owner, ...agents] : agents;

  const change = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      await onChange(value || null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="owner-picker">
      <label className="profile-heading" htmlFor={id}>
        {label}
      </label>
      <div className="owner-row">
        {owner ? (
          <Avatar name={owner.displayName} url={owner.avatarUrl} size={24} />
        ) : (
          <span className="owner-none" aria-hidden="true" />
        )}
        <select
          id={id}
          data-testid={testId}
          value={owner?.id ?? ''}
          disabled={busy || disabled}
          title={hint}
          onChange={(e) => change(e.target.value)}
        >
          <option value="">Nobody yet</option>
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === meId ? `${a.displayName} (you)` : a.displayName}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
