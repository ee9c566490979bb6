import { describe, expect, it } from 'vitest';
import { isValidRange, presetRange, rangeText, readReportView, reportViewSearch, todayIn } from './reportRange.ts';

// 2026-12-07 00:30 in Nairobi is still 2026-12-06 in UTC: presets follow the calendar of the zone they are read in.
const NOW = Date.parse('2026-12-06T21:30:00Z');

describe('report date ranges', () => {
  it('reads today in the given time zone', () => {
    expect(todayIn(NOW, 'UTC')).toBe('2026-12-06');
    expect(todayIn(NOW, 'Africa/Nairobi')).toBe('2026-12-07');
    expect(todayIn(NOW, 'America/Los_Angeles')).toBe('2026-12-06');
  });

  it('turns each preset into calendar dates ending today', () => {
    expect(presetRange('last7', NOW, 'Africa/Nairobi')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetRange('last30', NOW, 'Africa/Nairobi')).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    expect(presetRange('thisMonth', NOW, 'Africa/Nairobi')).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetRange('lastMonth', NOW, 'Africa/Nairobi')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('crosses year ends and short months', () => {
    const newYear = Date.parse('2027-01-03T10:00:00Z');
    expect(presetRange('lastMonth', newYear, 'UTC')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('last7', newYear, 'UTC')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    const march = Date.parse('2027-03-15T10:00:00Z');
    expect(presetRange('lastMonth', march, 'UTC')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('keeps a custom range only when it is a real range within 400 days', () => {
    expect(isValidRange('2026-11-01', '2026-11-30')).toBe(true);
    expect(isValidRange('2026-11-30', '2026-11-01')).toBe(false);
    expect(isValidRange('2026-02-30', '2026-03-01')).toBe(false);
    expect(isValidRange('2025-01-01', '2026-12-01')).toBe(false);
    expect(readReportView('?range=custom&from=2026-11-30&to=2026-11-01', NOW, 'UTC')).toMatchObject({
      preset: 'last30',
      from: '2026-11-07',
      to: '2026-12-06',
    });
  });

  it('reads back the view it wrote, a preset moving on with the clock', () => {
    const view = readReportView('?range=custom&from=2026-10-01&to=2026-10-31&groupBy=team&compare=0', NOW, 'UTC');
    expect(view).toEqual({ preset: 'custom', from: '2026-10-01', to: '2026-10-31', groupBy: 'team', compare: false });
    expect(readReportView(reportViewSearch(view), NOW, 'UTC')).toEqual(view);
    const weekly = readReportView('?range=last7', NOW, 'UTC');
    expect(weekly).toEqual({ preset: 'last7', from: '2026-11-30', to: '2026-12-06', groupBy: 'channel', compare: true });
    expect(reportViewSearch(weekly)).toBe('?range=last7');
    expect(readReportView('', NOW, 'UTC').preset).toBe('last30');
    // A link pinned to the dates it was made on keeps them, whatever the clock says now.
    const pinned = reportViewSearch(weekly, { measure: 'count' }, true);
    expect(pinned).toBe('?range=last7&from=2026-11-30&to=2026-12-06&measure=count');
    expect(readReportView(pinned, NOW + 86_400_000, 'UTC')).toEqual(weekly);
  });

  it('says a range briefly', () => {
    expect(rangeText('2026-11-01', '2026-11-30')).toBe('1 – 30 Nov 2026');
    expect(rangeText('2026-10-28', '2026-11-03')).toBe('28 Oct – 3 Nov 2026');
    expect(rangeText('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(rangeText('2026-11-05', '2026-11-05')).toBe('5 Nov 2026');
  });
});
