import { describe, expect, it } from 'vitest';
import { queryClient, queryKeys } from '../api/queryClient.ts';
import { location } from '../testing/fixtures.ts';
import { storeLineMoved } from './locations.ts';

const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated ?? false;

describe('a store frame from the socket', () => {
  it('has that location’s line read again, and leaves the list of locations alone when it is known', () => {
    queryClient.setQueryData(queryKeys.locations, [location('westlands')]);
    queryClient.setQueryData(queryKeys.storeQueue('westlands'), { tickets: [] });
    storeLineMoved('westlands');
    expect(invalidated(queryKeys.storeQueue('westlands'))).toBe(true);
    expect(invalidated(queryKeys.locations)).toBe(false);
  });

  it('looks for a location this person has not seen yet (just opened, or they were just added to its staff), at most once a minute', () => {
    const at = Date.parse('2031-01-08T07:00:00Z');
    queryClient.setQueryData(queryKeys.locations, [location('westlands')]);
    storeLineMoved('karen', at);
    expect(invalidated(queryKeys.locations)).toBe(true);

    // Someone who does not work at Karen hears its every check-in: the list is not read again for each.
    queryClient.setQueryData(queryKeys.locations, [location('westlands')]);
    storeLineMoved('karen', at + 30_000);
    expect(invalidated(queryKeys.locations)).toBe(false);
    storeLineMoved('karen', at + 61_000);
    expect(invalidated(queryKeys.locations)).toBe(true);
  });
});
