import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorPlacement } from '../state/recovery.ts';
import { flagServiceFailure } from '../state/recoveryActions.ts';
import { FormFooter } from './FormFooter.tsx';

interface FailureFlagFormProps {
  conversationId: string;
  onClose: () => void;
}

/** "What went wrong?" in a few words, then the conversation is a service failure and its checklist starts. */
export function FailureFlagForm({ conversationId, onClose }: FailureFlagFormProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await flagServiceFailure(conversationId, reason.trim());
      onClose();
    } catch (e) {
      setError(errorPlacement(e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form
      className="failure-flag-form"
      data-testid="service-failure-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <label className="failure-flag-field">
        <span className="field-label">What went wrong? In a few words — it starts the recovery checklist.</span>
        <input
          ref={input}
          data-testid="service-failure-reason"
          value={reason}
          maxLength={500}
          placeholder="e.g. The Saturday cake was never baked"
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <FormFooter
        error={error}
        busy={busy}
        onCancel={onClose}
        small
        className="failure-flag-actions"
        canSubmit={reason.trim() !== ''}
        submit={{ label: 'Flag service failure', busyLabel: 'Flagging…', testId: 'service-failure-submit' }}
      />
    </form>
  );
}
