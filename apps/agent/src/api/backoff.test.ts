import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff.ts';

describe('reconnectDelayMs', () => {
  it('starts at half a second', () => {
    expect(reconnectDelayMs(0, () => 1)).toBe(500);
    expect(reconnectDelayMs(0, () => 0)).toBe(500);
  });

  it('doubles each attempt and never waits longer than 15 s', () => {
    expect(reconnectDelayMs(3, () => 1)).toBe(4000);
    expect(reconnectDelayMs(20, () => 1)).toBe(15_000);
    expect(reconnectDelayMs(20, () => 0)).toBe(7500);
  });
});
