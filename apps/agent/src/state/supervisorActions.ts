import { useQuery } from '@tanstack/react-query';
import type { SupervisorOverview } from '@warmline/shared/types';
import { useMemo } from 'react';
import { supervisorApi } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { queryClient, queryKeys } from '../api/queryClient.ts';
import { applyAlertRead } from './alertActions.ts';

const REFRESH_EVERY_MS = 10_000;
const DEBOUNCE_MS = 1_000;

let debounce: ReturnType<typeof setTimeout> | null = null;

async function readOverview(): Promise<SupervisorOverview> {
  const startedAt = Date.now();
  const data = await supervisorApi.overview();
  if (data.alerts) applyAlertRead(data.alerts, startedAt);
  return data;
}

export type OverviewState = 'loading' | 'ready' | 'error' | 'forbidden';

/**
 * The live overview while a supervisor page shows it: read now and every 10 s, and again shortly after the
 * socket says a conversation, a presence or an alert changed. `at` is when it was read, so waits keep counting.
 */
export function useOverview(enabled: boolean) {
  const query = useQuery({
    queryKey: queryKeys.overview,
    queryFn: readOverview,
    enabled,
    refetchInterval: REFRESH_EVERY_MS,
  });
  const forbidden = query.error instanceof ApiError && query.error.status === 403;
  const state: OverviewState = forbidden ? 'forbidden' : query.data ? 'ready' : query.isError ? 'error' : 'loading';
  const { data, dataUpdatedAt } = query;
  const overview = useMemo(() => (data ? { data, at: dataUpdatedAt } : null), [data, dataUpdatedAt]);
  return { overview, state, reload: () => void query.refetch() };
}

/** A conversation or presence changed: re-read about a second later, once per burst (only while a page watches). */
export function overviewMayHaveChanged(): void {
  if (debounce) clearTimeout(debounce);
  debounce = setTimeout(() => {
    debounce = null;
    void queryClient.invalidateQueries({ queryKey: queryKeys.overview, refetchType: 'active' });
  }, DEBOUNCE_MS);
}
