import { useQuery } from '@tanstack/react-query';
import type { Location } from '@warmline/shared/types';
import { queryClient, queryKeys } from '../api/queryClient.ts';
import { call } from '../api/routes.ts';

const NONE: readonly Location[] = [];
const readLocations = () => call('GET /locations').then(({ locations }) => locations);

/**
 * The locations this person works at (every one, for supervisors and admins): the sidebar shows "Store" only when
 * there are some. `ready` is false until the first read answers.
 */
export function useLocations(): { locations: readonly Location[]; ready: boolean } {
  const query = useQuery({ queryKey: queryKeys.locations, queryFn: readLocations, staleTime: 60_000 });
  return { locations: query.data ?? NONE, ready: query.isSuccess };
}

/** A location was opened or changed here: read the list again. */
export function locationsChanged(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.locations });
}

/**
 * The socket says a location's walk-in line moved, or the location changed: its staff view (if open) reads it again,
 * and a location this person has not seen yet (just opened, or they were just added to it) is looked for.
 */
export function storeLineMoved(locationId: string, now = Date.now()): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.storeQueue(locationId), refetchType: 'active' });
  const known = queryClient.getQueryData<Location[]>(queryKeys.locations);
  if (known?.some((l) => l.id === locationId)) return;
  // Everyone in the workspace hears every store's frames: someone who works elsewhere looks at most once a minute.
  if (now - (lookedFor.get(locationId) ?? Number.NEGATIVE_INFINITY) < LOOK_AGAIN_MS) return;
  lookedFor.set(locationId, now);
  void locationsChanged();
}

const LOOK_AGAIN_MS = 60_000;
const lookedFor = new Map<string, number>();
