import type { CompensationKind, RecoveryStepBody } from '@warmline/shared';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import {
  COMPENSATION_LABELS,
  errorPlacement,
  fromLocalInput,
  normaliseCurrency,
  parseAmount,
  reminderText,
  suggestedFollowUp,
  valueRequired,
} from '../state/recovery.ts';
import { recordRecoveryStep } from '../state/recoveryActions.ts';
import { FormFooter } from './FormFooter.tsx';

interface StepFormProps {
  conversationId: string;
  onClose: () => void;
}

type Placed = { field: string | null; message: string };

/** Sends one step; an error the server (or the form) tied to a field shows beside it, any other under the form. */
function useStepSubmit(conversationId: string, onClose: () => void, fields: readonly string[]) {
  const uid = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Placed | null>(null);
  const submit = async (step: RecoveryStepBody) => {
    setBusy(true);
    setError(null);
    try {
      await recordRecoveryStep(conversationId, step);
      onClose();
    } catch (e) {
      setError(errorPlacement(e as Error));
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const formError = error && !(error.field && fields.includes(error.field)) ? error.message : null;
  return {
    busy,
    submit,
    /** The id of a field's input, for its label. */
    idOf: (field: string) => `${uid}-${field}`,
    fieldError,
    formError,
    fail: (field: string, message: string) => setError({ field, message }),
  };
}

function StepField({
  id,
  label,
  error,
  children,
  className = '',
}: {
  id: string;
  label: string;
  error: string | null;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field step-field ${className}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <span className="field-error" role="alert" data-testid="recovery-field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A step's small form; its first field takes the cursor, since the agent just asked for it. */
function StepForm({ onSubmit, children, testId }: { onSubmit: () => void; children: ReactNode; testId: string }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select')?.focus();
    // The checklist scrolls inside a short band: keep the form's buttons in sight too.
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <form
      ref={form}
      className="step-form"
      data-testid={testId}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** The optional note every step can carry. */
function NoteField({
  id,
  error,
  value,
  onValue,
  placeholder,
  className,
}: {
  id: string;
  error: string | null;
  value: string;
  onValue: (value: string) => void;
  placeholder: string;
  className?: string;
}) {
  return (
    <StepField id={id} label="Note (optional)" error={error} className={className}>
      <input
        id={id}
        data-testid="recovery-note"
        value={value}
        maxLength={1000}
        placeholder={placeholder}
        onChange={(e) => onValue(e.target.value)}
      />
    </StepField>
  );
}

function StepFooter({
  busy,
  error,
  onClose,
  label,
}: {
  busy: boolean;
  error: string | null;
  onClose: () => void;
  label: string;
}) {
  return (
    <FormFooter
      error={error}
      busy={busy}
      onCancel={onClose}
      small
      className="step-form-actions"
      submit={{ label, busyLabel: 'Saving…', testId: 'recovery-save' }}
    />
  );
}

/** The note as the server wants it: left out when blank. */
function withNote(note: string): { note?: string } {
  return note.trim() ? { note: note.trim() } : {};
}

/** Fixed, or followed up: an optional note of what was done. */
export function NoteStepForm({
  conversationId,
  onClose,
  step,
  placeholder,
  submitLabel,
}: StepFormProps & { step: 'fixed' | 'followed_up'; placeholder: string; submitLabel: string }) {
  const [note, setNote] = useState('');
  const { busy, submit, idOf, fieldError, formError } = useStepSubmit(conversationId, onClose, ['note']);
  return (
    <StepForm testId={`recovery-form-${step}`} onSubmit={() => submit({ step, ...withNote(note) })}>
      <NoteField id={idOf('note')} error={fieldError('note')} value={note} onValue={setNote} placeholder={placeholder} />
      <StepFooter busy={busy} error={formError} onClose={onClose} label={submitLabel} />
    </StepForm>
  );
}

const KINDS = Object.keys(COMPENSATION_LABELS) as CompensationKind[];
const CURRENCY_KEY = 'warmline.currency';

function lastCurrency(): string {
  try {
    return localStorage.getItem(CURRENCY_KEY) ?? '';
  } catch {
    return '';
  }
}

/** What was offered to make it right: its kind, its value with the currency, a note — or honestly, none. */
export function CompensationForm({ conversationId, onClose }: StepFormProps) {
  const [kind, setKind] = useState<CompensationKind>('refund');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState(lastCurrency);
  const [note, setNote] = useState('');
  const fields = ['kind', 'valueCents', 'currency', 'note'];
  const { busy, submit, idOf, fieldError, formError, fail } = useStepSubmit(conversationId, onClose, fields);

  const send = () => {
    const extra = withNote(note);
    if (kind === 'none') return submit({ step: 'compensation', kind, ...extra });
    const amount = parseAmount(value);
    if (amount && 'error' in amount) return fail('valueCents', amount.error);
    const code = normaliseCurrency(currency);
    if (code) {
      try {
        localStorage.setItem(CURRENCY_KEY, code);
      } catch {
        // Without storage the currency is simply asked for again next time.
      }
    }
    return submit({
      step: 'compensation',
      kind,
      ...(amount ? { valueCents: amount.cents } : {}),
      ...(code ? { currency: code } : {}),
      ...extra,
    });
  };

  return (
    <StepForm testId="recovery-form-compensation" onSubmit={send}>
      <div className="step-form-row">
        <StepField id={idOf('kind')} label="Offered" error={fieldError('kind')} className="step-field-kind">
          <select
            id={idOf('kind')}
            data-testid="compensation-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as CompensationKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {COMPENSATION_LABELS[k]}
              </option>
            ))}
          </select>
        </StepField>
        {kind === 'none' ? null : (
          <>
            <StepField
              id={idOf('value')}
              label={valueRequired(kind) ? 'Value' : 'Value (optional)'}
              error={fieldError('valueCents')}
              className="step-field-value"
            >
              <input
                id={idOf('value')}
                data-testid="compensation-value"
                inputMode="decimal"
                value={value}
                placeholder="15.00"
                onChange={(e) => setValue(e.target.value)}
              />
            </StepField>
            <StepField id={idOf('currency')} label="Currency" error={fieldError('currency')} className="step-field-currency">
              <input
                id={idOf('currency')}
                data-testid="compensation-currency"
                value={currency}
                maxLength={3}
                placeholder="KES"
                autoCapitalize="characters"
                onChange={(e) => setCurrency(e.target.value.toUpperCase())}
              />
            </StepField>
          </>
        )}
      </div>
      <NoteField
        id={idOf('note')}
        error={fieldError('note')}
        value={note}
        onValue={setNote}
        placeholder={kind === 'none' ? 'Why not, in a few words' : 'e.g. Refunded to the card used'}
      />
      <StepFooter busy={busy} error={formError} onClose={onClose} label="Record" />
    </StepForm>
  );
}

/** When to check back with the customer; the owner is reminded then, once. */
export function FollowUpForm({
  conversationId,
  onClose,
  owner,
  now,
  initial,
}: StepFormProps & { owner: string | null; now: number; initial: string | null }) {
  const [at, setAt] = useState(() => initial ?? suggestedFollowUp(now));
  const [note, setNote] = useState('');
  const { busy, submit, idOf, fieldError, formError, fail } = useStepSubmit(conversationId, onClose, ['at', 'note']);
  const iso = fromLocalInput(at);
  const preview = iso
    ? reminderText({ scheduledFor: iso, note: null, reminded: false, done: false, at: null }, owner, now)
    : null;

  const send = () => {
    if (!iso) return fail('at', 'Pick a date and a time');
    return submit({ step: 'follow_up', at: iso, ...withNote(note) });
  };

  return (
    <StepForm testId="recovery-form-follow_up" onSubmit={send}>
      <div className="step-form-row">
        <StepField id={idOf('at')} label="Follow up on" error={fieldError('at')} className="step-field-when">
          <input
            id={idOf('at')}
            data-testid="follow-up-at"
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </StepField>
        <NoteField
          id={idOf('note')}
          error={fieldError('note')}
          value={note}
          onValue={setNote}
          placeholder="e.g. Check the new cake arrived in one piece"
          className="step-field-grow"
        />
      </div>
      {preview && Date.parse(iso!) > now ? (
        <p className="field-hint" data-testid="follow-up-preview">
          {preview}
        </p>
      ) : null}
      <StepFooter busy={busy} error={formError} onClose={onClose} label="Schedule" />
    </StepForm>
  );
}
