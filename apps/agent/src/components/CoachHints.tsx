import { coachReply, type EmotionReading } from '@warmline/shared';
import { useEffect, useMemo, useState } from 'react';
import { dismissedHints, dismissHint, shownHints } from '../state/coachHints.ts';

const SETTLE_MS = 150;

interface CoachHintsProps {
  conversationId: string;
  draft: string;
  customerFeeling: EmotionReading | null;
  serviceFailure: boolean;
}

/**
 * Quiet suggestions on the reply being written. They never block sending and never change the draft: the agent
 * reads, adapts or dismisses them.
 */
export function CoachHints({ conversationId, draft, customerFeeling, serviceFailure }: CoachHintsProps) {
  const [settled, setSettled] = useState(draft);
  const [hidden, setHidden] = useState(() => dismissedHints(conversationId));

  useEffect(() => {
    const timer = setTimeout(() => setSettled(draft), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  // A sent or cleared draft takes its hints with it at once.
  const text = draft.trim() === '' ? '' : settled;
  const customerEmotion = customerFeeling?.label ?? null;
  const customerUpset = customerFeeling?.upset ?? false;
  const suggestions = useMemo(
    () => coachReply(text, { customerEmotion, customerUpset, serviceFailure }),
    [text, customerEmotion, customerUpset, serviceFailure],
  );
  const hints = shownHints(text, suggestions, hidden);
  if (hints.length === 0) return null;

  return (
    <ul className="coach-hints" aria-label="Suggestions for this reply" data-testid="coach-hints">
      {hints.map(({ key, suggestion, phrase }) => (
        <li key={key} className={`coach-hint is-${suggestion.severity}`} data-rule={suggestion.rule}>
          <span className="coach-text">
            {phrase ? <q className="coach-phrase">{phrase}</q> : null}
            {suggestion.message}
            {suggestion.example ? <span className="coach-example">For example: “{suggestion.example}”</span> : null}
          </span>
          <button
            type="button"
            className="dismiss-button"
            aria-label="Dismiss this suggestion"
            title="Dismiss"
            // Dismissing leaves the cursor in the draft.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setHidden(dismissHint(conversationId, key))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
