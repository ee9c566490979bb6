import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { queryKeys } from '../api/queryClient.ts';
import { appendPage, type Paged } from '../state/paging.ts';

export type PagedState = 'loading' | 'ready' | 'error' | 'more';

interface PagedListOptions<T> {
  /** Which kind of list this is (`customers`, `organizations`, a story): keys are only unique within it. */
  scope: string;
  /** Reads a page: the first one with a null cursor. */
  read: (cursor: string | null) => Promise<Paged<T>>;
  keyOf: (item: T) => string;
  /** Starts over from the first page whenever this changes (a new filter, another person). */
  key: string;
  /** How a page joins what is shown; by default appended, nothing twice. */
  merge?: (held: readonly T[], page: readonly T[]) => readonly T[];
}

/**
 * A cursor-paged list read from the API through the query cache: the first page on each new key (the previous
 * key's rows stay until it arrives), more on request, a retry after a failure.
 */
export function usePagedList<T>({ scope, read, keyOf, key, merge }: PagedListOptions<T>) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.paged(scope, key),
    queryFn: ({ pageParam }) => read(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const join = useCallback(
    (held: readonly T[], page: readonly T[]) => (merge ? merge(held, page) : appendPage(held, page, keyOf)),
    [merge, keyOf],
  );
  const pages = query.data?.pages;
  const items = useMemo(() => (pages ?? []).reduce<readonly T[]>((held, page) => join(held, page.items), []), [pages, join]);
  const nextCursor = pages?.at(-1)?.nextCursor ?? null;
  const state: PagedState = query.isFetchingNextPage
    ? 'more'
    : query.isError
      ? 'error'
      : query.isPending || query.isPlaceholderData
        ? 'loading'
        : 'ready';

  const more = async () => {
    if (nextCursor) await query.fetchNextPage();
  };

  return { items, nextCursor, state, more, retry: () => void query.refetch() };
}
