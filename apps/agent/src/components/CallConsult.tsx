import type { Call } from '@warmline/shared/types';
import { useNow } from '../hooks/useNow.ts';
import { endTalk, talkFirst, talkingHere, toggleTalkMute, useConsult } from '../state/consult.ts';
import { callClock, since } from '../state/time.ts';
import { firstName } from '../state/transfer.ts';

/** The customer as a short name for a sentence ("Sam"), or "The customer". */
const customerFirstName = (call: Call) => (call.customer.name && firstName(call.customer.name)) || 'The customer';

/**
 * While two agents talk about a handoff before the colleague joins: with whom and for how long, that the customer
 * hears silence, and Mute and End talk for the tab that carries the talk.
 */
export function ConsultPanel({ call, other }: { call: Call; other: string }) {
  const here = useConsult((s) => talkingHere(s, call.id));
  const muted = useConsult((s) => s.muted);
  const now = useNow(1000);
  const started = call.transfer?.consultingSince;
  if (!started) return null;
  const name = firstName(other);
  return (
    <div className="consult-note" data-testid="call-consult" role="status">
      <p className="consult-title">
        <span className="consult-live" aria-hidden="true" />
        <strong>Talking with {name}</strong> · {callClock(since(started, now) / 1000)}
        {muted && here ? ' · you’re muted' : ''}
      </p>
      <p>
        {here
          ? `Only the two of you hear this. ${customerFirstName(call)} is on hold and hears silence.`
          : `You’re talking with ${name} in another tab.`}
      </p>
      {here ? (
        <div className="call-actions">
          <button type="button" className="btn" aria-pressed={muted} data-testid="consult-mute" onClick={toggleTalkMute}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
          <button type="button" className="btn" data-testid="consult-end" onClick={() => endTalk(call.id)}>
            End talk
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** On a card offering me a call: "Talk to Amina first", while no talk is open. */
export function TalkFirstButton({ call, from }: { call: Call; from: string }) {
  const opening = useConsult((s) => s.callId === call.id && s.opening);
  if (call.transfer?.consultingSince) return null;
  return (
    <button type="button" className="btn" data-testid="call-talk-first" disabled={opening} onClick={() => talkFirst(call.id)}>
      {opening ? 'Connecting…' : `Talk to ${firstName(from)} first`}
    </button>
  );
}

/** Why the talk could not open, or ended on its own. */
export function ConsultProblem() {
  const problem = useConsult((s) => s.problem);
  return problem ? <p className="form-error">{problem}</p> : null;
}
