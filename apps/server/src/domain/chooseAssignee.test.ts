import { describe, expect, it } from 'vitest';
import { chooseAssignee } from './chooseAssignee.ts';

describe('chooseAssignee', () => {
  it('picks the person with the fewest open conversations', () => {
    const picked = chooseAssignee([
      { id: 'a', openConversations: 3 },
      { id: 'b', openConversations: 1 },
      { id: 'c', openConversations: 2 },
    ]);
    expect(picked?.id).toBe('b');
  });

  it('keeps the caller order on ties', () => {
    expect(
      chooseAssignee([
        { id: 'x', openConversations: 0 },
        { id: 'y', openConversations: 0 },
      ])?.id,
    ).toBe('x');
  });

  it('returns null when nobody can take it', () => {
    expect(chooseAssignee([])).toBeNull();
  });
});
