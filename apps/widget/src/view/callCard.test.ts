import type { VisitorCall } from '@warmline/shared/types';
import { describe, expect, it } from 'vitest';
import { callWords, clock } from './callCard.ts';

const amina = { id: 'a1', displayName: 'Amina', avatarUrl: null };
const at = Date.parse('2026-03-02T10:00:00Z');
const call = (over: Partial<VisitorCall>): VisitorCall => ({
  id: 'c1',
  conversationId: 'k1',
  direction: 'inbound',
  status: 'ringing',
  outcome: null,
  person: amina,
  onHold: false,
  placedAt: '2026-03-02T10:00:00Z',
  answeredAt: null,
  ringSeconds: 20,
  rangAt: '2026-03-02T10:00:00Z',
  durationSeconds: null,
  ...over,
});

describe('what the customer reads about their call', () => {
  it('while it rings: whom we ring, and honestly how long before a colleague is tried', () => {
    expect(callWords(call({}), at + 6_000, null)).toEqual({
      title: 'Ringing Amina…',
      status: 'Up to 14 s more, then we try a colleague. No menus, no music.',
    });
  });

  it('on hold: who put them on hold, never music', () => {
    const held = call({ status: 'answered', onHold: true, answeredAt: '2026-03-02T10:00:10Z' });
    expect(callWords(held, at + 75_000, null)).toEqual({
      title: 'On hold · 1:05',
      status: 'Amina put you on hold for a moment.',
    });
  });

  it('a missed call offers a callback that keeps their place', () => {
    expect(callWords(call({ status: 'ended', outcome: 'missed' }), at, null).status).toBe(
      'Nobody could answer in time. We can call you back, keeping your place.',
    );
  });

  it('before the server answers, and when the call could not start', () => {
    expect(callWords(null, at, null).status).toBe('Connecting your call…');
    expect(callWords(null, at, 'Too many attempts.')).toEqual({ title: 'Call not started', status: 'Too many attempts.' });
  });

  it('durations read as minutes and seconds', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(305.7)).toBe('5:05');
  });

  it('when we ring the customer back: who is calling, and what came of it', () => {
    const back = (over: Partial<VisitorCall>) => call({ direction: 'outbound', ...over });
    expect(callWords(back({}), at, null)).toEqual({
      title: 'Amina is calling you back',
      status: 'Answer to talk here, in your browser.',
    });
    expect(callWords(back({ status: 'ended', outcome: 'missed' }), at, null).status).toBe(
      'You missed Amina’s call. They will try again, or write to us here.',
    );
    expect(callWords(back({ status: 'ended', outcome: 'cancelled' }), at, null).status).toBe('Amina stopped ringing.');
  });
});
