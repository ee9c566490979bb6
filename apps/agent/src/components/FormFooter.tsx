import type { Ref } from 'react';

interface FormFooterProps {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  submit: { label: string; busyLabel: string; testId?: string; tone?: 'primary' | 'danger' | 'plain' };
  canSubmit?: boolean;
  /** Small buttons for forms inside a card or a panel. */
  small?: boolean;
  className?: string;
  errorTestId?: string;
  submitRef?: Ref<HTMLButtonElement>;
}

/** A form's error line and its Cancel / submit buttons, the same in every form. */
export function FormFooter({
  error,
  busy,
  onCancel,
  submit,
  canSubmit = true,
  small = false,
  className = 'dialog-actions',
  errorTestId,
  submitRef,
}: FormFooterProps) {
  const size = small ? ' btn-small' : '';
  const tone = submit.tone === 'plain' ? '' : submit.tone === 'danger' ? ' btn-danger' : ' btn-primary';
  return (
    <>
      {error ? (
        <p className="form-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
      <div className={className}>
        <button type="button" className={`btn btn-quiet${size}`} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          ref={submitRef}
          type="submit"
          className={`btn${tone}${size}`}
          data-testid={submit.testId}
          disabled={busy || !canSubmit}
        >
          {busy ? submit.busyLabel : submit.label}
        </button>
      </div>
    </>
  );
}
