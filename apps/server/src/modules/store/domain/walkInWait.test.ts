import { describe, expect, it } from 'vitest';
import { type LineTicket, waitText, walkInWaits } from './walkInWait.ts';

const NOW = new Date('2031-01-08T10:00:00Z');
const waiting = (minutes: number, took?: number[]): LineTicket => ({ status: 'waiting', minutes, calledAt: null, took });
const mid = (range: { low: number; high: number }) => (range.low + range.high) / 2;

describe('walk-in waits', () => {
  it('the first in line with a free person at the counter is next, any moment now', () => {
    const [first] = walkInWaits([waiting(10)], 1, NOW);
    expect(first).toEqual({ position: 0, range: { low: 0, high: 60 } });
    expect(waitText(first!)).toBe('You are next · any moment now');
  });

  it('people ahead take their services’ time, shared between the staff on the floor: each place waits longer', () => {
    const waits = walkInWaits(
      Array.from({ length: 8 }, () => waiting(10)),
      2,
      NOW,
    );
    expect(waits.map((w) => w.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const mids = waits.map((w) => mid(w.range!));
    for (let i = 2; i < mids.length; i++) expect(mids[i]).toBeGreaterThan(mids[i - 2]!);
    // The fifth waits for two services on each of the two counters: about 20 minutes.
    expect(mids[4]).toBeGreaterThan(14 * 60);
    expect(mids[4]).toBeLessThan(26 * 60);
    expect(waitText(waits[4]!)).toMatch(/^About \d+–\d+ minutes · 4 people ahead of you$/);
  });

  it('someone at the counter keeps a person busy for the rest of a service like theirs', () => {
    const called: LineTicket = { status: 'called', minutes: 20, calledAt: new Date(NOW.getTime() - 5 * 60_000) };
    const [, next] = walkInWaits([called, waiting(10)], 1, NOW);
    expect(next!.position).toBe(0);
    expect(mid(next!.range!)).toBeGreaterThan(8 * 60);
    expect(mid(next!.range!)).toBeLessThan(22 * 60);
  });

  it('what a service really took lately is what the wait draws on', () => {
    const quick = Array.from({ length: 20 }, () => 120);
    const slow = Array.from({ length: 20 }, () => 1_800);
    const line = (took: number[]) => walkInWaits([waiting(10, took), waiting(10, took), waiting(10, took)], 1, NOW);
    expect(mid(line(quick)[2]!.range!)).toBeLessThan(5 * 60);
    expect(mid(line(slow)[2]!.range!)).toBeGreaterThan(50 * 60);
  });

  it('an appointment due first takes the person free at its time, ahead of the walk-ins', () => {
    const without = walkInWaits([waiting(10), waiting(10)], 1, NOW);
    const withAppointment = walkInWaits([waiting(10), waiting(10)], 1, NOW, [{ inSeconds: 0, minutes: 30 }]);
    expect(mid(withAppointment[0]!.range!)).toBeGreaterThan(mid(without[0]!.range!) + 15 * 60);
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

  it('the same line always gets the same answer, and no range is wider than two minutes or its midpoint', () => {
    const line = Array.from({ length: 30 }, (_, i) => waiting(5 + (i % 3) * 7));
    expect(walkInWaits(line, 3, NOW)).toEqual(walkInWaits(line, 3, NOW));
    for (const w of walkInWaits(line, 3, NOW)) {
      expect(w.range!.high - w.range!.low).toBeLessThanOrEqual(Math.max(120, mid(w.range!)));
    }
  });
});
