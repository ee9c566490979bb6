import type { Presence } from '@warmline/shared';
import { useState } from 'react';
import { setPresence } from '../state/teamActions.ts';

/** Available / Away: whether new customers are routed to this agent. */
export function PresenceSwitch({ presence }: { presence: Presence }) {
  const [error, setError] = useState<string | null>(null);
  const onChange = (next: Presence) => {
    setError(null);
    setPresence(next).catch((e: Error) => setError(e.message));
  };
  const shown = presence === 'available' ? 'available' : 'away';
  return (
    <div className="presence">
      <label className="presence-label" htmlFor="presence-switch">
        <span className={`presence-dot presence-${shown}`} aria-hidden="true" />
        Status
      </label>
      <select
        id="presence-switch"
        data-testid="presence-switch"
        className="presence-select"
        value={shown}
        onChange={(e) => onChange(e.target.value as Presence)}
      >
        <option value="available">Available</option>
        <option value="away">Away</option>
      </select>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
