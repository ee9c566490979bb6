import { describe, expect, it } from 'vitest';
import { nextDays, timeGroups } from './storeVisitTimes.ts';

describe('nextDays', () => {
  it('counts the week from the store’s today, not the visitor’s', () => {
    // 22:30 UTC on Tuesday 7 January is already Wednesday 8 January in Nairobi (UTC+3).
    const days = nextDays(new Date('2031-01-07T22:30:00Z'), 'Africa/Nairobi');
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ date: '2031-01-08', label: 'Today' });
    expect(days[1]).toEqual({ date: '2031-01-09', label: 'Tomorrow' });
    expect(days[6]).toEqual({ date: '2031-01-14', label: 'Tue 14 Jan' });
    // The same instant is still Tuesday in Mexico City.
    expect(nextDays(new Date('2031-01-07T22:30:00Z'), 'America/Mexico_City', 2)[0]?.date).toBe('2031-01-07');
  });

  it('steps over month ends and daylight-saving changes one calendar day at a time', () => {
    const days = nextDays(new Date('2031-03-29T10:00:00Z'), 'Europe/London', 4); // clocks go forward on 30 March
    expect(days.map((d) => d.date)).toEqual(['2031-03-29', '2031-03-30', '2031-03-31', '2031-04-01']);
  });
});

describe('timeGroups', () => {
  const slot = (start: string, people: string[]) => ({ start, end: start, people });
  const slots = [
    slot('2031-01-08T06:00:00Z', ['amina']), // 09:00 in Nairobi
    slot('2031-01-08T09:15:00Z', ['amina', 'brian']), // 12:15
    slot('2031-01-08T12:00:00Z', ['brian']), // 15:00
    slot('2031-01-08T15:30:00Z', ['brian']), // 18:30
    slot('2031-01-08T16:00:00Z', []), // nobody free
  ];

  it('groups the times by part of the store’s day, in its clock', () => {
    expect(timeGroups(slots, 'Africa/Nairobi', null)).toEqual([
      { label: 'Morning', times: [{ start: '2031-01-08T06:00:00Z', label: '09:00' }] },
      {
        label: 'Afternoon',
        times: [
          { start: '2031-01-08T09:15:00Z', label: '12:15' },
          { start: '2031-01-08T12:00:00Z', label: '15:00' },
        ],
      },
      { label: 'Evening', times: [{ start: '2031-01-08T15:30:00Z', label: '18:30' }] },
    ]);
  });

  it('offers only the times the chosen person is free, and leaves out empty parts of the day', () => {
    expect(timeGroups(slots, 'Africa/Nairobi', 'amina')).toEqual([
      { label: 'Morning', times: [{ start: '2031-01-08T06:00:00Z', label: '09:00' }] },
      { label: 'Afternoon', times: [{ start: '2031-01-08T09:15:00Z', label: '12:15' }] },
    ]);
    expect(timeGroups(slots, 'Africa/Nairobi', 'chebet')).toEqual([]);
  });

  it('reads midnight as 00:00, in the morning', () => {
    expect(timeGroups([slot('2031-01-08T00:00:00Z', ['amina'])], 'UTC', null)).toEqual([
      { label: 'Morning', times: [{ start: '2031-01-08T00:00:00Z', label: '00:00' }] },
    ]);
  });
});
