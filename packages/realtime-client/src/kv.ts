/** The small key/value surface a client persists to; localStorage in the browser, a Map in tests. */
export interface KV {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** An in-memory KV: the fallback when localStorage is blocked (private mode, sandboxed iframes) and the test double. */
export function memoryKV(): KV {
  const m = new Map<string, string>();
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => void m.set(k, v),
    remove: (k) => void m.delete(k),
  };
}

/** Parse JSON stored by us, tolerating corruption (another version, a user poking at devtools). */
export function readJSON<T>(kv: KV, key: string, fallback: T): T {
  const raw = kv.get(key);
  if (raw == null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** localStorage when it works, else memory: a storage failure must never break the page itself. */
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
