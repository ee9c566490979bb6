import { describe, expect, it } from 'vitest';
import { answerBy, dueInWords } from './answerBy.ts';

const weekdays = {
  mon: ['09:00', '18:00'],
  tue: ['09:00', '18:00'],
  wed: ['09:00', '18:00'],
  thu: ['09:00', '18:00'],
  fri: ['09:00', '18:00'],
} as const;
const hours = { openingHours: weekdays as never, timezone: 'Europe/Berlin' };
const FOUR_HOURS = 4 * 3600;

describe('when an email is promised an answer: its target counted in opening hours', () => {
  it('runs on the clock while open', () => {
    // Monday 7 December 2026, 10:07 in Berlin.
    expect(answerBy(new Date('2026-12-07T09:07:00Z'), FOUR_HOURS, hours).toISOString()).toBe('2026-12-07T13:07:00.000Z');
  });

  it('stops at closing time and goes on when the team opens again', () => {
    // Monday 17:55 Berlin: five minutes today, three hours fifty-five on Tuesday from 09:00.
    expect(answerBy(new Date('2026-12-07T16:55:00Z'), FOUR_HOURS, hours).toISOString()).toBe('2026-12-08T11:55:00.000Z');
    // Friday 20:00 Berlin: Monday 13:00.
    expect(answerBy(new Date('2026-12-11T19:00:00Z'), FOUR_HOURS, hours).toISOString()).toBe('2026-12-14T12:00:00.000Z');
  });

  it('honours a holiday, and falls back to the plain clock for hours that never open', () => {
    const holidays = [{ date: '2026-12-08', name: 'A day off', hours: null }];
    expect(answerBy(new Date('2026-12-07T16:55:00Z'), FOUR_HOURS, { ...hours, holidays }).toISOString()).toBe(
      '2026-12-09T11:55:00.000Z',
    );
    expect(answerBy(new Date('2026-12-07T09:00:00Z'), 60, { openingHours: {}, timezone: 'UTC' }).toISOString()).toBe(
      '2026-12-07T09:01:00.000Z',
    );
  });

  it('says the time as the customer reads it, in the team’s zone', () => {
    const now = new Date('2026-12-07T09:07:00Z');
    expect(dueInWords(new Date('2026-12-07T13:07:00Z'), now, 'Europe/Berlin')).toBe('14:07');
    expect(dueInWords(new Date('2026-12-08T11:55:00Z'), now, 'Europe/Berlin')).toBe('tomorrow at 12:55');
    expect(dueInWords(new Date('2026-12-11T08:00:00Z'), now, 'Europe/Berlin')).toBe('Friday at 09:00');
    expect(dueInWords(new Date('2026-12-21T08:00:00Z'), now, 'Europe/Berlin')).toBe('Monday 21 December at 09:00');
  });
});
