import type { Callback, Entry, VisitorConversation, WaitEstimate } from '@warmline/shared';

/** A message entry with sensible defaults for tests. */
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

/** A wait estimate with sensible defaults for tests: one person free, nobody ahead, no choices. */
export function waitEstimate(over: Partial<WaitEstimate> = {}): WaitEstimate {
  return {
    agentsAvailable: 1,
    agentsOnShift: 1,
    position: null,
    seconds: 60,
    range: { low: 0, high: 90 },
    text: 'A person will be with you in about a minute.',
    choices: [],
    ...over,
  };
}

/** The visitor's view of their conversation, waiting for a person. */
export function visitorConversation(over: Partial<VisitorConversation> = {}): VisitorConversation {
  return {
    id: 'c1',
    status: 'waiting',
    assignee: null,
    lastSeq: 0,
    promisedReplyBy: null,
    callback: null,
    startedAt: '2025-01-01T12:00:00.000Z',
    ...over,
  };
}

/** A booked callback. */
export function callback(over: Partial<Callback> = {}): Callback {
  return {
    id: 'cb1',
    conversationId: 'c1',
    phone: '+254 712 345 678',
    windowStart: '2025-01-01T14:00:00.000Z',
    windowEnd: '2025-01-01T14:30:00.000Z',
    status: 'scheduled',
    owner: { id: 'a1', displayName: 'Amina', avatarUrl: null },
    createdAt: '2025-01-01T12:01:00.000Z',
    ...over,
  };
}
