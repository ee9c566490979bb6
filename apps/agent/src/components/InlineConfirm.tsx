import { useState } from 'react';

interface InlineConfirmProps {
  /** What the × button says to a screen reader, e.g. "Remove Grace Mwangi". */
  label: string;
  title: string;
  onConfirm: () => Promise<void> | void;
}

/** A quiet × that asks "Remove · Keep" in place before removing anything. */
export function InlineConfirm({ label, title, onConfirm }: InlineConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="icon-button inline-remove"
        aria-label={label}
        title={title}
        onClick={() => setAsking(true)}
      >
        ×
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span className="inline-confirm">
      <button type="button" className="link-button danger-link" disabled={busy} onClick={confirm}>
        Remove
      </button>
      <button type="button" className="link-button quiet-link" disabled={busy} onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
