import type { Location, StaffTicket } from '@warmline/shared/types';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, paths } from '../../router.tsx';
import { endVisit, handOn } from '../../state/counterActions.ts';
import { handOnColleagues, ticketMood } from '../../state/walkInLine.ts';
import { MoodWord } from '../MoodWord.tsx';

type Step = 'choose' | 'served' | 'handOn' | 'noShow';

/** Runs one of the card's actions, keeping the server's words when it refuses. */
function useAct() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return { busy, error, act };
}

/** The person this member of staff called: who they are, their story, and how the visit ends. */
export function CounterCard({ ticket, location, me }: { ticket: StaffTicket; location: Location; me: string }) {
  const [step, setStep] = useState<Step>('choose');
  const { busy, error, act } = useAct();
  const mood = ticketMood(ticket);
  return (
    <section className="card counter-card" aria-labelledby="counter-title" data-testid="counter-card" data-code={ticket.code}>
      <p className="counter-eyebrow">At your counter</p>
      <div className="counter-who">
        <span className="walk-in-code is-large">{ticket.code}</span>
        <div>
          <h2 className="counter-name" id="counter-title">
            {ticket.name}
          </h2>
          <p className="counter-service">
            {ticket.service}
            {mood ? <MoodWord mood={mood} /> : null}
          </p>
        </div>
      </div>
      <p className="counter-story">{ticket.lastContact ?? 'First time we meet them: nothing before this visit.'}</p>
      <p className="counter-links">
        <Link to={paths.customer(ticket.customerId)} data-testid="counter-story-link">
          Their whole story
        </Link>
        <Link to={paths.conversation(ticket.conversationId)} data-testid="counter-visit-link">
          This visit’s notes
        </Link>
      </p>

      {step === 'choose' ? (
        <div className="counter-actions">
          <button
            type="button"
            className="btn btn-calm counter-served"
            data-testid="counter-served"
            onClick={() => setStep('served')}
          >
            Served
          </button>
          <button type="button" className="btn" data-testid="counter-hand-on" onClick={() => setStep('handOn')}>
            Hand on to a colleague
          </button>
          <button type="button" className="btn btn-quiet" data-testid="counter-no-show" onClick={() => setStep('noShow')}>
            No-show
          </button>
        </div>
      ) : null}
      {step === 'served' ? (
        <ServedForm
          busy={busy}
          onCancel={() => setStep('choose')}
          onDone={(body) => act(() => endVisit(location.id, ticket.id, body))}
        />
      ) : null}
      {step === 'handOn' ? (
        <HandOnForm
          colleagues={handOnColleagues(location, me)}
          busy={busy}
          onCancel={() => setStep('choose')}
          onDone={(body) => act(() => handOn(location.id, ticket.id, body))}
        />
      ) : null}
      {step === 'noShow' ? (
        <div className="counter-confirm">
          <p>{ticket.name} did not come to the counter?</p>
          <StepButtons onBack={() => setStep('choose')}>
            <button
              type="button"
              className="btn"
              disabled={busy}
              data-testid="counter-no-show-confirm"
              onClick={() => act(() => endVisit(location.id, ticket.id, { outcome: 'no_show' }))}
            >
              Yes, a no-show
            </button>
          </StepButtons>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** A step's own action, and the way back to the three choices. */
function StepButtons({ children, onBack }: { children?: ReactNode; onBack: () => void }) {
  return (
    <div className="counter-form-buttons">
      {children}
      <button type="button" className="btn btn-quiet" onClick={onBack}>
        Back
      </button>
    </div>
  );
}

function ServedForm({
  busy,
  onCancel,
  onDone,
}: {
  busy: boolean;
  onCancel: () => void;
  onDone: (body: { outcome: 'served'; note?: string; followUp?: string }) => void;
}) {
  const [note, setNote] = useState('');
  const [needsFollowUp, setNeedsFollowUp] = useState(false);
  const [followUp, setFollowUp] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone({
      outcome: 'served',
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(needsFollowUp && followUp.trim() ? { followUp: followUp.trim() } : {}),
    });
  };
  return (
    <form className="counter-form" onSubmit={submit} data-testid="served-form">
      <label className="field">
        <span className="field-label">What you did (optional)</span>
        <textarea rows={2} value={note} data-testid="served-note" onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className="counter-check">
        <input
          type="checkbox"
          checked={needsFollowUp}
          data-testid="served-needs-follow-up"
          onChange={(e) => setNeedsFollowUp(e.target.checked)}
        />
        <span>Needs a follow-up</span>
      </label>
      {needsFollowUp ? (
        <label className="field">
          <span className="field-label">What is still to do</span>
          <input
            required
            value={followUp}
            placeholder="Call them when the part arrives"
            data-testid="served-follow-up"
            onChange={(e) => setFollowUp(e.target.value)}
          />
          <span className="field-hint">The visit stays in your Mine until it is done.</span>
        </label>
      ) : null}
      <StepButtons onBack={onCancel}>
        <button type="submit" className="btn btn-calm" disabled={busy} data-testid="served-confirm">
          {busy ? 'Saving…' : 'Done: served'}
        </button>
      </StepButtons>
    </form>
  );
}

function HandOnForm({
  colleagues,
  busy,
  onCancel,
  onDone,
}: {
  colleagues: Location['staff'];
  busy: boolean;
  onCancel: () => void;
  onDone: (body: { toAgentId: string; note: string }) => void;
}) {
  const [to, setTo] = useState(colleagues[0]?.id ?? '');
  const [note, setNote] = useState('');
  if (colleagues.length === 0) {
    return (
      <div className="counter-confirm">
        <p className="hint">Nobody else works at this location yet. An admin adds staff in Settings › Locations.</p>
        <StepButtons onBack={onCancel} />
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone({ toAgentId: to, note: note.trim() });
  };
  return (
    <form className="counter-form" onSubmit={submit} data-testid="hand-on-form">
      <label className="field">
        <span className="field-label">To</span>
        <select value={to} data-testid="hand-on-to" onChange={(e) => setTo(e.target.value)}>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">What they should know</span>
        <textarea
          rows={2}
          required
          value={note}
          placeholder="Wants to swap the blue kettle; receipt checked"
          data-testid="hand-on-note"
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <StepButtons onBack={onCancel}>
        <button type="submit" className="btn btn-primary" disabled={busy || !note.trim()} data-testid="hand-on-confirm">
          {busy ? 'Handing on…' : 'Hand on'}
        </button>
      </StepButtons>
    </form>
  );
}
