import { describe, expect, it } from 'vitest';
import { currentMood, isUpsetMood } from './mood.ts';

describe('currentMood', () => {
  it("shows an upset customer's mood emphasised, standing in for the Upset badge", () => {
    expect(currentMood({ mood: 'angry', upset: true })).toEqual({ mood: 'angry', upset: true, coversUpsetBadge: true });
  });

  it('keeps the Upset badge when someone marked the customer upset though their words read otherwise', () => {
    expect(currentMood({ mood: 'confused', upset: true })).toEqual({ mood: 'confused', upset: false, coversUpsetBadge: false });
    expect(currentMood({ mood: null, upset: true })).toEqual({ mood: null, upset: false, coversUpsetBadge: false });
  });

  it('shows a mood without emphasis once an agent has cleared Upset', () => {
    expect(currentMood({ mood: 'frustrated', upset: false })).toEqual({
      mood: 'frustrated',
      upset: false,
      coversUpsetBadge: false,
    });
  });

  it('leaves a calm customer unsaid in a list, unless a column must say something', () => {
    expect(currentMood({ mood: 'neutral', upset: false }).mood).toBeNull();
    expect(currentMood({ mood: 'neutral', upset: false }, true).mood).toBe('neutral');
    expect(currentMood({ upset: false }, true).mood).toBeNull();
  });
});

describe('isUpsetMood', () => {
  it('counts the feelings that raise priority', () => {
    expect(['angry', 'frustrated', 'anxious', 'sad'].every((m) => isUpsetMood(m as 'angry'))).toBe(true);
    expect(['confused', 'grateful', 'delighted', 'neutral'].some((m) => isUpsetMood(m as 'angry'))).toBe(false);
  });
});
