import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSignal } from './typingSignal.ts';

describe('TypingSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends "typing" once per few seconds however fast the agent types', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal(
      (t) => sent.push(t),
      3000,
      4000,
      () => Date.now(),
    );
    signal.keystroke();
    vi.advanceTimersByTime(500);
    signal.keystroke();
    vi.advanceTimersByTime(500);
    signal.keystroke();
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(2500);
    signal.keystroke();
    expect(sent).toEqual([true, true]);
  });

  it('says "stopped typing" after a quiet moment, once', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal(
      (t) => sent.push(t),
      3000,
      4000,
      () => Date.now(),
    );
    signal.keystroke();
    vi.advanceTimersByTime(4000);
    expect(sent).toEqual([true, false]);
    signal.stop();
    expect(sent).toEqual([true, false]);
  });
});
