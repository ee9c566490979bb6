import { describe, expect, it } from 'vitest';
import type { WaitInputs } from './waitEstimate.ts';
import { DEFAULT_CHOICE_THRESHOLD_SECONDS, estimateWaitRange, meanHandleSeconds, shouldOfferChoices } from './waitEstimate.ts';

const history = (seconds: number, count = 50) => Array.from({ length: count }, () => seconds);

function inputs(overrides: Partial<WaitInputs> = {}): WaitInputs {
  return {
    position: 0,
    agentsOnShift: 2,
    freeSlots: 0,
    capacityPerAgent: 2,
    recentHandleSeconds: history(360),
    defaultHandleSeconds: 360,
    ...overrides,
  };
}

describe('estimateWaitRange', () => {
  it('says about a minute when a slot is free now', () => {
    const range = estimateWaitRange(inputs({ freeSlots: 1 }));
    expect(range).toMatchObject({ known: true, expectedSeconds: 0, lowSeconds: 0, highSeconds: 90 });
    expect(range.text).toBe('A person will be with you in about a minute.');
  });

  it('estimates the slots that must free first, at slots/handle per second, as a median', () => {
    // 4 ahead, 4 slots all busy, 6-minute chats: 5 turns at 90 s each, shown as the median (5 − ⅓) turns.
    const range = estimateWaitRange(inputs({ position: 4 }));
    expect(range.expectedSeconds).toBe(420);
    expect(range.text).toBe('A person will be with you in about 4–10 minutes.');
  });

  it('counts free slots against the queue ahead', () => {
    const none = estimateWaitRange(inputs({ position: 4, freeSlots: 0 }));
    const two = estimateWaitRange(inputs({ position: 4, freeSlots: 2 }));
    expect(two.expectedSeconds!).toBeLessThan(none.expectedSeconds!);
  });

  it('grows with the queue ahead and shrinks with more people on shift', () => {
    const short = estimateWaitRange(inputs({ position: 2 })).expectedSeconds!;
    const long = estimateWaitRange(inputs({ position: 8 })).expectedSeconds!;
    const moreStaff = estimateWaitRange(inputs({ position: 8, agentsOnShift: 4 })).expectedSeconds!;
    expect(long).toBeGreaterThan(short);
    expect(moreStaff).toBeLessThan(long);
  });

  it('follows recent handle times, and uses the default when there is no history', () => {
    const quick = estimateWaitRange(inputs({ position: 4, recentHandleSeconds: history(180) })).expectedSeconds!;
    const none = estimateWaitRange(inputs({ position: 4, recentHandleSeconds: [], defaultHandleSeconds: 180 }));
    expect(quick).toBe(210);
    expect(none.expectedSeconds).toBe(210);
  });

  it('gives a wider range when there is little history', () => {
    const full = estimateWaitRange(inputs({ position: 4, recentHandleSeconds: history(360) }));
    const thin = estimateWaitRange(inputs({ position: 4, recentHandleSeconds: [360] }));
    expect(thin.highSeconds! - thin.lowSeconds!).toBeGreaterThan(full.highSeconds! - full.lowSeconds!);
  });

  it('says about a minute below ninety seconds, and whole minutes with the low below the high above it', () => {
    expect(estimateWaitRange(inputs({ position: 0 })).text).toBe('A person will be with you in about a minute.');
    const range = estimateWaitRange(inputs({ position: 1 }));
    expect(range.expectedSeconds).toBe(150);
    expect(range.text).toMatch(/^A person will be with you in about (\d+)–(\d+) minutes\.$/);
    const [, low, high] = range.text.match(/(\d+)–(\d+)/)!.map(Number);
    expect(low).toBeGreaterThanOrEqual(1);
    expect(high).toBeGreaterThan(low!);
  });

  it('is at least two minutes wide above five minutes, and its seconds match its words', () => {
    for (let position = 3; position < 40; position++) {
      const range = estimateWaitRange(inputs({ position, recentHandleSeconds: history(240) }));
      if (range.expectedSeconds! <= 300 || range.expectedSeconds! >= 3600) continue;
      expect(range.highSeconds! - range.lowSeconds!).toBeGreaterThanOrEqual(120);
      expect(range.text).toBe(`A person will be with you in about ${range.lowSeconds! / 60}–${range.highSeconds! / 60} minutes.`);
    }
  });

  it('switches to hours over an hour', () => {
    const range = estimateWaitRange(inputs({ position: 60, agentsOnShift: 1 }));
    expect(range.expectedSeconds!).toBeGreaterThan(3600);
    expect(range.text).toMatch(/^A person will be with you in about \d+–\d+ hours\.$/);
  });

  it('gives no number when nobody is on shift, and says so honestly', () => {
    const range = estimateWaitRange(inputs({ agentsOnShift: 0, position: 3 }));
    expect(range).toMatchObject({ known: false, lowSeconds: null, highSeconds: null, expectedSeconds: null });
    expect(range.text).toMatch(/Nobody is on shift right now/);
    expect(range.text).toMatch(/can't promise a time/);
  });

  it('treats nonsense inputs as nothing rather than inventing a number', () => {
    const range = estimateWaitRange(inputs({ position: -3, freeSlots: Number.NaN, recentHandleSeconds: [-5, Number.NaN] }));
    expect(range.known).toBe(true);
    expect(Number.isFinite(range.expectedSeconds)).toBe(true);
  });
});

describe('meanHandleSeconds', () => {
  it('lets the default stand in for missing history until there are ten handle times', () => {
    expect(meanHandleSeconds([], 300)).toBe(300);
    expect(meanHandleSeconds([600], 300)).toBe(330);
    expect(meanHandleSeconds(history(600, 10), 300)).toBe(600);
  });
});

describe('shouldOfferChoices', () => {
  it('offers a choice when nobody is on shift', () => {
    expect(shouldOfferChoices(estimateWaitRange(inputs({ agentsOnShift: 0 })), 300)).toBe(true);
  });

  it('offers a choice when the estimate is above the threshold, and not below it', () => {
    expect(shouldOfferChoices(estimateWaitRange(inputs({ position: 20 })), 300)).toBe(true);
    expect(shouldOfferChoices(estimateWaitRange(inputs({ position: 1 })), 300)).toBe(false);
  });

  it('uses the team threshold it is given', () => {
    const range = estimateWaitRange(inputs({ position: 4 }));
    expect(shouldOfferChoices(range, 600)).toBe(false);
    expect(shouldOfferChoices(range, 120)).toBe(true);
  });

  it('defaults to five minutes', () => {
    expect(DEFAULT_CHOICE_THRESHOLD_SECONDS).toBe(300);
    expect(shouldOfferChoices({ known: true, lowSeconds: 240, highSeconds: 480, expectedSeconds: 301, text: '' })).toBe(true);
  });
});
