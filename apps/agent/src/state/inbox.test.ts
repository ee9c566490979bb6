import type { Conversation } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { belongsTo, countsAfterChange, fresher, listFor, startedWaiting, withEntry } from './inbox.ts';

const amina = { id: 'a1', displayName: 'Amina', avatarUrl: null };
const ben = { id: 'a2', displayName: 'Ben', avatarUrl: null };

function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    status: 'waiting',
    channel: 'chat',
    customer: { id: `cu-${id}`, name: null, email: null, createdAt: '2025-01-01T10:00:00.000Z' },
    assignee: null,
    priority: 0,
    lastSeq: 1,
    lastMessage: { body: 'Hello?', direction: 'in', at: '2025-01-01T10:00:00.000Z' },
    promisedReplyBy: null,
    startedAt: '2025-01-01T10:00:00.000Z',
    humanConnectedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('inbox tabs', () => {
  it('lists a waiting conversation under Waiting and All, not under Mine', () => {
    const c = conversation('c1');
    expect(belongsTo('waiting', 'open', c, amina.id)).toBe(true);
    expect(belongsTo('all', 'open', c, amina.id)).toBe(true);
    expect(belongsTo('mine', 'open', c, amina.id)).toBe(false);
  });

  it('moves a taken conversation to Mine for the agent who took it only', () => {
    const c = conversation('c1', { status: 'active', assignee: amina });
    expect(belongsTo('waiting', 'open', c, amina.id)).toBe(false);
    expect(belongsTo('mine', 'open', c, amina.id)).toBe(true);
    expect(belongsTo('mine', 'open', c, ben.id)).toBe(false);
  });

  it('shows resolved conversations only with the resolved filter', () => {
    const c = conversation('c1', { status: 'resolved', assignee: amina });
    expect(belongsTo('mine', 'open', c, amina.id)).toBe(false);
    expect(belongsTo('all', 'open', c, amina.id)).toBe(false);
    expect(belongsTo('all', 'resolved', c, amina.id)).toBe(true);
  });

  it('puts the longest wait first under Waiting and the latest activity first elsewhere', () => {
    const all = {
      old: conversation('old', { startedAt: '2025-01-01T09:00:00.000Z', updatedAt: '2025-01-01T09:30:00.000Z' }),
      recent: conversation('recent', { startedAt: '2025-01-01T09:10:00.000Z', updatedAt: '2025-01-01T10:30:00.000Z' }),
    };
    expect(listFor(all, 'waiting', 'open', amina.id).map((c) => c.id)).toEqual(['old', 'recent']);
    expect(listFor(all, 'all', 'open', amina.id).map((c) => c.id)).toEqual(['recent', 'old']);
  });
});

describe('countsAfterChange', () => {
  const counts = { waiting: 2, mine: 1, all: 5 };

  it('counts a new waiting conversation at once', () => {
    expect(countsAfterChange(counts, undefined, conversation('c9'), amina.id)).toEqual({ waiting: 3, mine: 1, all: 6 });
  });

  it('moves a taken conversation from Waiting to Mine', () => {
    const before = conversation('c1');
    const after = conversation('c1', { status: 'active', assignee: amina });
    expect(countsAfterChange(counts, before, after, amina.id)).toEqual({ waiting: 1, mine: 2, all: 5 });
  });

  it('never goes below zero', () => {
    const before = conversation('c1');
    const after = conversation('c1', { status: 'resolved' });
    expect(countsAfterChange({ waiting: 0, mine: 0, all: 0 }, before, after, amina.id)).toEqual({ waiting: 0, mine: 0, all: 0 });
  });
});

describe('conversation changes', () => {
  it('notices a conversation that starts waiting, once', () => {
    expect(startedWaiting(undefined, conversation('c1'))).toBe(true);
    expect(startedWaiting(conversation('c1'), conversation('c1'))).toBe(false);
    expect(startedWaiting(conversation('c1', { status: 'resolved' }), conversation('c1'))).toBe(true);
  });

  it('updates the preview from a newer message', () => {
    const c = conversation('c1');
    const next = withEntry(c, {
      id: 'e2',
      conversationId: 'c1',
      seq: 2,
      kind: 'message',
      direction: 'in',
      channel: 'chat',
      body: 'Anyone there?',
      clientId: null,
      author: { kind: 'customer', id: null, name: null, avatarUrl: null },
      event: null,
      createdAt: '2025-01-01T10:05:00.000Z',
    });
    expect(next.lastMessage?.body).toBe('Anyone there?');
    expect(next.lastSeq).toBe(2);
    expect(withEntry(next, { ...next.lastMessage, seq: 1 } as never)).toBe(next);
  });

  it('keeps the fresher copy when a REST read and a frame cross', () => {
    const older = conversation('c1');
    const newer = conversation('c1', { status: 'active', updatedAt: '2025-01-01T10:01:00.000Z' });
    expect(fresher(newer, older)).toBe(newer);
    expect(fresher(older, newer)).toBe(newer);
    expect(fresher(undefined, older)).toBe(older);
  });
});
