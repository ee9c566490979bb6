/**
 * Adds the next page of a cursor-paged list to what is already shown. Anything already held stays
 * where it is (a row that moved between two reads is never shown twice); the same array comes back
 * when nothing is new, so the view does not re-render.
 */
export function appendPage<T>(held: readonly T[], page: readonly T[], keyOf: (item: T) => string): readonly T[] {
  const seen = new Set(held.map(keyOf));
  const fresh: T[] = [];
  for (const item of page) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(item);
  }
  return fresh.length === 0 ? held : [...held, ...fresh];
}

/** A cursor-paged list as a page shows it: the rows so far and where to read on (null: the end). */
export interface Paged<T> {
  items: readonly T[];
  nextCursor: string | null;
}
