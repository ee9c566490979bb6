import { useState } from 'react';

/** A read-only value with a Copy button: invitation links, the embed code. */
export function CopyField({
  value,
  label,
  testId,
  copyTestId,
}: {
  value: string;
  label: string;
  testId: string;
  copyTestId: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="copy-row">
      <input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} aria-label={label} />
      <button type="button" className="btn" onClick={copy} data-testid={copyTestId}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
