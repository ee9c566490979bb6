import { describe, expect, it } from 'vitest';
import { agent, conversation, pendingTransfer, publicAgent, team } from '../testing/fixtures.ts';
import {
  candidateLabel,
  isTransferForMe,
  isTransferFromMe,
  parseTarget,
  targetValue,
  teamLabel,
  transferArrived,
  transferCandidates,
  transferStatusText,
} from './transfer.ts';

const amina = publicAgent('a1', 'Amina Odhiambo');
const jonas = publicAgent('a2', 'Jonas Keller');
const meJonas = { id: 'a2', teamIds: ['t1'] };
const meAmina = { id: 'a1', teamIds: [] };

const toJonas = conversation('c1', {
  status: 'active',
  assignee: amina,
  pendingTransfer: pendingTransfer({ from: amina, toAgent: jonas }),
});
const toTeam = conversation('c2', {
  status: 'active',
  assignee: amina,
  pendingTransfer: pendingTransfer({ from: amina, toTeam: { id: 't1', name: 'Deliveries' } }),
});

describe('is this transfer for me', () => {
  it('is for the named colleague only', () => {
    expect(isTransferForMe(toJonas, meJonas)).toBe(true);
    expect(isTransferForMe(toJonas, meAmina)).toBe(false);
    expect(isTransferForMe(toJonas, { id: 'a3', teamIds: ['t1'] })).toBe(false);
  });

  it('is for every member of the team it was offered to, except the sender', () => {
    expect(isTransferForMe(toTeam, meJonas)).toBe(true);
    expect(isTransferForMe(toTeam, { id: 'a3', teamIds: ['t2'] })).toBe(false);
    expect(isTransferForMe(toTeam, { id: 'a1', teamIds: ['t1'] })).toBe(false);
  });

  it('is for nobody without a pending transfer, on a resolved conversation, or before sign-in', () => {
    expect(isTransferForMe(conversation('c3'), meJonas)).toBe(false);
    expect(isTransferForMe({ ...toJonas, status: 'resolved' }, meJonas)).toBe(false);
    expect(isTransferForMe(toJonas, { id: '', teamIds: [] })).toBe(false);
  });

  it('knows the sender', () => {
    expect(isTransferFromMe(toJonas, 'a1')).toBe(true);
    expect(isTransferFromMe(toJonas, 'a2')).toBe(false);
    expect(isTransferFromMe(conversation('c3'), 'a1')).toBe(false);
  });

  it('notices a transfer arriving once, and again when it is offered anew', () => {
    const plain = { ...toJonas, pendingTransfer: null };
    expect(transferArrived(plain, toJonas, meJonas)).toBe(true);
    expect(transferArrived(undefined, toJonas, meJonas)).toBe(true);
    expect(transferArrived(toJonas, { ...toJonas, lastSeq: 9 }, meJonas)).toBe(false);
    const again = {
      ...toJonas,
      pendingTransfer: pendingTransfer({ from: amina, toAgent: jonas, at: '2025-01-01T11:00:00.000Z' }),
    };
    expect(transferArrived(toJonas, again, meJonas)).toBe(true);
    expect(transferArrived(plain, toJonas, meAmina)).toBe(false);
  });
});

describe('transfer wording', () => {
  it('tells the sender who they wait for', () => {
    expect(transferStatusText(toJonas, 'a1')).toBe('Waiting for Jonas to accept');
    expect(transferStatusText(toTeam, 'a1')).toBe('Waiting for someone in Deliveries to accept');
    expect(transferStatusText(toJonas, 'a5')).toBe('Being handed to Jonas');
    expect(transferStatusText(conversation('c3'), 'a1')).toBeNull();
  });

  it('encodes and reads select values', () => {
    expect(targetValue('agent', 'a2')).toBe('agent:a2');
    expect(parseTarget('agent:a2')).toEqual({ toAgentId: 'a2' });
    expect(parseTarget('team:t:1')).toEqual({ toTeamId: 't:1' });
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('agent:')).toBeNull();
    expect(parseTarget('robot:x')).toBeNull();
  });

  it('lists colleagues without me, available and least loaded first', () => {
    const agents = [
      agent('me', { displayName: 'Me' }),
      agent('z', { displayName: 'Zawadi', presence: 'away' }),
      agent('b', { displayName: 'Baraka', openConversations: 2 }),
      agent('c', { displayName: 'Chidi', openConversations: 1 }),
    ];
    expect(transferCandidates(agents, 'me').map((a) => a.id)).toEqual(['c', 'b', 'z']);
  });

  it('labels people with presence and load, and teams with who is around', () => {
    const jonasAgent = agent('a2', { displayName: 'Jonas Keller', openConversations: 2, capacity: { chat: 4 } });
    expect(candidateLabel(jonasAgent, 'chat')).toBe('Jonas Keller — available, 2/4 chats');
    expect(candidateLabel({ ...jonasAgent, presence: 'away' }, 'sms')).toBe('Jonas Keller — away, 2 open');
    const members = [jonasAgent, agent('a3', { presence: 'away' })];
    expect(teamLabel(team('t1', { name: 'Deliveries', memberIds: ['a2', 'a3'] }), members)).toBe(
      'Deliveries — 2 people, 1 available',
    );
    expect(teamLabel(team('t2', { name: 'Billing', memberIds: ['a3'] }), members)).toBe('Billing — 1 person, 0 available');
  });
});
