import { useEffect } from 'react';
import { useNow } from '../hooks/useNow.ts';
import { Link, paths } from '../router.tsx';
import {
  answerPhone,
  declinePhone,
  dismissPhoneCall,
  hangUpPhone,
  type PhoneCall,
  toggleMutePhone,
  usePhoneLine,
} from '../state/phoneLine.ts';
import { callClock } from '../state/time.ts';
import { Avatar } from './Avatar.tsx';

const nameOf = (call: PhoneCall) => call.customer?.name ?? call.number;

/** Alt+A answers the phone ringing; Alt+H hangs up the phone call under way. */
function usePhoneKeys(call: PhoneCall | null) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || !call) return;
      if (e.code === 'KeyA' && call.phase === 'ringing') void answerPhone();
      else if (e.code === 'KeyH' && (call.phase === 'on' || call.phase === 'dialling')) hangUpPhone();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [call]);
}

/** A call on the phone line: a phone ringing, a number being dialled, a call under way, or how it ended. */
export function PhoneLineCall() {
  const call = usePhoneLine((s) => s.call);
  const muted = usePhoneLine((s) => s.muted);
  const now = useNow(1000);
  usePhoneKeys(call);
  if (!call) return null;
  const name = nameOf(call);
  const story = call.customer ? (
    <Link to={paths.customer(call.customer.id)} data-testid="phone-call-story">
      {call.phase === 'ringing' ? 'See their story' : 'Their story'}
    </Link>
  ) : null;
  const kicker: Record<PhoneCall['phase'], string> = {
    ringing: 'Phone call · ringing',
    dialling: 'Calling on the phone line…',
    on: `${muted ? 'Muted' : 'On the phone'} · ${callClock((now - call.since) / 1000)}`,
    ended: call.problem ? 'Call not connected' : 'Phone call ended',
  };
  return (
    <section
      className={`call-card${call.phase === 'ringing' || call.phase === 'dialling' ? ' is-ringing' : ''}`}
      data-testid="phone-call"
      data-phase={call.phase}
      aria-label={call.phase === 'ringing' ? `${name} is calling` : `Phone call with ${name}`}
    >
      <div className="call-who">
        <span className={call.phase === 'ringing' ? 'call-pulse' : undefined} aria-hidden="true">
          <Avatar name={name} size={44} />
        </span>
        <div className="call-text">
          <p className="call-kicker" data-testid="phone-call-state">
            {kicker[call.phase]}
          </p>
          <p className="call-name" data-testid="phone-call-name">
            {name}
          </p>
          <p className="call-meta">
            {call.customer?.name ? <span>{call.number}</span> : <span>A number we have not seen before</span>}
            {story ? <span aria-hidden="true"> · </span> : null}
            {story}
          </p>
          {call.problem ? <p className="form-error">{call.problem}</p> : null}
        </div>
      </div>
      <div className="call-actions">
        {call.phase === 'ringing' ? (
          <>
            <button type="button" className="btn call-answer" data-testid="phone-answer" onClick={() => void answerPhone()}>
              Answer <kbd>Alt A</kbd>
            </button>
            <button type="button" className="btn" data-testid="phone-decline" onClick={declinePhone}>
              Decline
            </button>
          </>
        ) : null}
        {call.phase === 'on' ? (
          <button type="button" className="btn" aria-pressed={muted} data-testid="phone-mute" onClick={toggleMutePhone}>
            {muted ? 'Unmute' : 'Mute'}
          </button>
        ) : null}
        {call.phase === 'on' || call.phase === 'dialling' ? (
          <button type="button" className="btn btn-danger" data-testid="phone-hangup" onClick={hangUpPhone}>
            Hang up <kbd>Alt H</kbd>
          </button>
        ) : null}
        {call.phase === 'ended' ? (
          <button type="button" className="btn btn-quiet" data-testid="phone-dismiss" onClick={dismissPhoneCall}>
            Close
          </button>
        ) : null}
      </div>
    </section>
  );
}
