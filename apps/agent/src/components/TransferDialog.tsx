import type { Conversation } from '@warmline/shared';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { transferConversation } from '../state/conversationActions.ts';
import { customerName } from '../state/customerName.ts';
import { useAgents, useTeams } from '../state/teamActions.ts';
import { candidateLabel, firstName, loadOn, parseTarget, targetValue, teamLabel, transferCandidates } from '../state/transfer.ts';
import { Avatar } from './Avatar.tsx';

const PRESENCE_LABEL = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' } as const;

/** A gentle word before handing to someone who may not get to it soon. */
function chosenWarning(name: string, presence: keyof typeof PRESENCE_LABEL, load: { open: number; capacity: number | null }) {
  const first = firstName(name);
  if (presence !== 'available') return `${first} is ${presence} and may not see this soon.`;
  if (load.capacity !== null && load.open >= load.capacity) return `${first} is at capacity (${load.open} of ${load.capacity}).`;
  return null;
}

interface TransferDialogProps {
  conversation: Conversation;
  meId: string;
  onClose: () => void;
}

/** Warm transfer: pick a colleague or team, write the handoff note, optionally tell the customer why. */
export function TransferDialog({ conversation: c, meId, onClose }: TransferDialogProps) {
  const agents = useAgents();
  const teams = useTeams();
  const candidates = useMemo(() => transferCandidates(agents, meId), [agents, meId]);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const titleId = useId();
  const customer = customerName(c);

  useEffect(() => {
    select.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const parsed = parseTarget(target);
  const chosenAgent = parsed && 'toAgentId' in parsed ? candidates.find((a) => a.id === parsed.toAgentId) : undefined;
  const chosenTeam = parsed && 'toTeamId' in parsed ? teams.find((t) => t.id === parsed.toTeamId) : undefined;
  const chosenLoad = chosenAgent ? loadOn(chosenAgent, c.channel) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsed) {
      setError('Choose who should take over.');
      return;
    }
    if (!note.trim()) {
      setError('Write a handoff note so the customer never has to repeat themselves.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await transferConversation(c.id, { ...parsed, note: note.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    // No click-outside close: a half-written handoff note is too easy to lose. Escape and Cancel close.
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="transfer-dialog">
        <header className="dialog-header">
          <h2 id={titleId}>Hand {customer} to a colleague</h2>
          <p className="hint">They read the whole conversation and your note before accepting; until then it stays yours.</p>
        </header>
        <form className="form dialog-form" onSubmit={submit} noValidate>
          <label className="field">
            <span className="field-label">Who takes over</span>
            <select
              ref={select}
              data-testid="transfer-target"
              value={target}
              required
              onChange={(e) => setTarget(e.target.value)}
            >
              <option value="" disabled>
                Choose a colleague or team…
              </option>
              {candidates.length > 0 ? (
                <optgroup label="People">
                  {candidates.map((a) => (
                    <option key={a.id} value={targetValue('agent', a.id)}>
                      {candidateLabel(a, c.channel)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {teams.length > 0 ? (
                <optgroup label="Teams">
                  {teams.map((t) => (
                    <option key={t.id} value={targetValue('team', t.id)}>
                      {teamLabel(t, agents)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>

          {chosenAgent && chosenLoad ? (
            <div className="transfer-who" data-testid="transfer-who">
              <Avatar name={chosenAgent.displayName} url={chosenAgent.avatarUrl} size={32} />
              <span className="transfer-who-text">
                <span className="agent-name">{chosenAgent.displayName}</span>
                <span className="transfer-who-meta">
                  <span className={`presence-dot presence-${chosenAgent.presence}`} aria-hidden="true" />
                  {PRESENCE_LABEL[chosenAgent.presence]} ·{' '}
                  {chosenLoad.capacity === null
                    ? `${chosenLoad.open} open`
                    : `${chosenLoad.open} of ${chosenLoad.capacity} ${c.channel === 'chat' ? 'chats' : 'open'}`}
                  {chosenAgent.skills.length ? ` · ${chosenAgent.skills.join(', ')}` : ''}
                </span>
              </span>
            </div>
          ) : null}
          {chosenAgent && chosenLoad && chosenWarning(chosenAgent.displayName, chosenAgent.presence, chosenLoad) ? (
            <p className="field-hint is-warning" data-testid="transfer-warning">
              {chosenWarning(chosenAgent.displayName, chosenAgent.presence, chosenLoad)}
            </p>
          ) : null}
          {chosenTeam ? (
            <p className="field-hint">Everyone in {chosenTeam.name} sees the handoff; the first to accept takes over.</p>
          ) : null}

          <label className="field">
            <span className="field-label">Handoff note (internal)</span>
            <textarea
              data-testid="transfer-note"
              rows={4}
              required
              maxLength={4000}
              placeholder="What they need, what you've tried, how they feel"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">
              What {customer} is told <span className="field-optional">(optional)</span>
            </span>
            <input
              data-testid="transfer-reason"
              maxLength={200}
              placeholder="Jonas looks after deliveries and will take it from here"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          {error ? (
            <p className="form-error" role="alert" data-testid="transfer-error">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="btn btn-quiet" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" data-testid="transfer-submit" disabled={busy}>
              {busy ? 'Handing over…' : 'Offer handoff'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
