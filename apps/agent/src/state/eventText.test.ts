import type { Entry } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './eventText.ts';

function event(type: string, data: Record<string, unknown>, authorName: string | null, body = ''): Entry {
  return {
    id: 'e1',
    conversationId: 'c1',
    seq: 3,
    kind: 'event',
    direction: null,
    channel: null,
    body,
    clientId: null,
    author: { kind: authorName ? 'agent' : 'system', id: null, name: authorName, avatarUrl: null },
    event: { type, data },
    createdAt: '2025-01-01T10:00:00.000Z',
  };
}

describe('describeEvent', () => {
  it("uses the server's own sentence when there is one", () => {
    expect(describeEvent(event('assigned', {}, 'Amina', 'Amina took the conversation'))).toBe('Amina took the conversation');
  });

  it('says who took a conversation', () => {
    expect(describeEvent(event('assigned', { agentName: 'Amina' }, 'Amina'))).toBe('Amina took the conversation');
    expect(describeEvent(event('assigned', { agentName: 'Ben' }, 'Amina'))).toBe('Amina assigned the conversation to Ben');
  });

  it('says who resolved it', () => {
    expect(describeEvent(event('status_changed', { from: 'active', to: 'resolved' }, 'Amina'))).toBe('Resolved by Amina');
    expect(describeEvent(event('resolved', {}, 'Amina'))).toBe('Resolved by Amina');
  });

  it('reads an unknown event type aloud instead of hiding it', () => {
    expect(describeEvent(event('sla_breached', {}, null))).toBe('sla breached');
  });
});
