import { describe, expect, it } from 'vitest';
import { at, buildAgent, buildConversation } from './factories.ts';
import { compareQueue, pickAgentFor, pickConversationFor } from './policy.ts';
import type { QueuedConversation } from './types.ts';

const lastAgent = (graceSeconds: number): QueuedConversation['preferred'] => ({
  agentId: 'amina',
  reason: 'last_agent',
  graceUntil: at(graceSeconds),
});

describe('compareQueue', () => {
  it('an upset customer is served before a calm one who waited longer', () => {
    const calm = buildConversation({ id: 'calm', waitingSince: at(0) });
    const upset = buildConversation({ id: 'upset', waitingSince: at(120), upset: true });
    expect([calm, upset].sort(compareQueue).map((c) => c.id)).toEqual(['upset', 'calm']);
  });

  it('an escalated conversation is served before a service failure and an upset customer', () => {
    const queue = [
      buildConversation({ id: 'upset', upset: true }),
      buildConversation({ id: 'failure', serviceFailure: true }),
      buildConversation({ id: 'escalated', escalated: true }),
    ];
    expect(queue.sort(compareQueue).map((c) => c.id)).toEqual(['escalated', 'failure', 'upset']);
  });

  it('with equal priority the one who waited longest goes first', () => {
    const later = buildConversation({ id: 'a', waitingSince: at(60) });
    const earlier = buildConversation({ id: 'b', waitingSince: at(0) });
    expect([later, earlier].sort(compareQueue).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('a callback keeps its original place in line', () => {
    const callback = buildConversation({ id: 'callback', waitingSince: at(0) });
    const newer = buildConversation({ id: 'newer', waitingSince: at(300) });
    expect([newer, callback].sort(compareQueue)[0]!.id).toBe('callback');
  });

  it('breaks a full tie by id, so every server orders the queue the same way', () => {
    const b = buildConversation({ id: 'b' });
    const a = buildConversation({ id: 'a' });
    expect([b, a].sort(compareQueue).map((c) => c.id)).toEqual(['a', 'b']);
    expect(compareQueue(a, a)).toBe(0);
  });
});

describe('pickConversationFor', () => {
  it('gives an agent with room the first conversation in queue order', () => {
    const queue = [
      buildConversation({ id: 'newer', waitingSince: at(60) }),
      buildConversation({ id: 'older', waitingSince: at(0) }),
    ];
    expect(pickConversationFor(buildAgent(), queue, at(120))?.id).toBe('older');
  });

  it('skips conversations the agent cannot take for the next one they can', () => {
    const queue = [
      buildConversation({ id: 'swahili', language: 'sw', waitingSince: at(0) }),
      buildConversation({ id: 'english', language: 'en', waitingSince: at(60) }),
    ];
    expect(pickConversationFor(buildAgent({ languages: ['en'] }), queue, at(120))?.id).toBe('english');
  });

  it('returns null when the agent is at capacity or nothing fits', () => {
    const queue = [buildConversation()];
    expect(pickConversationFor(buildAgent({ open: { chat: 2 } }), queue, at(0))).toBeNull();
    expect(pickConversationFor(buildAgent(), [buildConversation({ skills: ['billing'] })], at(0))).toBeNull();
    expect(pickConversationFor(buildAgent(), [], at(0))).toBeNull();
  });

  it('a returning customer is held for the agent they spoke to last within the grace time', () => {
    const held = buildConversation({ id: 'held', waitingSince: at(0), preferred: lastAgent(180) });
    const other = buildConversation({ id: 'other', waitingSince: at(30) });
    const bo = buildAgent({ id: 'bo' });
    const amina = buildAgent({ id: 'amina', presence: 'busy' });
    expect(pickConversationFor(bo, [held, other], at(60), [amina, bo])?.id).toBe('other');
    expect(pickConversationFor(buildAgent({ id: 'amina' }), [held, other], at(60))?.id).toBe('held');
  });

  it('after the grace time anyone may take them', () => {
    const held = buildConversation({ id: 'held', preferred: lastAgent(180) });
    expect(pickConversationFor(buildAgent({ id: 'bo' }), [held], at(180))?.id).toBe('held');
  });

  it('an away preferred agent is not waited for', () => {
    const held = buildConversation({ id: 'held', preferred: lastAgent(180) });
    const bo = buildAgent({ id: 'bo' });
    for (const presence of ['away', 'offline'] as const) {
      const amina = buildAgent({ id: 'amina', presence });
      expect(pickConversationFor(bo, [held], at(60), [amina, bo])?.id).toBe('held');
    }
  });

  it('without the team to look at, a hold lasts until the grace time', () => {
    const held = buildConversation({ id: 'held', preferred: lastAgent(180) });
    expect(pickConversationFor(buildAgent({ id: 'bo' }), [held], at(60))).toBeNull();
  });
});

describe('pickAgentFor', () => {
  it('a returning customer goes straight to the agent they spoke to last when that agent has room', () => {
    const c = buildConversation({ preferred: lastAgent(180) });
    const agents = [buildAgent({ id: 'bo' }), buildAgent({ id: 'amina', open: { chat: 1 } })];
    expect(pickAgentFor(c, agents, at(0))).toMatchObject({ agent: { id: 'amina' }, reason: 'continuity' });
  });

  it('an account owner with room gets their account even after the grace time', () => {
    const c = buildConversation({ preferred: { agentId: 'amina', reason: 'account_owner', graceUntil: at(60) } });
    const agents = [buildAgent({ id: 'bo' }), buildAgent({ id: 'amina' })];
    expect(pickAgentFor(c, agents, at(600))?.reason).toBe('continuity');
  });

  it('a returning customer is held for the agent they spoke to last within the grace time', () => {
    const c = buildConversation({ preferred: lastAgent(180) });
    const full = [buildAgent({ id: 'bo' }), buildAgent({ id: 'amina', open: { chat: 2 } })];
    const busy = [buildAgent({ id: 'bo' }), buildAgent({ id: 'amina', presence: 'busy' })];
    expect(pickAgentFor(c, full, at(60))).toBeNull();
    expect(pickAgentFor(c, busy, at(60))).toBeNull();
  });

  it('after the grace time anyone may take them', () => {
    const c = buildConversation({ preferred: lastAgent(180) });
    const agents = [buildAgent({ id: 'bo' }), buildAgent({ id: 'amina', open: { chat: 2 } })];
    expect(pickAgentFor(c, agents, at(180))).toMatchObject({ agent: { id: 'bo' }, reason: 'available' });
  });

  it('an away preferred agent is not waited for', () => {
    const c = buildConversation({ preferred: lastAgent(180) });
    for (const presence of ['away', 'offline'] as const) {
      const agents = [buildAgent({ id: 'bo' }), buildAgent({ id: 'amina', presence })];
      expect(pickAgentFor(c, agents, at(60))).toMatchObject({ agent: { id: 'bo' }, reason: 'available' });
    }
  });

  it('a preferred agent who can no longer take this kind of conversation is not waited for', () => {
    const c = buildConversation({ skills: ['billing'], preferred: lastAgent(180) });
    const agents = [buildAgent({ id: 'bo', skills: ['billing'] }), buildAgent({ id: 'amina', presence: 'busy' })];
    expect(pickAgentFor(c, agents, at(60))?.agent.id).toBe('bo');
  });

  it('load is balanced by open/capacity ratio', () => {
    const agents = [
      buildAgent({ id: 'two-of-three', capacity: { chat: 3 }, open: { chat: 2 } }),
      buildAgent({ id: 'one-of-two', capacity: { chat: 2 }, open: { chat: 1 } }),
      buildAgent({ id: 'two-of-five', capacity: { chat: 5 }, open: { chat: 2 } }),
    ];
    expect(pickAgentFor(buildConversation(), agents, at(0))?.agent.id).toBe('two-of-five');
  });

  it('on equal load the agent who waited longest since an assignment goes first, and never-assigned first of all', () => {
    const agents = [
      buildAgent({ id: 'recent', lastAssignedAt: at(-60) }),
      buildAgent({ id: 'earlier', lastAssignedAt: at(-600) }),
    ];
    expect(pickAgentFor(buildConversation(), agents, at(0))?.agent.id).toBe('earlier');
    const withNewcomer = [...agents, buildAgent({ id: 'newcomer', lastAssignedAt: null })];
    expect(pickAgentFor(buildConversation(), withNewcomer, at(0))?.agent.id).toBe('newcomer');
  });

  it('breaks a full tie by id', () => {
    const agents = [buildAgent({ id: 'zed' }), buildAgent({ id: 'ada' })];
    expect(pickAgentFor(buildConversation(), agents, at(0))?.agent.id).toBe('ada');
  });

  it('only considers agents who can take it: skills, language and channel capacity', () => {
    const c = buildConversation({ channel: 'email', language: 'sw', skills: ['billing'] });
    const agents = [
      buildAgent({ id: 'no-skill', languages: ['sw'] }),
      buildAgent({ id: 'no-swahili', skills: ['billing'] }),
      buildAgent({ id: 'no-email', languages: ['sw'], skills: ['billing'], capacity: { chat: 2 } }),
      buildAgent({ id: 'right', languages: ['sw'], skills: ['billing'], open: { email: 4 } }),
    ];
    expect(pickAgentFor(c, agents, at(0))?.agent.id).toBe('right');
  });

  it('returns null when nobody can take it', () => {
    expect(pickAgentFor(buildConversation(), [buildAgent({ presence: 'away' })], at(0))).toBeNull();
    expect(pickAgentFor(buildConversation(), [], at(0))).toBeNull();
  });
});
