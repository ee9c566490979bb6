import type { Call } from '@warmline/shared/types';
import { useEffect, useState } from 'react';
import { useNow } from '../hooks/useNow.ts';
import { Link, paths } from '../router.tsx';
import {
  answer,
  callHere,
  checkedIn,
  decline,
  dismissNotice,
  handedToMe,
  hangUp,
  ringingForMe,
  setHold,
  toggleMute,
  useCalls,
  wrapUp,
} from '../state/calls.ts';
import { personName } from '../state/customerName.ts';
import { usePhoneLine } from '../state/phoneLine.ts';
import { callClock } from '../state/time.ts';
import { firstName } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';
import { ConsultPanel } from './CallConsult.tsx';
import { CallTransferForm, HandedToMe, HandoffPending } from './CallTransfer.tsx';
import { MoodWord } from './MoodWord.tsx';
import { PhoneLineCall } from './PhoneLineCall.tsx';

const since = (at: string | null, now: number) => (at ? (now - Date.parse(at)) / 1000 : 0);
/** The caller as the inbox names them: their name, or "Visitor" and a short id. */
const callerName = (call: Call) => personName(call.customer);
const firstNameOf = (call: Call) => (call.customer.name && firstName(call.customer.name)) || null;

/** Alt+A answers the call ringing longest; Alt+H hangs up the call in this tab. */
function useCallKeys(ringing: Call | undefined, here: Call | null) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyA' && ringing) answer(ringing.id);
      else if (e.code === 'KeyH' && here && here.status === 'answered') hangUp(here.id);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ringing, here]);
}

function Incoming({ call, pending, now }: { call: Call; pending: boolean; now: number }) {
  const left = Math.max(0, Math.ceil(call.ringSeconds - since(call.rangAt, now)));
  const name = callerName(call);
  return (
    <section className="call-card is-ringing" data-testid="incoming-call" aria-label={`${name} is calling`}>
      <div className="call-who">
        <span className="call-pulse" aria-hidden="true">
          <Avatar name={name} size={44} />
        </span>
        <div className="call-text">
          <p className="call-kicker">Incoming call · {left} s</p>
          <p className="call-name" data-testid="call-customer">
            {name}
          </p>
          <p className="call-meta">
            {call.mood ? <MoodWord mood={call.mood} /> : <span>No messages yet</span>}
            <span aria-hidden="true"> · </span>
            <Link to={paths.conversation(call.conversationId)}>See their story</Link>
          </p>
        </div>
      </div>
      <div className="call-actions">
        <button
          type="button"
          className="btn call-answer"
          data-testid="call-answer"
          disabled={pending}
          onClick={() => answer(call.id)}
        >
          {pending ? 'Answering…' : 'Answer'} <kbd>Alt A</kbd>
        </button>
        <button type="button" className="btn" data-testid="call-decline" onClick={() => decline(call.id)}>
          Decline
        </button>
      </div>
    </section>
  );
}

/** Ringing a customer back in their browser: who, for how long, and a way to stop. */
function Outgoing({ call, now }: { call: Call; now: number }) {
  const name = callerName(call);
  const left = Math.max(0, Math.ceil(call.ringSeconds - since(call.rangAt, now)));
  return (
    <section className="call-card is-ringing" data-testid="outgoing-call" aria-label={`Ringing ${name}`}>
      <div className="call-who">
        <span className="call-pulse" aria-hidden="true">
          <Avatar name={name} size={44} />
        </span>
        <div className="call-text">
          <p className="call-kicker">Ringing in their browser · {left} s</p>
          <p className="call-name">{name}</p>
          <p className="call-meta">They asked to take our call in their browser. Keep this page open.</p>
        </div>
      </div>
      <div className="call-actions">
        <button type="button" className="btn btn-danger" data-testid="call-cancel" onClick={() => hangUp(call.id)}>
          Stop ringing
        </button>
      </div>
    </section>
  );
}

function OnCall({ call, muted, heldSince, now }: { call: Call; muted: boolean; heldSince: number | null; now: number }) {
  const name = callerName(call);
  const [handing, setHanding] = useState(false);
  const prompt = call.onHold && heldSince !== null && now - heldSince >= call.holdCheckInSeconds * 1000;
  const talking = call.transfer?.consultingSince ? call.transfer.to.displayName : null;
  return (
    <section className={`call-card${call.onHold ? ' is-held' : ''}`} data-testid="on-call" aria-label={`On a call with ${name}`}>
      <div className="call-who">
        <Avatar name={name} size={44} />
        <div className="call-text">
          <p className="call-kicker" data-testid="call-state">
            {call.onHold ? 'On hold' : muted ? 'Muted' : 'On a call'} · {callClock(since(call.answeredAt, now))}
          </p>
          <p className="call-name">{name}</p>
          <p className="call-meta">
            {call.mood ? <MoodWord mood={call.mood} /> : null}
            {call.mood ? <span aria-hidden="true"> · </span> : null}
            <Link to={paths.conversation(call.conversationId)}>Their story</Link>
          </p>
        </div>
      </div>
      {talking ? <ConsultPanel call={call} other={talking} /> : null}
      {talking && prompt ? (
        <p className="hold-note is-due" data-testid="hold-prompt" role="status">
          {firstNameOf(call) ?? 'The customer'} has been on hold a while: end the talk to check in with them.
        </p>
      ) : null}
      {call.onHold && !talking ? (
        <div className={`hold-note${prompt ? ' is-due' : ''}`} data-testid={prompt ? 'hold-prompt' : 'hold-note'} role="status">
          {prompt ? (
            <>
              <p>
                <strong>Still there? Let them know.</strong> Say: “Thanks for holding
                {firstNameOf(call) ? `, ${firstNameOf(call)}` : ''} — I’m still here, just a moment more.”
              </p>
              <button type="button" className="btn btn-note btn-small" data-testid="hold-checked-in" onClick={checkedIn}>
                I checked in
              </button>
            </>
          ) : (
            <p>
              {firstNameOf(call) ?? 'The customer'} hears silence and reads that you’ll be right back. No music. We’ll remind you
              to check in every {call.holdCheckInSeconds} s.
            </p>
          )}
        </div>
      ) : null}
      {talking ? null : <HandoffPending call={call} />}
      {handing && !call.transfer ? <CallTransferForm call={call} onDone={() => setHanding(false)} /> : null}
      <div className="call-actions">
        {talking ? (
          // While the two talk the customer stays on hold; taking the call back ends the talk.
          <button type="button" className="btn" data-testid="call-take-back" onClick={() => decline(call.id)}>
            Take the call back
          </button>
        ) : (
          <>
            <button type="button" className="btn" aria-pressed={muted} data-testid="call-mute" onClick={toggleMute}>
              {muted ? 'Unmute' : 'Mute'}
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={call.onHold}
              data-testid="call-hold"
              onClick={() => setHold(call.id, !call.onHold)}
            >
              {call.onHold ? 'Resume' : 'Hold'}
            </button>
          </>
        )}
        {call.transfer || handing ? null : (
          <button type="button" className="btn" data-testid="call-transfer" onClick={() => setHanding(true)}>
            Transfer
          </button>
        )}
        <button type="button" className="btn btn-danger" data-testid="call-hangup" onClick={() => hangUp(call.id)}>
          Hang up <kbd>Alt H</kbd>
        </button>
      </div>
    </section>
  );
}

function WrapUp({ call }: { call: Call }) {
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (text: string) => {
    setSaving(true);
    try {
      await wrapUp(call.id, text);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'Could not save the notes.');
      setSaving(false);
    }
  };
  return (
    <section className="call-card" data-testid="call-wrap-up" aria-label="Call wrap-up">
      <p className="call-kicker">
        Call ended · {callClock(call.durationSeconds ?? 0)} with {callerName(call)}
      </p>
      <form
        className="call-wrap"
        onSubmit={(e) => {
          e.preventDefault();
          void save(notes);
        }}
      >
        <label htmlFor="call-notes">Wrap-up notes</label>
        <textarea
          id="call-notes"
          data-testid="call-notes"
          rows={3}
          value={notes}
          maxLength={4000}
          placeholder="What was agreed, what happens next"
          onChange={(e) => setNotes(e.target.value)}
        />
        {problem ? <p className="form-error">{problem}</p> : null}
        <div className="call-actions">
          <button type="submit" className="btn btn-primary" data-testid="call-save-notes" disabled={saving || !notes.trim()}>
            Save notes
          </button>
          <button type="button" className="btn btn-quiet" disabled={saving} onClick={() => void save('')}>
            Skip
          </button>
        </div>
      </form>
    </section>
  );
}

/** The calls of this agent, over whatever page is open: incoming, on a call (with hold check-ins), wrap-up. */
export function CallCard() {
  const calls = useCalls((s) => s.calls);
  const here = useCalls((s) => callHere(s));
  const pending = useCalls((s) => s.pending);
  const muted = useCalls((s) => s.muted);
  const heldSince = useCalls((s) => s.heldSince);
  const notice = useCalls((s) => s.notice);
  const ringing = ringingForMe({ calls, here: null, muted, heldSince, notice, pending });
  const handed = handedToMe({ calls, here: null, muted, heldSince, notice, pending });
  const now = useNow(1000);
  const onPhone = usePhoneLine((s) => s.call !== null);
  useCallKeys(ringing[0], here);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismissNotice, 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!ringing.length && !handed.length && !here && !notice && !onPhone) return null;
  return (
    <div className="call-dock" aria-live="polite">
      {notice ? (
        <p className="call-notice" data-testid="call-notice" role="status">
          {notice}
        </p>
      ) : null}
      <PhoneLineCall />
      {here?.status === 'ringing' && here.direction === 'outbound' ? <Outgoing call={here} now={now} /> : null}
      {here?.status === 'answered' ? <OnCall call={here} muted={muted} heldSince={heldSince} now={now} /> : null}
      {here?.status === 'ended' ? <WrapUp call={here} /> : null}
      {handed.map((call) => (
        <HandedToMe key={call.id} call={call} pending={pending === call.id} />
      ))}
      {ringing.map((call) => (
        <Incoming key={call.id} call={call} pending={pending === call.id} now={now} />
      ))}
    </div>
  );
}
