import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { FormFooter } from './FormFooter.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** When set, the confirm button waits until exactly this is typed: for what cannot be undone. */
  typedConfirmation?: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId?: string;
}

/** Asks once, plainly, before something that changes a person's record. Escape and Cancel close it. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  typedConfirmation,
  danger = false,
  onConfirm,
  onClose,
  testId,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const typedInput = useRef<HTMLInputElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    (typedInput.current ?? submitButton.current)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const ready = typedConfirmation === undefined || typed.trim() === typedConfirmation.trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
        </header>
        <form className="form dialog-form" onSubmit={submit} noValidate>
          <div className="dialog-body">{children}</div>
          {typedConfirmation !== undefined ? (
            <label className="field">
              <span className="field-label">
                Type <strong>{typedConfirmation}</strong> to confirm
              </span>
              <input
                ref={typedInput}
                data-testid="confirm-typed"
                value={typed}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setTyped(e.target.value)}
              />
            </label>
          ) : null}
          <FormFooter
            error={error}
            busy={busy}
            onCancel={onClose}
            canSubmit={ready}
            submitRef={typedConfirmation === undefined ? submitButton : undefined}
            submit={{ label: confirmLabel, busyLabel, testId: 'confirm-submit', tone: danger ? 'danger' : 'primary' }}
          />
        </form>
      </div>
    </div>
  );
}
