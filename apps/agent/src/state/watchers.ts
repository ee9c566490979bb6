import { useSyncExternalStore } from 'react';

/**
 * Who watches one of the app's small stores (calls, the phone line, a talk between two agents): `notify` after each
 * change, and `useSlice` reads a slice in a component. The selector must return something already in the state.
 */
export function watchers<S>(read: () => S) {
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    notify(): void {
      for (const l of listeners) l();
    },
    useSlice<T>(selector: (s: S) => T): T {
      return useSyncExternalStore(subscribe, () => selector(read()));
    },
  };
}
