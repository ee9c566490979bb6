import type { Entry } from '@warmline/shared/types';

/** A message entry with sensible defaults for tests: a customer's, on c1, a second apart by seq. */
export function entry(seq: number, over: Partial<Entry> = {}): Entry {
  const direction = over.direction ?? 'in';
  return {
    id: `e${seq}`,
    conversationId: 'c1',
    seq,
    kind: 'message',
    direction,
    channel: 'chat',
    body: `message ${seq}`,
    clientId: null,
    author:
      direction === 'out'
        ? { kind: 'agent', id: 'a1', name: 'Amina', avatarUrl: null }
        : { kind: 'customer', id: 'v1', name: null, avatarUrl: null },
    event: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    ...over,
  };
}
