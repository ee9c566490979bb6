import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingSender } from './typing.ts';

describe('TypingSender', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends true at most every 2 s while typing and false after 3 s idle', () => {
    const sent: boolean[] = [];
    const t = new TypingSender((x) => sent.push(x));
    t.input();
    vi.advanceTimersByTime(500);
    t.input();
    t.input();
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(1600);
    t.input(); // 2.1 s after the first: refresh
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(2999);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([true, true, false]);
  });

  it('sends false on send, and only once', () => {
    const sent: boolean[] = [];
    const t = new TypingSender((x) => sent.push(x));
    t.input();
    t.stop();
    t.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([true, false]);
  });
});
