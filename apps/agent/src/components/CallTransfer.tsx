import type { Call } from '@warmline/shared/types';
import { useEffect, useMemo, useState } from 'react';
import { Link, paths } from '../router.tsx';
import { decline, joinCall, transferCall } from '../state/calls.ts';
import { personName } from '../state/customerName.ts';
import { meId, useStore } from '../state/store.ts';
import { loadAgents, useAgents } from '../state/teamActions.ts';
import { firstName, transferCandidates } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';
import { ConsultPanel, ConsultProblem, TalkFirstButton } from './CallConsult.tsx';
import { MoodWord } from './MoodWord.tsx';

/** On a call: hand it to a colleague with a note (the customer waits on hold), or take the offer back. */
export function CallTransferForm({ call, onDone }: { call: Call; onDone: () => void }) {
  const me = useStore((s) => meId(s));
  const agents = useAgents();
  const candidates = useMemo(() => transferCandidates(agents, me), [agents, me]);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void loadAgents();
  }, []);
  return (
    <form
      className="call-wrap"
      data-testid="call-transfer-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!to) return setProblem('Choose who takes the call.');
        if (!note.trim()) return setProblem('A handoff note tells them what they need to know.');
        if (!transferCall(call.id, to, note.trim())) return setProblem('Reconnecting… try again in a moment.');
        onDone();
      }}
    >
      <label htmlFor="call-transfer-to">Hand the call to</label>
      <select id="call-transfer-to" data-testid="call-transfer-to" value={to} onChange={(e) => setTo(e.target.value)}>
        <option value="">Choose a colleague…</option>
        {candidates.map((a) => (
          <option key={a.id} value={a.id}>
            {a.displayName} — {a.presence}
          </option>
        ))}
      </select>
      <label htmlFor="call-transfer-note">Handoff note (they read it before joining)</label>
      <textarea
        id="call-transfer-note"
        data-testid="call-transfer-note"
        rows={2}
        maxLength={2000}
        value={note}
        placeholder="What they need to know, so the customer never repeats it"
        onChange={(e) => setNote(e.target.value)}
      />
      {problem ? <p className="form-error">{problem}</p> : null}
      <div className="call-actions">
        <button type="submit" className="btn btn-primary" data-testid="call-transfer-send">
          Hand over
        </button>
        <button type="button" className="btn btn-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** While a colleague reads the note: who, and a way to take the call back. */
export function HandoffPending({ call }: { call: Call }) {
  if (!call.transfer) return null;
  return (
    <div className="hold-note" data-testid="call-transfer-pending" role="status">
      <p>
        Waiting for {firstName(call.transfer.to.displayName)} to read your note and join. The customer is on hold. They may want a
        word with you first: you’ll hear them here.
      </p>
      <ConsultProblem />
      <button type="button" className="btn btn-small" onClick={() => decline(call.id)}>
        Take the call back
      </button>
    </div>
  );
}

/** A call a colleague is handing to me: their note first, a word with them if I want one, then join. */
export function HandedToMe({ call, pending }: { call: Call; pending: boolean }) {
  const from = call.answeredBy?.displayName ?? 'A colleague';
  const name = personName(call.customer);
  return (
    <section className="call-card is-ringing" data-testid="call-handoff" aria-label={`${from} is handing you a call`}>
      <div className="call-who">
        <Avatar name={name} size={44} />
        <div className="call-text">
          <p className="call-kicker">{firstName(from)} is handing you a call</p>
          <p className="call-name">{name}</p>
          <p className="call-meta">
            {call.mood ? <MoodWord mood={call.mood} /> : null}
            {call.mood ? <span aria-hidden="true"> · </span> : null}
            <Link to={paths.conversation(call.conversationId)}>See their story</Link>
          </p>
        </div>
      </div>
      <blockquote className="call-handoff-note" data-testid="call-handoff-note">
        {call.transfer?.note}
      </blockquote>
      <ConsultPanel call={call} other={from} />
      <ConsultProblem />
      <div className="call-actions">
        <button
          type="button"
          className="btn call-answer"
          data-testid="call-join"
          disabled={pending}
          onClick={() => joinCall(call.id)}
        >
          {pending ? 'Joining…' : 'Join the call'}
        </button>
        <button type="button" className="btn" data-testid="call-not-now" onClick={() => decline(call.id)}>
          Not now
        </button>
        <TalkFirstButton call={call} from={from} />
      </div>
    </section>
  );
}
