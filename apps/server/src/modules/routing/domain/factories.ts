import type { AgentSlot, QueuedConversation } from './types.ts';

// Test factories for the routing domain: a plain available chat agent and a plain waiting chat, with overrides.

export const T0 = new Date('2026-03-02T09:00:00Z');

/** A moment `seconds` after T0. */
export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

/** An available agent with room for two chats and nothing open. */
export function buildAgent(overrides: Partial<AgentSlot> = {}): AgentSlot {
  return {
    id: 'amina',
    presence: 'available',
    teamIds: ['support'],
    skills: [],
    languages: ['en'],
    capacity: { chat: 2, email: 5 },
    open: {},
    lastAssignedAt: null,
    ...overrides,
  };
}

/** A calm chat for the support team that started waiting at T0. */
export function buildConversation(overrides: Partial<QueuedConversation> = {}): QueuedConversation {
  return {
    id: 'c1',
    channel: 'chat',
    teamId: 'support',
    basePriority: 0,
    upset: false,
    serviceFailure: false,
    escalated: false,
    language: null,
    skills: [],
    waitingSince: T0,
    preferred: null,
    ...overrides,
  };
}
