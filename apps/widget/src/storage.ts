import { type KV, memoryKV } from '@warmline/realtime-client';

export { type KV, memoryKV, readJSON } from '@warmline/realtime-client';

/** localStorage when it works, else memory: a storage failure must never break the chat itself. */
export function browserKV(): KV {
  const mem = memoryKV();
  let ls: Storage | null = null;
  try {
    ls = window.localStorage;
    const probe = 'warmline:probe';
    ls.setItem(probe, '1');
    ls.removeItem(probe);
  } catch {
    ls = null;
  }
  if (!ls) return mem;
  const store = ls;
  return {
    get: (k) => {
      try {
        return store.getItem(k);
      } catch {
        return mem.get(k);
      }
    },
    set: (k, v) => {
      try {
        store.setItem(k, v);
      } catch {
        mem.set(k, v); // quota full: keep it for this page at least
      }
    },
    remove: (k) => {
      try {
        store.removeItem(k);
      } catch {
        mem.remove(k);
      }
    },
  };
}

/** Storage keys are namespaced per workspace so two Warmline widgets on one site never mix. */
export function storageKey(workspaceKey: string, name: 'token' | 'outbox' | 'seen' | 'promise' | 'callback' | 'user'): string {
  return `warmline:${workspaceKey}:${name}`;
}
