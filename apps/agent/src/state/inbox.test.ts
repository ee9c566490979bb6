import { describe, expect, it } from 'vitest';
import { conversation, pendingTransfer, publicAgent } from '../testing/fixtures.ts';
import { belongsTo, countsAfterChange, fresher, listFor, startedWaiting, withEntry, withHandoffs } from './inbox.ts';

const amina = { id: 'a1', displayName: 'Amina', avatarUrl: null, teamIds: [] as string[] };
const ben = { id: 'a2', displayName: 'Ben', avatarUrl: null, teamIds: ['t-deliveries'] };

describe('inbox tabs', () => {
  it('lists a waiting conversation under Waiting and All, not under Mine', () => {
    const c = conversation('c1');
    expect(belongsTo('waiting', 'open', c, amina)).toBe(true);
    expect(belongsTo('all', 'open', c, amina)).toBe(true);
    expect(belongsTo('mine', 'open', c, amina)).toBe(false);
  });

  it('moves a taken conversation to Mine for the agent who took it only', () => {
    const c = conversation('c1', { status: 'active', assignee: amina });
    expect(belongsTo('waiting', 'open', c, amina)).toBe(false);
    expect(belongsTo('mine', 'open', c, amina)).toBe(true);
    expect(belongsTo('mine', 'open', c, ben)).toBe(false);
  });

  it('shows resolved conversations only with the resolved filter', () => {
    const c = conversation('c1', { status: 'resolved', assignee: amina });
    expect(belongsTo('mine', 'open', c, amina)).toBe(false);
    expect(belongsTo('all', 'open', c, amina)).toBe(false);
    expect(belongsTo('all', 'resolved', c, amina)).toBe(true);
  });

  it('puts the longest wait first under Waiting and the latest activity first elsewhere', () => {
    const all = {
      old: conversation('old', { startedAt: '2025-01-01T09:00:00.000Z', updatedAt: '2025-01-01T09:30:00.000Z' }),
      recent: conversation('recent', { startedAt: '2025-01-01T09:10:00.000Z', updatedAt: '2025-01-01T10:30:00.000Z' }),
    };
    expect(listFor(all, 'waiting', 'open', amina).map((c) => c.id)).toEqual(['old', 'recent']);
    expect(listFor(all, 'all', 'open', amina).map((c) => c.id)).toEqual(['recent', 'old']);
  });
});

describe('countsAfterChange', () => {
  const counts = { waiting: 2, mine: 1, all: 5 };

  it('counts a new waiting conversation at once', () => {
    expect(countsAfterChange(counts, undefined, conversation('c9'), amina)).toEqual({ waiting: 3, mine: 1, all: 6 });
  });

  it('moves a taken conversation from Waiting to Mine', () => {
    const before = conversation('c1');
    const after = conversation('c1', { status: 'active', assignee: amina });
    expect(countsAfterChange(counts, before, after, amina)).toEqual({ waiting: 1, mine: 2, all: 5 });
  });

  it('never goes below zero', () => {
    const before = conversation('c1');
    const after = conversation('c1', { status: 'resolved' });
    expect(countsAfterChange({ waiting: 0, mine: 0, all: 0 }, before, after, amina)).toEqual({ waiting: 0, mine: 0, all: 0 });
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

describe('routing in the inbox', () => {
  it('orders Waiting like the queue: effective priority first, then place in line', () => {
    const all = {
      calm: conversation('calm', { queueSince: '2025-01-01T09:00:00.000Z' }),
      upset: conversation('upset', { queueSince: '2025-01-01T09:20:00.000Z', effectivePriority: 20, upset: true }),
      later: conversation('later', { queueSince: '2025-01-01T09:30:00.000Z' }),
    };
    expect(listFor(all, 'waiting', 'open', amina).map((c) => c.id)).toEqual(['upset', 'calm', 'later']);
  });

  it('lists a conversation handed to me under Mine while the transfer waits, first', () => {
    const handed = conversation('h', {
      status: 'active',
      assignee: publicAgent('a9', 'Chidi'),
      pendingTransfer: pendingTransfer({ from: publicAgent('a9', 'Chidi'), toAgent: publicAgent('a1', 'Amina') }),
      updatedAt: '2025-01-01T09:00:00.000Z',
    });
    const own = conversation('own', { status: 'active', assignee: amina, updatedAt: '2025-01-01T11:00:00.000Z' });
    expect(belongsTo('mine', 'open', handed, amina)).toBe(true);
    expect(belongsTo('mine', 'open', handed, ben)).toBe(false);
    expect(belongsTo('all', 'open', handed, ben)).toBe(true);
    expect(listFor({ handed, own }, 'mine', 'open', amina).map((c) => c.id)).toEqual(['h', 'own']);
  });

  it('lists a team handoff under Mine for the team’s members', () => {
    const handed = conversation('h', {
      status: 'active',
      assignee: publicAgent('a9', 'Chidi'),
      pendingTransfer: pendingTransfer({ toTeam: { id: 't-deliveries', name: 'Deliveries' } }),
    });
    expect(belongsTo('mine', 'open', handed, ben)).toBe(true);
    expect(belongsTo('mine', 'open', handed, amina)).toBe(false);
  });

  it('adds handoffs waiting for me to the server’s Mine count, once', () => {
    const conversations = {
      h: conversation('h', {
        status: 'active',
        assignee: publicAgent('a9', 'Chidi'),
        pendingTransfer: pendingTransfer({ from: publicAgent('a9', 'Chidi'), toAgent: publicAgent('a1', 'Amina') }),
      }),
      own: conversation('own', { status: 'active', assignee: amina }),
    };
    expect(withHandoffs({ waiting: 0, mine: 1, all: 2 }, conversations, amina)).toEqual({ waiting: 0, mine: 2, all: 2 });
    expect(withHandoffs({ waiting: 0, mine: 0, all: 2 }, conversations, ben)).toEqual({ waiting: 0, mine: 0, all: 2 });
  });

  it('moves Mine when a handoff to me is accepted elsewhere or declined', () => {
    const before = conversation('h', {
      status: 'active',
      assignee: publicAgent('a9', 'Chidi'),
      pendingTransfer: pendingTransfer({ from: publicAgent('a9', 'Chidi'), toAgent: publicAgent('a1', 'Amina') }),
    });
    const declined = { ...before, pendingTransfer: null };
    expect(countsAfterChange({ waiting: 0, mine: 1, all: 1 }, before, declined, amina)).toEqual({ waiting: 0, mine: 0, all: 1 });
  });
});
