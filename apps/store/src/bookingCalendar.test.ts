import { dayIn, byPartOfDay as groupByPartOfDay, partOfDay } from '@warmline/shared/storeCalendar';
import { describe, expect, it } from 'vitest';
import { clockTime, dayStrip, icsText, longWhen, zoneName } from './bookingCalendar.ts';

describe('the booking calendar, on the store’s clock', () => {
  it('the strip is the next 14 days from today in the store’s zone, whatever the browser’s', () => {
    // 22:30 UTC on 31 December is already 1 January in Nairobi (UTC+3), still 31 December in Lima (UTC−5).
    const now = new Date('2026-12-31T22:30:00Z');
    const nairobi = dayStrip('Africa/Nairobi', now, 'en');
    expect(nairobi).toHaveLength(14);
    expect(nairobi[0]).toEqual({ date: '2027-01-01', weekday: 'Fri', dayOfMonth: '1', month: 'Jan' });
    expect(nairobi[13]!.date).toBe('2027-01-14');
    expect(dayStrip('America/Lima', now, 'en')[0]!.date).toBe('2026-12-31');
    expect(dayIn('Africa/Nairobi', now)).toBe('2027-01-01');
  });

  it('the strip crosses a month and a daylight-saving change without skipping or repeating a day', () => {
    const days = dayStrip('Europe/Berlin', new Date('2027-03-25T09:00:00Z'), 'en').map((d) => d.date);
    expect(days.slice(0, 9)).toEqual([
      '2027-03-25',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
    ]);
    expect(new Set(days).size).toBe(14);
  });

  it('names the days in the customer’s language', () => {
    const now = new Date('2027-01-07T08:00:00Z');
    expect(dayStrip('UTC', now, 'es')[0]!.weekday).toMatch(/^jue/);
    expect(dayStrip('UTC', now, 'sw')[0]!.weekday).toMatch(/^Alh/);
  });

  it('times fall into morning, afternoon and evening by the store’s hour; empty parts are left out', () => {
    const at = (hhmm: string) => ({ start: `2027-01-07T${hhmm}:00Z` });
    // Nairobi is UTC+3: 08:45 UTC is 11:45 there, 09:00 UTC is 12:00.
    expect(partOfDay('2027-01-07T08:45:00Z', 'Africa/Nairobi')).toBe('morning');
    expect(partOfDay('2027-01-07T09:00:00Z', 'Africa/Nairobi')).toBe('afternoon');
    expect(partOfDay('2027-01-07T14:00:00Z', 'Africa/Nairobi')).toBe('evening');
    const groups = groupByPartOfDay([at('06:00'), at('06:15'), at('14:30')], 'Africa/Nairobi');
    expect(groups.map((g) => [g.part, g.slots.length])).toEqual([
      ['morning', 2],
      ['evening', 1],
    ]);
    expect(groupByPartOfDay([], 'UTC')).toEqual([]);
  });

  it('a time reads as the store says it: "Thursday 7 January, 15:00", with its zone named', () => {
    expect(clockTime('2027-01-07T12:00:00Z', 'Africa/Nairobi', 'en')).toBe('15:00');
    expect(longWhen('2027-01-07T12:00:00Z', 'Africa/Nairobi', 'en')).toBe('Thursday 7 January, 15:00');
    expect(longWhen('2027-01-07T12:00:00Z', 'Africa/Nairobi', 'es')).toBe('jueves, 7 de enero, 15:00');
    expect(zoneName('Africa/Nairobi', 'en', new Date('2027-01-07T12:00:00Z'))).toBe('East Africa Time');
  });

  it('the calendar file is valid iCalendar: UTC times, escaped text, CRLF lines folded at 75 octets', () => {
    const text = icsText({
      uid: 'abc',
      start: '2027-01-07T12:00:00.000Z',
      end: '2027-01-07T12:15:00Z',
      summary: 'Returns with Amina',
      location: 'Westlands, 14 Ring Road; Nairobi',
      description: `Change or cancel: https://help.example/book/westlands?appointment=${'x'.repeat(120)}`,
      now: new Date('2027-01-01T10:00:00Z'),
    });
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20270107T120000Z');
    expect(lines).toContain('DTEND:20270107T121500Z');
    expect(lines).toContain('DTSTAMP:20270101T100000Z');
    expect(lines).toContain('UID:abc@warmline');
    expect(lines).toContain('LOCATION:Westlands\\, 14 Ring Road\\; Nairobi');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[^\r]\n/);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`appointment=${'x'.repeat(120)}`);
  });
});
