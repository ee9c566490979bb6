import { describe, expect, it } from 'vitest';
import { callbackWindows, isWithinOpeningHours, normalisePhone, type OpeningHours } from './openingHours.ts';

const weekdays: OpeningHours = {
  mon: ['09:00', '17:00'],
  tue: ['09:00', '17:00'],
  wed: ['09:00', '17:00'],
  thu: ['09:00', '17:00'],
  fri: ['09:00', '17:00'],
  sat: null,
  sun: null,
};

describe('opening hours', () => {
  it('accepts a window inside the day and refuses one that runs past closing', () => {
    // 2026-11-23 is a Monday.
    expect(isWithinOpeningHours(new Date('2026-11-23T10:00:00Z'), new Date('2026-11-23T10:30:00Z'), weekdays, 'UTC')).toBe(true);
    expect(isWithinOpeningHours(new Date('2026-11-23T16:45:00Z'), new Date('2026-11-23T17:15:00Z'), weekdays, 'UTC')).toBe(false);
  });

  it('refuses a window on a closed day', () => {
    expect(isWithinOpeningHours(new Date('2026-11-22T10:00:00Z'), new Date('2026-11-22T10:30:00Z'), weekdays, 'UTC')).toBe(false);
  });

  it('reads hours in the workspace time zone', () => {
    // 06:30 UTC is 09:30 in Nairobi (UTC+3).
    expect(
      isWithinOpeningHours(new Date('2026-11-23T06:30:00Z'), new Date('2026-11-23T07:00:00Z'), weekdays, 'Africa/Nairobi'),
    ).toBe(true);
    expect(isWithinOpeningHours(new Date('2026-11-23T06:30:00Z'), new Date('2026-11-23T07:00:00Z'), weekdays, 'UTC')).toBe(false);
  });
});

describe('callback windows', () => {
  it('offers the slot under way from now, then the next half hours', () => {
    const windows = callbackWindows(new Date('2026-11-23T10:05:00Z'), weekdays, 'UTC', 3);
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2026-11-23T10:05:00.000Z', '2026-11-23T10:30:00.000Z'],
      ['2026-11-23T10:30:00.000Z', '2026-11-23T11:00:00.000Z'],
      ['2026-11-23T11:00:00.000Z', '2026-11-23T11:30:00.000Z'],
    ]);
  });

  it('can offer the slot under way however little of it is left', () => {
    const [first] = callbackWindows(new Date('2026-11-23T10:25:00Z'), weekdays, 'UTC', 1, 0);
    expect([first!.start.toISOString(), first!.end.toISOString()]).toEqual([
      '2026-11-23T10:25:00.000Z',
      '2026-11-23T10:30:00.000Z',
    ]);
  });

  it('skips a slot with too little left, and jumps over the night and the weekend', () => {
    const windows = callbackWindows(new Date('2026-11-27T16:55:00Z'), weekdays, 'UTC', 1);
    expect(windows[0]!.start.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('is open round the clock when every day is 00:00–24:00', () => {
    const always = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00', '24:00']]),
    ) as OpeningHours;
    expect(callbackWindows(new Date('2026-11-22T23:40:00Z'), always, 'UTC', 2).map((w) => w.start.toISOString())).toEqual([
      '2026-11-22T23:40:00.000Z',
      '2026-11-23T00:00:00.000Z',
    ]);
  });
});

describe('holidays', () => {
  it('closes a holiday and opens another day at its own hours, in the workspace time zone', () => {
    const holidays = [
      { date: '2026-12-25', name: 'Christmas Day', hours: null },
      { date: '2026-12-24', name: 'Christmas Eve', hours: ['09:00', '12:00'] as [string, string] },
    ];
    // 2026-12-25 is a Friday; 2026-12-24 a Thursday.
    const at = (iso: string) => new Date(iso);
    expect(isWithinOpeningHours(at('2026-12-25T10:00:00Z'), at('2026-12-25T10:30:00Z'), weekdays, 'UTC', holidays)).toBe(false);
    expect(isWithinOpeningHours(at('2026-12-24T11:00:00Z'), at('2026-12-24T11:30:00Z'), weekdays, 'UTC', holidays)).toBe(true);
    expect(isWithinOpeningHours(at('2026-12-24T13:00:00Z'), at('2026-12-24T13:30:00Z'), weekdays, 'UTC', holidays)).toBe(false);
    // 22:30 UTC on the 24th is already the 25th in Nairobi.
    expect(
      isWithinOpeningHours(
        at('2026-12-24T22:30:00Z'),
        at('2026-12-24T23:00:00Z'),
        { thu: ['00:00', '24:00'], fri: ['00:00', '24:00'] },
        'Africa/Nairobi',
        holidays,
      ),
    ).toBe(false);
    const windows = callbackWindows(at('2026-12-24T11:55:00Z'), weekdays, 'UTC', 1, 10, holidays);
    expect(windows[0]!.start.toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });
});

describe('phone numbers', () => {
  it('keeps the digits and a leading plus', () => {
    expect(normalisePhone('+254 712 345-678')).toBe('+254712345678');
    expect(normalisePhone('(020) 7946 0018')).toBe('02079460018');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['', 'call me', '12345', '+1234567890123456', '0712 abc 678']) expect(normalisePhone(bad)).toBeNull();
  });
});
