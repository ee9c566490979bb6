import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, formatDuration, formatPromise, since } from './time.ts';

describe('formatDuration', () => {
  it('speaks in minutes, hours and days', () => {
    expect(formatDuration(20_000)).toBe('<1 min');
    expect(formatDuration(3 * 60_000 + 59_000)).toBe('3 min');
    expect(formatDuration(60 * 60_000)).toBe('1 h');
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
    expect(formatDuration(50 * 60 * 60_000)).toBe('2 d');
  });

  it('never shows a negative wait when the browser clock is behind', () => {
    expect(since('2025-01-01T10:00:10.000Z', Date.parse('2025-01-01T10:00:00.000Z'))).toBe(0);
  });
});

describe('formatPromise', () => {
  it('says when a reply kept the promise, and whether it was late', () => {
    const now = Date.parse('2025-01-01T12:00:00.000Z');
    expect(formatPromise('2025-01-01T10:20:00.000Z', now, { keptAt: '2025-01-01T10:05:00.000Z' })).toEqual({
      text: `Promised reply sent at ${formatClock('2025-01-01T10:05:00.000Z', now)} (in time)`,
      overdue: false,
    });
    expect(formatPromise('2025-01-01T10:20:00.000Z', now, { keptAt: '2025-01-01T11:00:00.000Z' }).text).toMatch(/\(late\)$/);
  });

  const now = Date.parse('2025-01-01T10:00:00.000Z');

  it('tells how long is left before a promised reply', () => {
    const promise = formatPromise('2025-01-01T10:20:00.000Z', now);
    expect(promise.overdue).toBe(false);
    expect(promise.text).toContain('(in 20 min)');
  });

  it('says when a promise is overdue', () => {
    const promise = formatPromise('2025-01-01T09:55:00.000Z', now);
    expect(promise.overdue).toBe(true);
    expect(promise.text).toContain('overdue by 5 min');
  });
});

describe('formatDay', () => {
  const now = new Date(2025, 5, 10, 15, 0).getTime();

  it('gives the time for today and only the day before that', () => {
    expect(formatDay(new Date(2025, 5, 10, 9, 30).toISOString(), now)).toMatch(/09.30|9.30/);
    const earlier = formatDay(new Date(2025, 2, 3, 9, 30).toISOString(), now);
    expect(earlier).toMatch(/3/);
    expect(earlier).not.toMatch(/9.30|2025/);
  });

  it('names the year for earlier years', () => {
    expect(formatDay(new Date(2024, 11, 24).toISOString(), now)).toMatch(/2024/);
  });
});
