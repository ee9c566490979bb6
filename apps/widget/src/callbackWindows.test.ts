import { describe, expect, it } from 'vitest';
import { callbackConfirmation, callbackStatus, dayName, isActiveCallback, openWindows, windowLabel } from './callbackWindows.ts';
import { callback } from './fixtures.test-util.ts';

// Local-time dates, so the expectations hold in any time zone the tests run in.
const at = (day: number, hour: number, minute = 0, second = 0) => new Date(2025, 2, day, hour, minute, second);
const win = (start: Date, end: Date) => ({ start: start.toISOString(), end: end.toISOString() });
const now = at(4, 13, 50); // Tuesday 4 March 2025, 13:50

describe('windowLabel', () => {
  it('labels a window that has begun "Now – end"', () => {
    expect(windowLabel(win(at(4, 13, 30), at(4, 14, 30)), now)).toBe('Now – 14:30');
    expect(windowLabel(win(at(4, 13, 50, 30), at(4, 14, 30)), now)).toBe('Now – 14:30'); // starting this minute
  });
  it('labels later today and tomorrow by name', () => {
    expect(windowLabel(win(at(4, 14), at(4, 14, 30)), now)).toBe('Today 14:00–14:30');
    expect(windowLabel(win(at(5, 9), at(5, 9, 30)), now)).toBe('Tomorrow 09:00–09:30');
  });
  it('labels later days with weekday and date, and a window over midnight with its end day', () => {
    expect(windowLabel(win(at(6, 9), at(6, 9, 30)), now)).toBe('Thu 6 Mar 09:00–09:30');
    expect(windowLabel(win(at(4, 23, 30), at(5, 0, 15)), now)).toBe('Today 23:30–Tomorrow 00:15');
  });
  it('counts calendar days, not 24-hour spans', () => {
    expect(dayName(at(5, 0, 5), at(4, 23, 55))).toBe('Tomorrow');
    expect(dayName(at(3, 9), now)).toBe('Mon 3 Mar'); // a day gone by is never "Today"
  });
  it('survives a malformed window', () => {
    expect(windowLabel({ start: 'soon', end: 'later' }, now)).toBe('soon – later');
  });
});

describe('openWindows', () => {
  it('drops windows already over and sorts by start', () => {
    const over = win(at(4, 13), at(4, 13, 30));
    const current = win(at(4, 13, 30), at(4, 14));
    const later = win(at(4, 15), at(4, 15, 30));
    expect(openWindows([later, over, current, { start: 'x', end: 'y' }], now)).toEqual([current, later]);
  });
});

describe('callbackStatus', () => {
  const booked = (start: Date, end: Date, owner = true) =>
    callback({ windowStart: start.toISOString(), windowEnd: end.toISOString(), ...(owner ? {} : { owner: null }) });
  it('names who calls and when', () => {
    expect(callbackStatus(booked(at(4, 14), at(4, 14, 30)), now)).toBe('Amina will call you today, 14:00–14:30');
    expect(callbackStatus(booked(at(5, 9), at(5, 9, 30), false), now)).toBe('We’ll call you tomorrow, 09:00–09:30');
    expect(callbackStatus(booked(at(7, 9), at(7, 9, 30)), now)).toBe('Amina will call you on Fri 7 Mar, 09:00–09:30');
    expect(callbackStatus(booked(at(4, 13, 30), at(4, 14, 30)), now)).toBe('Amina will call you by 14:30');
  });
  it('makes a confirmation when the server’s sentence is not at hand', () => {
    expect(callbackConfirmation(booked(at(4, 14), at(4, 14, 30)), now)).toBe(
      'Amina will call you on +254 712 345 678 today, 14:00–14:30. You keep your place in line.',
    );
  });
  it('counts only callbacks still to happen', () => {
    expect(isActiveCallback(callback())).toBe(true);
    expect(isActiveCallback(callback({ status: 'due' }))).toBe(true);
    expect(isActiveCallback(callback({ status: 'done' }))).toBe(false);
    expect(isActiveCallback(callback({ status: 'cancelled' }))).toBe(false);
    expect(isActiveCallback(null)).toBe(false);
  });
});
