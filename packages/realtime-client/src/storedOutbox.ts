import { type KV, readJSON } from './kv.ts';
import type { OutboxMessage, OutboxStore } from './outbox.ts';

/** A message kept in browser storage; `at` (epoch ms, when it was written) orders it on screen. */
export interface StoredMessage extends OutboxMessage {
  at: number;
}

type Saved = Pick<StoredMessage, 'clientId' | 'body' | 'at' | 'attachments'>;

function isSaved(x: unknown): x is Saved {
  const o = x as Saved;
  return !!o && typeof o.clientId === 'string' && typeof o.body === 'string' && typeof o.at === 'number';
}

/**
 * Unacknowledged messages persisted under `key`, so a reload, a crash or a closed laptop never loses them.
 * Every read goes to storage: two tabs share one outbox and must not overwrite each other's messages.
 * Failed messages stay in this page's memory only: a refusal the visitor never retries must not come back
 * on every visit.
 */
export function storedOutbox(kv: KV, key: string): OutboxStore<StoredMessage> {
  let failed: StoredMessage[] = [];
  const saved = (): StoredMessage[] => {
    const raw = readJSON<unknown>(kv, key, []);
    const items = Array.isArray(raw) ? raw.filter(isSaved) : [];
    return items.map(({ clientId, body, at, attachments }) => ({
      clientId,
      body,
      at,
      ...(Array.isArray(attachments) && attachments.length ? { attachments } : {}),
      status: 'sending',
      error: null,
    }));
  };
  return {
    read: () => {
      const pending = saved();
      const held = new Set(pending.map((m) => m.clientId));
      return [...pending, ...failed.filter((m) => !held.has(m.clientId))];
    },
    write: (messages) => {
      const pending = messages
        .filter((m) => m.status === 'sending')
        .map(({ clientId, body, at, attachments }) => ({ clientId, body, at, ...(attachments?.length ? { attachments } : {}) }));
      failed = messages.filter((m) => m.status === 'failed');
      if (pending.length) kv.set(key, JSON.stringify(pending));
      else kv.remove(key);
    },
  };
}
