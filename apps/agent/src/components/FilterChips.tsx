interface FilterChipsProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  testId?: string;
}

/** A row of chips of which one is on: filters that read as a sentence, "Verified · Looked after by me". */
export function FilterChips<T extends string>({ label, value, options, onChange, testId }: FilterChipsProps<T>) {
  return (
    <fieldset className="chips" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`chip-toggle${o.value === value ? ' is-on' : ''}`}
          aria-pressed={o.value === value}
          data-value={o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
