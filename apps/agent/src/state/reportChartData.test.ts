import type { ReportResponse } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { barsByDay, barsByGroup } from './reportChartData.ts';

function report(previous: Record<string, number | null> | null): ReportResponse {
  return {
    figure: 'time-to-human',
    period: { from: '2026-12-01', to: '2026-12-02', tz: 'UTC' },
    ...(previous ? { previousPeriod: { from: '2026-11-29', to: '2026-11-30' } } : {}),
    unit: 'ms',
    measures: ['p50', 'p90', 'count'],
    total: { values: { p50: 60_000, p90: 90_000, count: 3 } },
    rows: [
      { key: 'chat', label: 'Chat', values: { p50: 60_000, p90: 90_000, count: 2 }, ...(previous ? { previous } : {}) },
      { key: 'email', label: 'Email', values: { p50: null, p90: null, count: 0 }, ...(previous ? { previous } : {}) },
    ],
    series: [
      { date: '2026-12-01', values: { p50: 30_000, p90: 40_000, count: 1 } },
      { date: '2026-12-02', values: { p50: null, p90: null, count: 0 } },
    ],
  };
}

describe('chart bars', () => {
  it('draws a figure by group with the period before beside each measure', () => {
    const bars = barsByGroup('time-to-human', report({ p50: 120_000, p90: 200_000, count: 4 }));
    expect(bars.labels).toEqual(['Chat', 'Email']);
    expect(bars.keys).toEqual(['chat', 'email']);
    expect(bars.sets.map((s) => [s.label, s.period, s.data])).toEqual([
      ['Median', 'current', [60_000, null]],
      ['Median, period before', 'previous', [120_000, 120_000]],
      ['90th percentile', 'current', [90_000, null]],
      ['90th percentile, period before', 'previous', [200_000, 200_000]],
    ]);
  });

  it('leaves out a period before that has nothing to show', () => {
    const bars = barsByGroup('time-to-human', report({ p50: null, p90: null, count: 0 }));
    expect(bars.sets.map((s) => s.period)).toEqual(['current', 'current']);
    expect(barsByGroup('time-to-human', report(null)).sets).toHaveLength(2);
  });

  it('draws a figure day by day, each bar keyed by its date', () => {
    const bars = barsByDay('time-to-human', report(null));
    expect(bars.labels).toEqual(['1 Dec', '2 Dec']);
    expect(bars.keys).toEqual(['2026-12-01', '2026-12-02']);
    expect(bars.sets[0]).toMatchObject({ measure: 'p50', data: [30_000, null] });
  });
});
