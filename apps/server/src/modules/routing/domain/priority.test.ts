import { describe, expect, it } from 'vitest';
import { effectivePriority, PRIORITY_WEIGHTS } from '../../conversations/index.ts';
import { buildConversation } from './factories.ts';

describe('effectivePriority', () => {
  it('is the base priority for a calm conversation', () => {
    expect(effectivePriority(buildConversation({ basePriority: 5 }))).toBe(5);
  });

  it('raises upset customers, service failures and escalations by their weights, together', () => {
    expect(effectivePriority(buildConversation({ upset: true }))).toBe(20);
    expect(effectivePriority(buildConversation({ serviceFailure: true }))).toBe(30);
    expect(effectivePriority(buildConversation({ escalated: true }))).toBe(40);
    expect(effectivePriority(buildConversation({ basePriority: 1, upset: true, serviceFailure: true, escalated: true }))).toBe(
      91,
    );
  });

  it('ranks an escalation above a service failure above an upset customer', () => {
    expect(PRIORITY_WEIGHTS.escalated).toBeGreaterThan(PRIORITY_WEIGHTS.serviceFailure);
    expect(PRIORITY_WEIGHTS.serviceFailure).toBeGreaterThan(PRIORITY_WEIGHTS.upset);
  });
});
