import { useCallback, useEffect, useState } from 'react';
import { appendPage, type Paged } from '../state/paging.ts';

export type PagedState = 'loading' | 'ready' | 'error' | 'more';

interface PagedListOptions<T> {
  /** Reads a page: the first one with a null cursor. */
  read: (cursor: string | null) => Promise<Paged<T>>;
  keyOf: (item: T) => string;
  /** Starts over from the first page whenever this changes (a new filter, another person). */
  key: string;
  /** How a page joins what is shown; by default appended, nothing twice. */
  merge?: (held: readonly T[], page: readonly T[]) => readonly T[];
}

/** A cursor-paged list read from the API: the first page on each new key, more on request, a retry after a failure. */
export function usePagedList<T>({ read, keyOf, key, merge }: PagedListOptions<T>) {
  const [items, setItems] = useState<readonly T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<PagedState>('loading');
  const [attempt, setAttempt] = useState(0);
  const join = useCallback(
    (held: readonly T[], page: readonly T[]) => (merge ? merge(held, page) : appendPage(held, page, keyOf)),
    [merge, keyOf],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `read` reads; a retry reads again
  useEffect(() => {
    let live = true;
    setState('loading');
    read(null).then(
      (page) => {
        if (!live) return;
        setItems(join([], page.items));
        setNextCursor(page.nextCursor);
        setState('ready');
      },
      () => live && setState('error'),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const more = async () => {
    if (!nextCursor) return;
    setState('more');
    try {
      const page = await read(nextCursor);
      setItems((held) => join(held, page.items));
      setNextCursor(page.nextCursor);
      setState('ready');
    } catch {
      setState('error');
    }
  };

  return { items, nextCursor, state, more, retry: () => setAttempt((n) => n + 1) };
}
