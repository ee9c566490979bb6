import type { CallbackOutcome, CallbackRing, Conversation } from '@warmline/shared/types';
import { useState } from 'react';
import { conversationsApi } from '../api/endpoints.ts';
import { ringBack, ringBackHere, useCalls } from '../state/calls.ts';
import { customerName } from '../state/customerName.ts';
import { dialPhone, usePhoneLine } from '../state/phoneLine.ts';
import { formatClock } from '../state/time.ts';
import { firstName } from '../state/transfer.ts';

const OUTCOMES: ReadonlyArray<[CallbackOutcome, string]> = [
  ['reached', 'Reached'],
  ['no_answer', 'No answer'],
  ['wrong_number', 'Wrong number'],
];

/**
 * A promised callback that is due and mine: "Call Sam back now", one click to ring, then what came of it. With
 * no phone line connected the number is shown to call from my own phone.
 */
export function CallbackCard({ conversation: c, now }: { conversation: Conversation; now: number }) {
  const [ring, setRing] = useState<CallbackRing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Rang in their browser from here: once that call is over, what came of it is asked for. */
  const [rangInBrowser, setRangInBrowser] = useState(false);
  const live = useCalls((s) => ringBackHere(s, c.id));
  const lineReady = usePhoneLine((s) => s.status === 'ready');
  /** Dials the customer through the phone line from this browser. */
  const dial = (rung: CallbackRing) => dialPhone(rung.number, rung.sipUri!, { id: c.customer.id, name: c.customer.name });
  const cb = c.callback;
  if (!cb || cb.status !== 'due') return null;
  const askOutcome = !!ring || (rangInBrowser && !live);
  const who = firstName(customerName(c));
  const window = `${formatClock(cb.windowStart, now)}–${formatClock(cb.windowEnd, now)}`;
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work()
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <section className="callback-card" data-testid="callback-card" aria-label={`Call ${who} back`}>
      <p className="callback-title">
        <strong>
          Call {who} back now ({window})
        </strong>
        {cb.tries > 0 ? <span className="callback-tries"> · try {cb.tries + 1}</span> : null}
      </p>
      {cb.inBrowser && !ring ? (
        <p className="callback-how">
          {who} asked to be rung here in their browser{live ? '' : ' — or call them on their number if the page is closed'}.
        </p>
      ) : null}
      {ring ? (
        ring.via === 'phone_line' && ring.sipUri ? (
          <div className="callback-how">
            <p>
              {lineReady ? 'Ringing' : 'Dial'} <a href={`tel:${ring.number}`}>{ring.number}</a> on the phone line, then record how
              it went.
            </p>
            {lineReady ? (
              <button
                type="button"
                className="btn"
                data-testid="callback-dial-again"
                disabled={busy}
                onClick={() => run(() => dial(ring))}
              >
                Dial again
              </button>
            ) : null}
          </div>
        ) : (
          <p className="callback-how">
            No phone line is connected — call {who} on <a href={`tel:${ring.number}`}>{ring.number}</a> from your phone and record
            the outcome.
          </p>
        )
      ) : null}
      <div className="callback-actions">
        {askOutcome
          ? OUTCOMES.map(([outcome, label]) => (
              <button
                key={outcome}
                type="button"
                className={outcome === 'reached' ? 'btn btn-primary' : 'btn'}
                disabled={busy}
                onClick={() => run(() => conversationsApi.callbackOutcome(c.id, outcome))}
              >
                {label}
              </button>
            ))
          : null}
        {cb.inBrowser && !ring && !live ? (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="callback-ring-browser"
            disabled={busy}
            onClick={() => setRangInBrowser(ringBack(c.id) || rangInBrowser)}
          >
            {rangInBrowser ? 'Ring again in their browser' : `Ring ${who} in their browser`}
          </button>
        ) : null}
        {ring || live ? null : (
          <button
            type="button"
            className={cb.inBrowser ? 'btn' : 'btn btn-primary'}
            data-testid="callback-ring-phone"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const rung = await conversationsApi.ringCallback(c.id);
                setRing(rung);
                // With the phone line joined here, the browser dials the number itself.
                if (rung.via === 'phone_line' && rung.sipUri && lineReady) {
                  void dial(rung).catch(() => undefined);
                }
              })
            }
          >
            Call {who} on {cb.phone}
          </button>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
