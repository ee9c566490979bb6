import { describe, expect, it } from 'vitest';
import { type LineTicket, waitText, walkInWaits } from './walkInWait.ts';

const NOW = new Date('2031-01-08T10:00:00Z');
const waiting = (minutes: number): LineTicket => ({ status: 'waiting', minutes, calledAt: null });

describe('walk-in waits', () => {
  it('the first in line with a free person at the counter is next, any moment now', () => {
    const [first] = walkInWaits([waiting(10)], 1, NOW);
    expect(first).toEqual({ position: 0, range: { low: 0, high: 60 } });
    expect(waitText(first!)).toBe('You are next · any moment now');
  });

  it('people ahead take their services’ time, shared between the staff on the floor', () => {
    const waits = walkInWaits([waiting(10), waiting(10), waiting(10), waiting(10)], 2, NOW);
    expect(waits.map((w) => w.position)).toEqual([0, 1, 2, 3]);
    // Two at once: the third waits for the first to finish (10 min), the fourth for the second.
    expect(waits[2]!.range).toEqual({ low: 480, high: 780 });
    expect(waitText(waits[2]!)).toBe('About 8–13 minutes · 2 people ahead of you');
  });

  it('someone at the counter keeps a person busy for what is left of their service', () => {
    const called: LineTicket = { status: 'called', minutes: 20, calledAt: new Date(NOW.getTime() - 5 * 60_000) };
    const [, next] = walkInWaits([called, waiting(10)], 1, NOW);
    expect(next).toEqual({ position: 0, range: { low: 660, high: 1140 } });
  });

  it('a ticket stepped out keeps its place but takes nobody’s time; nobody on the floor gives no number', () => {
    const away: LineTicket = { status: 'away', minutes: 30, calledAt: null };
    const waits = walkInWaits([away, waiting(10)], 1, NOW);
    expect(waits[0]).toEqual({ position: null, range: null });
    expect(waits[1]).toEqual({ position: 0, range: { low: 0, high: 60 } });
    const [alone] = walkInWaits([waiting(10)], 0, NOW);
    expect(alone!.range).toBeNull();
    expect(waitText(alone!)).toMatch(/nobody is at the counter just now/);
  });

  it('a range is never wider than two minutes or its midpoint, whichever is more', () => {
    for (let people = 1; people <= 40; people++) {
      const waits = walkInWaits(
        Array.from({ length: people }, () => waiting(7)),
        3,
        NOW,
      );
      for (const w of waits) {
        const mid = (w.range!.low + w.range!.high) / 2;
        expect(w.range!.high - w.range!.low).toBeLessThanOrEqual(Math.max(120, mid) + 60);
      }
    }
  });
});
