import type {
  Agent,
  Alert,
  Callback,
  Conversation,
  CustomerProfile,
  CustomerSummary,
  Entry,
  Location,
  PendingTransfer,
  Recovery,
  StaffTicket,
  Team,
} from '@warmline/shared';

/** Test data shaped exactly like the shared contract, with calm defaults and per-test overrides. */

export const T0 = '2025-01-01T10:00:00.000Z';

export function publicAgent(id: string, displayName: string) {
  return { id, displayName, avatarUrl: null };
}

export function agent(id: string, overrides: Partial<Agent> = {}): Agent {
  return {
    id,
    displayName: overrides.displayName ?? id,
    avatarUrl: null,
    email: `${id}@example.test`,
    role: 'agent',
    presence: 'available',
    openConversations: 0,
    capacity: { chat: 3 },
    skills: [],
    languages: ['en'],
    teamIds: [],
    createdAt: T0,
    ...overrides,
  };
}

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    status: 'waiting',
    channel: 'chat',
    customer: { id: `cu-${id}`, name: null, email: null, createdAt: T0 },
    assignee: null,
    priority: 0,
    effectivePriority: 0,
    upset: false,
    serviceFailure: false,
    team: null,
    language: null,
    skills: [],
    queueSince: overrides.startedAt ?? T0,
    escalatedAt: null,
    transfers: 0,
    pendingTransfer: null,
    callback: null,
    timeToHumanSeconds: null,
    lastSeq: 1,
    lastMessage: { body: 'Hello?', direction: 'in', at: T0 },
    promisedReplyBy: null,
    startedAt: T0,
    humanConnectedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    updatedAt: T0,
    ...overrides,
  };
}

export function pendingTransfer(overrides: Partial<PendingTransfer> = {}): PendingTransfer {
  return {
    from: publicAgent('a1', 'Amina'),
    toAgent: null,
    toTeam: null,
    note: 'Parcel lost twice; she is tired of explaining.',
    reason: null,
    at: T0,
    ...overrides,
  };
}

export function callback(overrides: Partial<Callback> = {}): Callback {
  return {
    id: 'cb1',
    conversationId: 'c1',
    phone: '+254 712 345 678',
    windowStart: '2025-01-01T14:00:00.000Z',
    windowEnd: '2025-01-01T14:30:00.000Z',
    inBrowser: false,
    status: 'scheduled',
    tries: 0,
    owner: null,
    createdAt: T0,
    ...overrides,
  };
}

export function team(id: string, overrides: Partial<Team> = {}): Team {
  return {
    id,
    name: id,
    targetSeconds: 120,
    channelTargets: {},
    offerChoicesAfterSeconds: 300,
    continuityGraceSeconds: 600,
    memberIds: [],
    ...overrides,
  };
}

export function customerSummary(id: string, overrides: Partial<CustomerSummary> = {}): CustomerSummary {
  return { id, name: null, email: null, phone: null, verified: false, erased: false, createdAt: T0, ...overrides };
}

export function customerProfile(id: string, overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  return {
    ...customerSummary(id),
    identities: [],
    memberships: [],
    owner: null,
    customerSince: T0,
    attributes: {},
    conversations: [],
    notes: [],
    suggestions: [],
    merges: [],
    ...overrides,
  };
}

/** A customer's chat message on conversation c1 unless overridden. */
export function entry(seq: number, overrides: Partial<Entry> = {}): Entry {
  return {
    id: `e${seq}`,
    conversationId: 'c1',
    seq,
    kind: 'message',
    direction: 'in',
    channel: 'chat',
    body: `message ${seq}`,
    clientId: null,
    author: { kind: 'customer', id: null, name: 'Sam', avatarUrl: null },
    event: null,
    createdAt: T0,
    ...overrides,
  };
}

/** A recovery checklist just started on c1, nothing ticked yet. */
export function recovery(overrides: Partial<Recovery> = {}): Recovery {
  return {
    conversationId: 'c1',
    reason: 'The cake never came',
    flaggedBy: publicAgent('a1', 'Amina Odhiambo'),
    flaggedAt: T0,
    owner: publicAgent('a1', 'Amina Odhiambo'),
    steps: {
      acknowledged: { done: false, at: null },
      fixed: { done: false, at: null, note: null },
      compensation: { done: false, at: null, kind: null, valueCents: null, currency: null, note: null },
      followUp: { scheduledFor: null, note: null, reminded: false, done: false, at: null },
    },
    recovered: false,
    ...overrides,
  };
}

/** Alerts arrive newest first; `createdAt` defaults to T0. */
export function alert(id: string, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'mood_drop',
    conversationId: 'c1',
    customerName: 'Sam',
    text: 'Mood dropped sharply: from thankful to angry',
    createdAt: T0,
    acknowledgedAt: null,
    acknowledgedBy: null,
    ...overrides,
  };
}

export function staffTicket(id: string, overrides: Partial<StaffTicket> = {}): StaffTicket {
  return {
    id,
    code: `R${id}`,
    status: 'waiting',
    name: `Walk-in ${id}`,
    service: 'Returns',
    customerId: `cu_${id}`,
    conversationId: `c_${id}`,
    checkedInAt: T0,
    awayUntil: null,
    servedBy: null,
    mood: null,
    lastContact: null,
    ...overrides,
  };
}

export function location(id: string, overrides: Partial<Location> = {}): Location {
  return {
    id,
    slug: id,
    name: `Store ${id}`,
    address: '',
    timezone: 'Africa/Nairobi',
    openingHours: { mon: ['09:00', '17:00'] },
    holidays: [],
    services: [{ id: 's1', name: 'Returns', typicalMinutes: 10 }],
    staff: [],
    ...overrides,
  };
}
