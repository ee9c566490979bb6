import type { Recovery } from '@warmline/shared';
import { useEffect, useState } from 'react';
import {
  errorPlacement,
  flaggedText,
  type RecoveryStepView,
  recoveryProgress,
  recoverySteps,
  reminderText,
  type StepKey,
  toLocalInput,
} from '../state/recovery.ts';
import { loadRecovery, recordRecoveryStep } from '../state/recoveryActions.ts';
import { useStore } from '../state/store.ts';
import { formatClock } from '../state/time.ts';
import { CompensationForm, FollowUpForm, NoteStepForm } from './RecoveryStepForms.tsx';

/** Whether each conversation's checklist was folded away, kept while the app is open. */
const folded = new Map<string, boolean>();

interface RecoveryCardProps {
  conversationId: string;
  /** Changes when a colleague may have ticked a step (each step leaves a note on the timeline). */
  notes: number;
  meId: string;
  now: number;
  /** A handoff waits above: read that first, the checklist starts folded. */
  handoffFirst?: boolean;
}

/**
 * The service-recovery checklist of a flagged conversation: apologise, fix, compensate, schedule a follow-up,
 * follow up. Open for the person whose recovery it is (or while nobody's is), until the customer is recovered;
 * folded into one line (its progress and next step) for colleagues, or while a handoff waits. One click toggles it.
 */
export function RecoveryCard({ conversationId, notes, meId, now, handoffFirst = false }: RecoveryCardProps) {
  const recovery = useStore((s) => s.recoveries[conversationId]);
  const state = useStore((s) => s.recoveryState[conversationId]);
  const [chosen, setChosen] = useState(() => folded.get(conversationId));

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new note may be a colleague's tick: read again
  useEffect(() => {
    loadRecovery(conversationId);
  }, [conversationId, notes]);

  if (!recovery) {
    if (state !== 'error') return null;
    return (
      <p className="banner" role="alert">
        The recovery checklist could not be read.{' '}
        <button type="button" className="link-button" onClick={() => loadRecovery(conversationId)}>
          Try again
        </button>
      </p>
    );
  }

  const progress = recoveryProgress(recovery);
  const mineOrNobodys = !recovery.owner || recovery.owner.id === meId;
  const open = chosen === undefined ? mineOrNobodys && !handoffFirst : !chosen;
  const toggle = () => {
    folded.set(conversationId, open);
    setChosen(open);
  };

  return (
    <section
      className={`recovery${recovery.recovered ? ' is-recovered' : ''}`}
      data-testid="recovery-card"
      data-recovered={recovery.recovered ? 'true' : 'false'}
      aria-label="Service recovery"
    >
      <button type="button" className="recovery-head" aria-expanded={open} onClick={toggle} data-testid="recovery-toggle">
        <span className="recovery-title">Service recovery</span>
        {recovery.recovered ? (
          <span className="recovered-pill" data-testid="recovery-recovered">
            ✓ Recovered
          </span>
        ) : (
          <span className="recovery-progress" data-testid="recovery-progress">
            {progress.text}
          </span>
        )}
        <span className="recovery-chevron" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      {open ? (
        <div className="recovery-body">
          <p className="recovery-flagged" data-testid="recovery-flagged">
            {flaggedText(recovery)} <time dateTime={recovery.flaggedAt}>· {formatClock(recovery.flaggedAt, now)}</time>
          </p>
          <ol className="recovery-steps">
            {recoverySteps(recovery).map((step) => (
              <StepRow key={step.key} step={step} recovery={recovery} meId={meId} now={now} />
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

const ACTION_LABELS: Record<StepKey, string> = {
  acknowledged: 'Mark done',
  fixed: 'Mark fixed…',
  compensation: 'Record offer…',
  followUp: 'Schedule…',
  followedUp: 'Mark followed up…',
};

function StepRow({ step, recovery, meId, now }: { step: RecoveryStepView; recovery: Recovery; meId: string; now: number }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = recovery.conversationId;
  const close = () => setEditing(false);
  const owner = recovery.owner ? (recovery.owner.id === meId ? 'you' : recovery.owner.displayName) : null;
  const reminder = step.key === 'followUp' ? reminderText(recovery.steps.followUp, owner, now) : null;
  // A scheduled follow-up can move until the customer has been followed up.
  const canChange = step.key === 'followUp' && step.done && !recovery.steps.followUp.done;

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await recordRecoveryStep(id, { step: 'acknowledged' });
    } catch (e) {
      setError(errorPlacement(e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`recovery-step${step.done ? ' is-done' : ''}`}
      data-testid="recovery-step"
      data-step={step.key}
      data-done={step.done}
    >
      <span className="step-check" aria-hidden="true">
        {step.done ? '✓' : ''}
      </span>
      <div className="step-main">
        <div className="step-line">
          <span className="step-label">
            {step.label}
            <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
          </span>
          {step.at && step.key !== 'followUp' ? (
            <time className="step-at" dateTime={step.at}>
              {formatClock(step.at, now)}
            </time>
          ) : null}
          {step.key === 'followUp' && step.at ? (
            <time className="step-at" dateTime={step.at}>
              for {formatClock(step.at, now)}
            </time>
          ) : null}
          {step.detail ? <span className="step-detail">{step.detail}</span> : null}
        </div>
        {reminder ? (
          <p className="step-reminder" data-testid="follow-up-reminder">
            {reminder}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {editing ? <StepEditor step={step.key} recovery={recovery} owner={owner} now={now} onClose={close} /> : null}
      </div>
      {!editing && (!step.done || canChange) ? (
        <button
          type="button"
          className="btn btn-small step-action"
          data-testid={`recovery-action-${step.key}`}
          disabled={busy}
          onClick={step.key === 'acknowledged' ? acknowledge : () => setEditing(true)}
        >
          {canChange ? 'Change…' : ACTION_LABELS[step.key]}
        </button>
      ) : null}
    </li>
  );
}

function StepEditor({
  step,
  recovery,
  owner,
  now,
  onClose,
}: {
  step: StepKey;
  recovery: Recovery;
  owner: string | null;
  now: number;
  onClose: () => void;
}) {
  const id = recovery.conversationId;
  if (step === 'fixed') {
    return (
      <NoteStepForm
        conversationId={id}
        onClose={onClose}
        step="fixed"
        placeholder="What was done to put it right?"
        submitLabel="Mark fixed"
      />
    );
  }
  if (step === 'compensation') return <CompensationForm conversationId={id} onClose={onClose} />;
  if (step === 'followUp') {
    const scheduled = recovery.steps.followUp.scheduledFor;
    return (
      <FollowUpForm
        conversationId={id}
        onClose={onClose}
        owner={owner}
        now={now}
        initial={scheduled ? toLocalInput(Date.parse(scheduled)) : null}
      />
    );
  }
  if (step === 'followedUp') {
    return (
      <NoteStepForm
        conversationId={id}
        onClose={onClose}
        step="followed_up"
        placeholder="How are they now?"
        submitLabel="Mark followed up"
      />
    );
  }
  return null;
}
