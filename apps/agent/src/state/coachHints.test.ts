import { type CoachSuggestion, coachReply } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { entry } from '../testing/fixtures.ts';
import { dismissedHints, dismissHint, flaggedPhrase, hintKey, latestCustomerFeeling, shownHints } from './coachHints.ts';

const angry = { label: 'angry', sentiment: -0.6, upset: true } as const;
const grateful = { label: 'grateful', sentiment: 0.5, upset: false } as const;
const agentSays = { direction: 'out', author: { kind: 'agent', id: 'a1', name: 'Amina', avatarUrl: null } } as const;

describe('latestCustomerFeeling', () => {
  it("is the reading on the customer's latest message, whatever the agent wrote after it", () => {
    const entries = [entry(1, { emotion: grateful }), entry(2, { emotion: angry }), entry(3, agentSays)];
    expect(latestCustomerFeeling(entries)).toBe(angry);
  });

  it('skips notes, events and a latest message not read yet', () => {
    const entries = [
      entry(1, { emotion: angry }),
      entry(2, { emotion: null }),
      entry(3, { kind: 'note', direction: null }),
      entry(4, { kind: 'event', direction: null, event: { type: 'assigned', data: {} } }),
    ];
    expect(latestCustomerFeeling(entries)).toBe(angry);
  });

  it('is null before the customer has said anything that was read', () => {
    expect(latestCustomerFeeling([])).toBeNull();
    expect(latestCustomerFeeling([entry(1, agentSays)])).toBeNull();
  });
});

describe('hints shown beside the composer', () => {
  const draft = 'As per our policy, someone will get back to you soon. Your RMA number is 5531.';
  const suggestions = coachReply(draft, { customerEmotion: 'angry', customerUpset: true });

  it('shows at most three, most important first', () => {
    expect(suggestions.length).toBeGreaterThan(3);
    expect(shownHints(draft, suggestions, new Set()).map((h) => h.suggestion.rule)).toEqual([
      'acknowledge',
      'blame',
      'ownership',
    ]);
  });

  it('a dismissed suggestion makes room for the next one, in that conversation only', () => {
    const blame = suggestions.find((s) => s.rule === 'blame')!;
    const hidden = dismissHint('c-dismiss', hintKey(draft, blame));
    expect(shownHints(draft, suggestions, hidden).map((h) => h.suggestion.rule)).toEqual([
      'acknowledge',
      'ownership',
      'next_step',
    ]);
    expect(dismissedHints('c-dismiss').has('blame:as per our policy')).toBe(true);
    expect(dismissedHints('c-other').size).toBe(0);
  });

  it('a dismissal is for that phrase: the same kind of slip in other words shows again', () => {
    const first = coachReply('Here is the SKU.', { customerEmotion: null, customerUpset: false })[0]!;
    const hidden = dismissHint('c-jargon', hintKey('Here is the SKU.', first));
    const same = 'Here is the sku from the label.';
    expect(shownHints(same, coachReply(same, { customerEmotion: null, customerUpset: false }), hidden)).toHaveLength(0);
    const other = 'Here is the RMA number.';
    expect(shownHints(other, coachReply(other, { customerEmotion: null, customerUpset: false }), hidden)).toHaveLength(1);
  });

  it('names the phrase as written, shortened when long', () => {
    const blame = suggestions.find((s) => s.rule === 'blame')!;
    expect(flaggedPhrase(draft, blame)).toBe('As per our policy');
    const long: CoachSuggestion = { rule: 'all_caps', severity: 'tip', message: '', span: [0, 100] };
    expect(flaggedPhrase('A'.repeat(100), long)).toBe(`${'A'.repeat(59)}…`);
    expect(flaggedPhrase(draft, suggestions.find((s) => s.rule === 'acknowledge')!)).toBeNull();
  });
});
