import { describe, expect, it } from 'vitest';
import { simulateDay } from './waitSimulation.ts';

describe('simulateDay', () => {
  it('replays exactly for the same seed', () => {
    expect(simulateDay({ seed: 7 })).toEqual(simulateDay({ seed: 7 }));
  });

  it('gives a different day for a different seed', () => {
    expect(simulateDay({ seed: 7 })).not.toEqual(simulateDay({ seed: 8 }));
  });

  it('excludes and counts the customers who arrive when nobody is on shift', () => {
    const result = simulateDay({ seed: 1, agentsPerHour: [0, 3, 3, 3, 3, 3, 3, 3] });
    expect(result.notes).toMatch(/[1-9]\d* with no estimate/);
  });
});
