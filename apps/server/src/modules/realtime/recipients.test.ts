import type { Conversation, Entry } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { deliveryFor } from './recipients.ts';

const entry = (kind: Entry['kind']): Entry => ({
  id: '1',
  conversationId: 'c1',
  seq: 3,
  kind,
  direction: kind === 'message' ? 'out' : null,
  channel: 'chat',
  body: 'hello',
  clientId: null,
  author: { kind: 'agent', id: 'a1', name: 'Amina', avatarUrl: null },
  event: null,
  createdAt: new Date(0).toISOString(),
});

describe('who receives what', () => {
  it('a message reaches the workspace agents and only its own customer', () => {
    const d = deliveryFor({ type: 'entry.appended', workspaceId: 'w1', customerId: 'cu1', entry: entry('message') });
    expect(d.workspaceId).toBe('w1');
    expect(d.agents).toEqual({ type: 'entry', entry: entry('message') });
    expect(d.visitor?.customerId).toBe('cu1');
  });

  it("an email reply's delivery reaches agents only, and the customer's copy of the reply never carries it", () => {
    const delivery = { status: 'pending' as const, to: 'sam@example.com', error: 'the relay is down', at: null, attempts: 1 };
    const d = deliveryFor({ type: 'entry.delivery_changed', workspaceId: 'w1', conversationId: 'c1', seq: 3, delivery });
    expect(d.agents).toEqual({ type: 'delivery', conversationId: 'c1', seq: 3, delivery });
    expect(d.visitor).toBeNull();
    const reply = { ...entry('message'), channel: 'email' as const, delivery };
    const appended = deliveryFor({ type: 'entry.appended', workspaceId: 'w1', customerId: 'cu1', entry: reply });
    expect(appended.agents).toEqual({ type: 'entry', entry: reply });
    expect(appended.visitor?.frame).toEqual({ type: 'entry', entry: { ...entry('message'), channel: 'email' } });
  });

  it('an internal note never reaches the customer', () => {
    const d = deliveryFor({ type: 'entry.appended', workspaceId: 'w1', customerId: 'cu1', entry: entry('note') });
    expect(d.agents).not.toBeNull();
    expect(d.visitor).toBeNull();
  });

  it('the customer sees who helps them but nothing internal about the conversation', () => {
    const conversation = {
      id: 'c1',
      status: 'active',
      channel: 'chat',
      customer: { id: 'cu1', name: 'Mei', email: 'mei@example.com', createdAt: '' },
      assignee: { id: 'a1', displayName: 'Amina', avatarUrl: null },
      priority: 5,
      effectivePriority: 5,
      upset: false,
      serviceFailure: false,
      team: null,
      language: null,
      skills: [],
      queueSince: '',
      escalatedAt: null,
      transfers: 0,
      pendingTransfer: null,
      callback: null,
      timeToHumanSeconds: null,
      lastSeq: 4,
      lastMessage: null,
      promisedReplyBy: null,
      startedAt: '',
      humanConnectedAt: null,
      firstResponseAt: null,
      resolvedAt: null,
      updatedAt: '',
    } satisfies Conversation;
    const d = deliveryFor({ type: 'conversation.changed', workspaceId: 'w1', customerId: 'cu1', conversation });
    expect(d.visitor?.frame).toEqual({
      type: 'visitor_conversation',
      conversation: {
        id: 'c1',
        status: 'active',
        assignee: conversation.assignee,
        lastSeq: 4,
        promisedReplyBy: null,
        callback: null,
        startedAt: '',
      },
    });
    expect(JSON.stringify(d.visitor)).not.toContain('mei@example.com');
  });

  it('an inbox row moved only by messages reaches agents, and nothing reaches the customer', () => {
    const d = deliveryFor({
      type: 'conversation.changed',
      workspaceId: 'w1',
      customerId: 'cu1',
      conversation: { id: 'c1' } as Conversation,
      previewOnly: true,
    });
    expect(d.agents).toEqual({ type: 'conversation', conversation: { id: 'c1' } });
    expect(d.visitor).toBeNull();
  });

  it('typing goes to the other side only', () => {
    const base = { type: 'typing', workspaceId: 'w1', conversationId: 'c1', customerId: 'cu1', typing: true } as const;
    const fromCustomer = deliveryFor({ ...base, by: { kind: 'customer', id: 'cu1', name: null } });
    expect(fromCustomer.agents).not.toBeNull();
    expect(fromCustomer.visitor).toBeNull();
    const fromAgent = deliveryFor({ ...base, by: { kind: 'agent', id: 'a1', name: 'Amina' } });
    expect(fromAgent.agents).toBeNull();
    expect(fromAgent.visitor?.customerId).toBe('cu1');
  });

  it("colleagues' presence is for agents, and refreshes the customers' waits", () => {
    const d = deliveryFor({ type: 'presence.changed', workspaceId: 'w1', agentId: 'a1', presence: 'away' });
    expect(d.agents).toEqual({ type: 'presence', agentId: 'a1', presence: 'away' });
    expect(d.visitor).toBeNull();
    expect(d.refreshWaits).toBe(true);
  });
});

describe('who receives a call', () => {
  const call = {
    id: 'call1',
    conversationId: 'c1',
    direction: 'inbound' as const,
    customer: { id: 'cu1', name: 'Mei' },
    mood: 'frustrated' as const,
    status: 'ringing' as const,
    outcome: null,
    ringing: { id: 'a1', displayName: 'Amina', avatarUrl: null },
    answeredBy: null,
    onHold: false,
    transfer: null,
    placedAt: '',
    rangAt: '',
    ringSeconds: 20,
    holdCheckInSeconds: 30,
    answeredAt: null,
    endedAt: null,
    durationSeconds: null,
    wrapUp: null,
  };
  const visitorCall = {
    id: 'call1',
    conversationId: 'c1',
    direction: 'inbound' as const,
    status: 'ringing' as const,
    outcome: null,
    person: call.ringing,
    onHold: false,
    placedAt: '',
    answeredAt: null,
    ringSeconds: 20,
    rangAt: '',
    durationSeconds: null,
  };

  it('a ringing call reaches the person it rings and its customer, not the rest of the workspace', () => {
    const d = deliveryFor({ type: 'call.changed', workspaceId: 'w1', customerId: 'cu1', call, visitorCall, agentIds: ['a1'] });
    expect(d.agents).toBeNull();
    expect(d.named).toEqual({ agentIds: ['a1'], frame: { type: 'call', call } });
    expect(d.visitor).toEqual({ customerId: 'cu1', frame: { type: 'visitor_call', call: visitorCall } });
    // How we read the customer's mood stays with agents.
    expect(JSON.stringify(d.visitor)).not.toContain('frustrated');
  });

  it("a call's signalling goes to the one socket of its other party and nowhere else", () => {
    const signal = { kind: 'offer' as const, sdp: 'v=0' };
    const d = deliveryFor({ type: 'call.signal', workspaceId: 'w1', callId: 'call1', toSocket: 's-agent', signal });
    expect(d).toMatchObject({ agents: null, visitor: null });
    expect(d.named).toBeUndefined();
    expect(d.socket).toEqual({ id: 's-agent', frame: { type: 'call.signal', callId: 'call1', signal } });
  });

  it('a talk between two agents about a handoff: its signalling and its opening reach one agent socket only', () => {
    const signal = { kind: 'answer' as const, sdp: 'v=0' };
    const relayed = deliveryFor({
      type: 'call.signal',
      workspaceId: 'w1',
      callId: 'call1',
      toSocket: 's-bo',
      signal,
      leg: 'consult',
    });
    expect(relayed).toMatchObject({ agents: null, visitor: null });
    expect(relayed.socket).toEqual({ id: 's-bo', frame: { type: 'call.signal', callId: 'call1', signal, leg: 'consult' } });
    const opened = deliveryFor({ type: 'call.consult', workspaceId: 'w1', callId: 'call1', toSocket: 's-amina', iceServers: [] });
    expect(opened).toMatchObject({ agents: null, visitor: null });
    expect(opened.named).toBeUndefined();
    expect(opened.socket).toEqual({
      id: 's-amina',
      frame: { type: 'call.consult', callId: 'call1', offer: false, iceServers: [] },
    });
  });
});
