import { describe, expect, it } from 'vitest';
import { effortOf } from './effort.ts';

describe('the effort we cause, per conversation', () => {
  it('the k-th wait ends at the k-th person message after the customer; a wait not over yet is not counted', () => {
    const effort = effortOf([
      { c: 'a', repeats: 2, channels: ['chat', 'chat'], starts: [0, 100_000, 500_000], ends: [90_000, 160_000] },
    ]);
    expect(effort.get('a')).toEqual({ repeats: 2, switches: 0, waits: [90_000, 60_000] });
  });

  it('a message on another channel than the one before is a switch, back again is another', () => {
    const effort = effortOf([
      { c: 'a', repeats: 0, channels: ['chat', 'email', 'email', 'chat'], starts: null, ends: null },
      { c: 'b', repeats: 0, channels: null, starts: null, ends: null },
    ]);
    expect(effort.get('a')).toEqual({ repeats: 0, switches: 2, waits: [] });
    expect(effort.get('b')).toEqual({ repeats: 0, switches: 0, waits: [] });
  });
});
