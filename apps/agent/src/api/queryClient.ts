import { QueryClient } from '@tanstack/react-query';

/**
 * The server state the agent app reads over REST, cached by query key; socket frames write into it.
 * A failed read shows at once with a way to try again (no silent retries), and the socket, not window focus,
 * says when something changed.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

/** Query keys, one per kind of server state. */
export const queryKeys = {
  agents: ['agents'] as const,
  teams: ['teams'] as const,
  tagsInUse: ['tags', 'inUse'] as const,
  overview: ['supervisor', 'overview'] as const,
  locations: ['store', 'locations'] as const,
  storeQueue: (locationId: string) => ['store', 'queue', locationId] as const,
  paged: (scope: string, key: string) => ['paged', scope, key] as const,
};
