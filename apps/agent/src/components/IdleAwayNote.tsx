import { useState } from 'react';
import { idleAwayText } from '../state/idle.ts';
import { backFromIdle } from '../state/idleWatcher.ts';
import { setState, useStore } from '../state/store.ts';

/** A gentle note after the app set me Away for being idle, with a one-click way back. */
export function IdleAwayNote() {
  const autoAway = useStore((s) => s.autoAway);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!autoAway) return null;

  const back = () => {
    setBusy(true);
    setError(null);
    backFromIdle()
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <div className="idle-note" role="status" data-testid="idle-away-note">
      <span className="presence-dot presence-away" aria-hidden="true" />
      <span className="idle-note-text">{idleAwayText(autoAway.minutes)}. New customers go to your colleagues meanwhile.</span>
      {error ? <span className="field-error">{error}</span> : null}
      <button type="button" className="btn btn-primary btn-small" data-testid="idle-back" disabled={busy} onClick={back}>
        I’m back
      </button>
      <button
        type="button"
        className="btn btn-quiet btn-small"
        aria-label="Dismiss"
        title="Stay away"
        onClick={() => setState({ autoAway: null })}
      >
        ✕
      </button>
    </div>
  );
}
