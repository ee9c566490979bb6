import { describe, expect, it } from 'vitest';
import { firstNameOf, isDelightfulAnswer, isDelightfulReading } from './delightRule.ts';

const reading = (label: 'delighted' | 'grateful' | 'neutral' | 'angry', sentiment: number) => ({
  label,
  sentiment,
  upset: label === 'angry',
});

describe('which customer words are suggested as moments of delight', () => {
  it('a delighted message is; a strongly grateful one of a few words is; a plain thanks is not', () => {
    expect(isDelightfulReading('This is wonderful, I love it!', reading('delighted', 0.85))).toBe(true);
    expect(isDelightfulReading('Thank you so much, you are amazing', reading('grateful', 0.76))).toBe(true);
    expect(isDelightfulReading('ok thanks bye', reading('grateful', 0.76))).toBe(false);
    expect(isDelightfulReading('Thanks a lot for that', reading('grateful', 0.44))).toBe(false);
    expect(isDelightfulReading('Where is my parcel?', reading('neutral', 0))).toBe(false);
    expect(isDelightfulReading('Great, just great, thanks for nothing', reading('angry', -0.6))).toBe(false);
  });

  it('a survey answer is when it says 5 of 5, delighted, or a warm comment, and not when a low score or upset comment says otherwise', () => {
    expect(isDelightfulAnswer({ csat: 5, feeling: null, comment: null }, null)).toBe(true);
    expect(isDelightfulAnswer({ csat: null, feeling: 'delighted', comment: null }, null)).toBe(true);
    expect(isDelightfulAnswer({ csat: 4, feeling: 'grateful', comment: null }, null)).toBe(false);
    const warm = 'Jonas was brilliant, thank you so much';
    expect(isDelightfulAnswer({ csat: null, feeling: null, comment: warm }, reading('grateful', 0.8))).toBe(true);
    expect(isDelightfulAnswer({ csat: 2, feeling: 'delighted', comment: null }, null)).toBe(false);
    expect(isDelightfulAnswer({ csat: 5, feeling: null, comment: 'Nobody answered' }, reading('angry', -0.5))).toBe(false);
  });

  it('walls show a first name only', () => {
    expect(firstNameOf('Wanjiru Kamau')).toBe('Wanjiru');
    expect(firstNameOf('  Ana  María López ')).toBe('Ana');
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});
