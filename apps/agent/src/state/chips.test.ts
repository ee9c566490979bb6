import { describe, expect, it } from 'vitest';
import { callback, conversation } from '../testing/fixtures.ts';
import { callbackChip, callbackWindow, priorityBadges, shortPhone } from './chips.ts';

/** Local times, so the test reads the same in every timezone. */
const at = (h: number, m: number, dayOffset = 0) => new Date(2025, 0, 1 + dayOffset, h, m).toISOString();
const now = new Date(2025, 0, 1, 12, 0).getTime();

describe('callback chip', () => {
  const cb = callback({ windowStart: at(14, 0), windowEnd: at(14, 30) });

  it('shows the window and a shortened number while scheduled', () => {
    expect(callbackChip(cb, now)).toEqual({ text: 'Callback 14:00–14:30 · +254 712…', due: false, status: 'scheduled' });
  });

  it('says Call now when due, with the whole number where the agent dials', () => {
    expect(callbackChip({ ...cb, status: 'due' }, now, true)).toEqual({
      text: 'Call now · 14:00–14:30 · +254 712 345 678',
      due: true,
      status: 'due',
    });
  });

  it('shows nothing once done or cancelled', () => {
    expect(callbackChip({ ...cb, status: 'done' }, now)).toBeNull();
    expect(callbackChip({ ...cb, status: 'cancelled' }, now)).toBeNull();
    expect(callbackChip(null, now)).toBeNull();
  });

  it('names the day when the window is not today', () => {
    expect(callbackWindow({ windowStart: at(9, 0, 1), windowEnd: at(9, 30, 1) }, now)).toBe('Tomorrow 09:00–09:30');
    expect(callbackWindow({ windowStart: at(9, 0, 3), windowEnd: at(9, 30, 3) }, now)).toMatch(/^\S+ 09:00–09:30$/);
  });

  it('shortens numbers with and without spaces', () => {
    expect(shortPhone('+254 712 345 678')).toBe('+254 712…');
    expect(shortPhone('+254712345678')).toBe('+254712…');
    expect(shortPhone('0712 345')).toBe('0712 345');
  });
});

describe('priority badges', () => {
  it('shows upset, service failure and a waiting escalation, calmly', () => {
    const c = conversation('c1', { upset: true, serviceFailure: true, escalatedAt: '2025-01-01T10:05:00.000Z' });
    expect(priorityBadges(c).map((b) => b.label)).toEqual(['Upset', 'Service failure', 'Waiting too long']);
  });

  it('drops "Waiting too long" once a person has the conversation', () => {
    const c = conversation('c1', { status: 'active', escalatedAt: '2025-01-01T10:05:00.000Z' });
    expect(priorityBadges(c)).toEqual([]);
  });
});
