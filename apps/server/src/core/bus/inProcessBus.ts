import type { Bus, WarmlineEvent } from '../events.ts';

/** The embedded bus: one process, listeners called synchronously in publish order. */
export function inProcessBus(): Bus {
  const listeners = new Set<(event: WarmlineEvent) => void>();
  return {
    async publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // One process never loses an event in transit.
    onGap: () => () => {},
    ping: async () => true,
    close: async () => listeners.clear(),
  };
}
