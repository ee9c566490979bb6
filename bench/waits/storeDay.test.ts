import { describe, expect, it } from 'vitest';
import { DAY_SHAPES, simulateStoreDay } from './storeDay.ts';

describe('the simulated store day', () => {
  const quiet = DAY_SHAPES[0]!;

  it('replays exactly for the same seed, and differs for another', () => {
    expect(simulateStoreDay(quiet, 3)).toEqual(simulateStoreDay(quiet, 3));
    expect(simulateStoreDay(quiet, 3)).not.toEqual(simulateStoreDay(quiet, 4));
  });

  it('scores every walk-in served, never shows a range wider than allowed, and the waits grow with the load', () => {
    const day = simulateStoreDay(quiet, 5);
    expect(day.customers).toBeGreaterThan(40);
    expect(day.widestRangeRatio).toBeLessThanOrEqual(1);
    const busier = simulateStoreDay({ ...quiet, arrivalsPerHour: quiet.arrivalsPerHour.map((n) => n * 2) }, 5);
    expect(busier.meanWait).toBeGreaterThan(day.meanWait);
  });
});
