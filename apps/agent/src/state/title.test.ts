import { describe, expect, it } from 'vitest';
import { tabTitle } from './title.ts';

describe('tabTitle', () => {
  it('is plain when nobody needs the agent', () => {
    expect(tabTitle(0, [], new Set())).toBe('Warmline');
  });

  it('adds waiting customers and unread conversations', () => {
    expect(tabTitle(2, ['c9'], new Set(['c1', 'c2']))).toBe('(3) Warmline');
  });

  it('counts a waiting conversation with an unread message once', () => {
    expect(tabTitle(1, ['c1'], new Set(['c1']))).toBe('(1) Warmline');
  });
});
