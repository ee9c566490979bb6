import { describe, expect, it } from 'vitest';
import type { AgentActor } from '../../core/context.ts';
import type { CallRecord } from './repository/calls.ts';
import { signalPeer } from './signalPeer.ts';

const call = {
  customerId: 'cu1',
  customerSocket: 's-widget',
  answeredBy: 'amina',
  agentSocket: 's-amina',
  transferTo: 'bo',
  consultSocket: null,
} as CallRecord;
const agent = (agentId: string) => ({ kind: 'agent', agentId, workspaceId: 'w1' }) as AgentActor;
const customer = { kind: 'visitor', customerId: 'cu1', workspaceId: 'w1' } as const;

describe('where a call signal goes', () => {
  it('on the customer leg, between the socket that placed the call and the one on it, and from nobody else', () => {
    expect(signalPeer(call, customer as never, 's-widget', 'customer')).toEqual({ to: 's-amina' });
    expect(signalPeer(call, agent('amina'), 's-amina', 'customer')).toEqual({ to: 's-widget' });
    expect(signalPeer(call, agent('amina'), 's-amina-tab2', 'customer')).toBeNull();
    expect(signalPeer(call, agent('bo'), 's-bo', 'customer')).toBeNull();
    expect(signalPeer(call, customer as never, 's-widget', 'consult')).toBeNull();
  });

  it('on the consult leg, between the call’s agent socket and the colleague’s socket in the talk', () => {
    const talking = { ...call, consultSocket: 's-bo' };
    expect(signalPeer(talking, agent('amina'), 's-amina', 'consult')).toEqual({ to: 's-bo' });
    expect(signalPeer(talking, agent('bo'), 's-bo', 'consult')).toEqual({ to: 's-amina' });
    // Bo's other tab, or no talk open: a party, but not connected; anyone else is no party.
    expect(signalPeer(talking, agent('bo'), 's-bo-tab2', 'consult')).toEqual({ to: null });
    expect(signalPeer(call, agent('amina'), 's-amina', 'consult')).toEqual({ to: null });
    expect(signalPeer(talking, agent('cy'), 's-cy', 'consult')).toBeNull();
  });
});
