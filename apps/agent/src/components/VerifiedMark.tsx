/** ✓ verified when a contact point is proven; a quiet "unverified" when it was only typed. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  return verified ? (
    <span
      className="verified is-verified"
      data-testid="verified-mark"
      title="Proven: signed in, imported, or confirmed by a colleague"
    >
      ✓ verified
    </span>
  ) : (
    <span className="verified" data-testid="unverified-mark" title="Typed by the customer; not proven yet">
      unverified
    </span>
  );
}
