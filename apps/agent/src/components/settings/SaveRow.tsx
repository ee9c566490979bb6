import { useState } from 'react';

/** A section's save state: busy while saving, then "Saved." or the server's own words about what is wrong. */
export function useSaving() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (save: () => Promise<unknown>, done = 'Saved.') => {
    setBusy(true);
    setStatus(null);
    try {
      await save();
      setStatus({ ok: true, text: done });
    } catch (e) {
      setStatus({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return { busy, status, run };
}

/** The Save button of a settings card and what came of the last save. */
export function SaveRow({
  busy,
  status,
  testId,
  label = 'Save',
}: {
  busy: boolean;
  status: { ok: boolean; text: string } | null;
  testId: string;
  label?: string;
}) {
  return (
    <div className="save-row">
      {status ? (
        <p
          className={status.ok ? 'form-ok' : 'form-error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid={`${testId}-status`}
        >
          {status.text}
        </p>
      ) : (
        <span />
      )}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={testId}>
        {busy ? 'Saving…' : label}
      </button>
    </div>
  );
}
