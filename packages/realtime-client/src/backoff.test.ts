import { describe, expect, it } from 'vitest';
import { AGENT_JITTER, BACKOFF_MAX_MS, backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  it('starts around half a second', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(0, () => 0)).toBeGreaterThanOrEqual(300);
    expect(backoffDelay(0, () => 1)).toBeLessThanOrEqual(700);
  });

  it('doubles per attempt', () => {
    expect(backoffDelay(1, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(4000);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const r of [0, 0.5, 0.999]) expect(backoffDelay(50, () => r)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(backoffDelay(50, () => 0.999)).toBe(BACKOFF_MAX_MS);
  });

  it('spreads reconnects with jitter', () => {
    expect(backoffDelay(4, () => 0)).not.toBe(backoffDelay(4, () => 0.9));
  });
});

describe('backoffDelay for the agent app', () => {
  const agentDelay = (attempt: number, random: () => number) => backoffDelay(attempt, random, AGENT_JITTER);

  it('starts at half a second', () => {
    expect(agentDelay(0, () => 1)).toBe(500);
    expect(agentDelay(0, () => 0)).toBe(500);
  });

  it('doubles each attempt and never waits longer than 15 s', () => {
    expect(agentDelay(3, () => 1)).toBe(4000);
    expect(agentDelay(20, () => 1)).toBe(15_000);
    expect(agentDelay(20, () => 0)).toBe(7500);
  });
});
