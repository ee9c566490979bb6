import type { InputHTMLAttributes } from 'react';

type FieldProps = { label: string; onValue: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'>;

/** A labelled text input: the label above, the input filling the width. */
export function Field({ label, onValue, ...input }: FieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input {...input} onChange={(e) => onValue(e.target.value)} />
    </label>
  );
}
