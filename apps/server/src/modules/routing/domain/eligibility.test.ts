import { describe, expect, it } from 'vitest';
import { canTake, isQualified } from './eligibility.ts';
import { buildAgent, buildConversation } from './factories.ts';

describe('canTake', () => {
  it('lets an available agent with a free chat slot take a chat', () => {
    expect(canTake(buildAgent(), buildConversation())).toBe(true);
  });

  it('an agent at capacity on chat is not given another chat but can take an email', () => {
    const agent = buildAgent({ capacity: { chat: 2, email: 5 }, open: { chat: 2, email: 1 } });
    expect(canTake(agent, buildConversation({ channel: 'chat' }))).toBe(false);
    expect(canTake(agent, buildConversation({ channel: 'email' }))).toBe(true);
  });

  it('an agent with no capacity on a channel cannot take it at all', () => {
    const agent = buildAgent({ capacity: { chat: 2 } });
    expect(canTake(agent, buildConversation({ channel: 'phone' }))).toBe(false);
    expect(isQualified(agent, buildConversation({ channel: 'phone' }))).toBe(false);
  });

  it('busy, away and offline agents are not given new conversations', () => {
    for (const presence of ['busy', 'away', 'offline'] as const) {
      expect(canTake(buildAgent({ presence }), buildConversation())).toBe(false);
    }
  });

  it('a billing question only goes to someone with the billing skill', () => {
    const billing = buildConversation({ skills: ['billing'] });
    expect(canTake(buildAgent({ skills: [] }), billing)).toBe(false);
    expect(canTake(buildAgent({ skills: ['returns', 'billing'] }), billing)).toBe(true);
  });

  it('every required skill is needed, not just one', () => {
    const c = buildConversation({ skills: ['billing', 'b2b'] });
    expect(canTake(buildAgent({ skills: ['billing'] }), c)).toBe(false);
    expect(canTake(buildAgent({ skills: ['b2b', 'billing'] }), c)).toBe(true);
  });

  it('a Swahili conversation goes to a Swahili speaker', () => {
    const swahili = buildConversation({ language: 'sw' });
    expect(canTake(buildAgent({ languages: ['en'] }), swahili)).toBe(false);
    expect(canTake(buildAgent({ languages: ['en', 'sw'] }), swahili)).toBe(true);
  });

  it('a regional language tag matches its language', () => {
    expect(canTake(buildAgent({ languages: ['sw-KE'] }), buildConversation({ language: 'sw' }))).toBe(true);
    expect(canTake(buildAgent({ languages: ['en'] }), buildConversation({ language: 'en-GB' }))).toBe(true);
  });

  it('a conversation with no language goes to anyone', () => {
    expect(canTake(buildAgent({ languages: [] }), buildConversation({ language: null }))).toBe(true);
  });

  it("a team's conversation goes only to its members, and a teamless one to anyone", () => {
    const agent = buildAgent({ teamIds: ['support'] });
    expect(canTake(agent, buildConversation({ teamId: 'sales' }))).toBe(false);
    expect(canTake(agent, buildConversation({ teamId: null }))).toBe(true);
  });
});

describe('isQualified', () => {
  it('ignores presence and current load: a busy, full agent is still qualified', () => {
    const agent = buildAgent({ presence: 'busy', open: { chat: 2 } });
    expect(isQualified(agent, buildConversation())).toBe(true);
    expect(canTake(agent, buildConversation())).toBe(false);
  });

  it('still requires team, skills and language', () => {
    const agent = buildAgent({ presence: 'offline' });
    expect(isQualified(agent, buildConversation({ teamId: 'sales' }))).toBe(false);
    expect(isQualified(agent, buildConversation({ skills: ['billing'] }))).toBe(false);
    expect(isQualified(agent, buildConversation({ language: 'sw' }))).toBe(false);
  });
});
