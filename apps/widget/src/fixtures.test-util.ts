import type { Callback, VisitorConversation, WaitEstimate } from '@warmline/shared/types';

export { entry } from '@warmline/realtime-client/testing';

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
    inBrowser: false,
    status: 'scheduled',
    tries: 0,
    owner: { id: 'a1', displayName: 'Amina', avatarUrl: null },
    createdAt: '2025-01-01T12:01:00.000Z',
    ...over,
  };
}
