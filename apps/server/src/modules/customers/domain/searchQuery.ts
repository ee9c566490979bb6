/**
 * Turns what an agent is typing into a PostgreSQL tsquery for the 'simple' configuration: every word
 * is a prefix (the last one is usually half-typed) and all must match. Quotes, operators and
 * punctuation are never passed through, so no input can make the query invalid.
 * Returns null when there is nothing worth searching for yet.
 */
export function toPrefixQuery(input: string): string | null {
  const words = (
    input
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map((w) => w.slice(0, 60));
  const useful = words.filter((w) => w.length >= 2 || /\p{N}/u.test(w));
  if (useful.length === 0) return null;
  const unique = [...new Set(useful)].slice(0, 8);
  // Only letters and digits remain, so quoting cannot be broken out of.
  return unique.map((w) => `'${w}':*`).join(' & ');
}

/** The text typed, as a prefix for matching stored contact points (emails, phones, external ids). */
export function toContactPrefix(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length < 3 || value.length > 200) return null;
  // LIKE wildcards typed by the agent are matched literally.
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
