/** The Warmline mark: a warm dot in a ring, and the name. */
export function Wordmark({ size = 22 }: { size?: number }) {
  return (
    <span className="wordmark" style={{ fontSize: size }}>
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="16" cy="16" r="14" fill="var(--accent)" />
        <circle cx="16" cy="16" r="6" fill="var(--bg)" />
      </svg>
      Warmline
    </span>
  );
}
