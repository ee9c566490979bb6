import { describe, expect, it } from 'vitest';
import { composerState } from './messageLength.ts';

describe('composerState', () => {
  it('refuses empty and whitespace-only bodies', () => {
    expect(composerState('', 100).canSend).toBe(false);
    expect(composerState(' \n\t', 100).canSend).toBe(false);
    expect(composerState('hi', 10_000)).toEqual({ canSend: true, counter: null, over: false, note: null });
  });

  it('shows a counter near the limit and refuses above it', () => {
    expect(composerState('x'.repeat(8000), 10_000).counter).toBeNull();
    expect(composerState('x'.repeat(9500), 10_000)).toEqual({
      canSend: true,
      counter: '9,500 / 10,000',
      over: false,
      note: null,
    });
    expect(composerState('x'.repeat(10_001), 10_000)).toMatchObject({ canSend: false, over: true, counter: '10,001 / 10,000' });
  });

  it('calls a draft just over the limit a little too long, and says how far over a much longer one is', () => {
    expect(composerState('x'.repeat(10_050), 10_000).note).toBe(
      'A little too long to send: 50 characters over the 10,000 limit.',
    );
    const tenTimes = composerState('x'.repeat(100_000), 10_000).note!;
    expect(tenTimes).not.toMatch(/a little/i);
    expect(tenTimes).toBe(
      'Far too long to send: 100,000 characters, 10 times the 10,000 characters a message can hold. Shorten it, or split it into a few messages.',
    );
    expect(composerState('x'.repeat(15_000), 10_000).note).toBe(
      'Far too long to send: 15,000 characters, over the 10,000-character limit. Shorten it, or split it into a few messages.',
    );
  });
});
