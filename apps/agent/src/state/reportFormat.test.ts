import { describe, expect, it } from 'vitest';
import { describeChange, formatCount, formatMeasure, formatRatio, formatReportDuration, formatScore } from './reportFormat.ts';

describe('report formatting', () => {
  it('says durations as a person would, to the second while they are short', () => {
    expect(formatReportDuration(0)).toBe('0 s');
    expect(formatReportDuration(400)).toBe('<1 s');
    expect(formatReportDuration(45_000)).toBe('45 s');
    expect(formatReportDuration(59_600)).toBe('1 min');
    expect(formatReportDuration(130_000)).toBe('2 min 10 s');
    expect(formatReportDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatReportDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatReportDuration(27 * 3_600_000)).toBe('1 d 3 h');
    expect(formatReportDuration(48 * 3_600_000)).toBe('2 d');
  });

  it('shows shares as whole percents, scores with one decimal, counts whole', () => {
    expect(formatRatio(0.4231)).toBe('42%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(0.003)).toBe('<1%');
    expect(formatScore(4.26)).toBe('4.3');
    expect(formatScore(5)).toBe('5.0');
    expect(formatCount(1204)).toBe('1,204');
    expect(formatCount(0.345)).toBe('0.34');
  });

  it('formats each measure by what it is, and a missing value as a dash', () => {
    expect(formatMeasure('p90', 130_000)).toBe('2 min 10 s');
    expect(formatMeasure('waitP50', 45_000)).toBe('45 s');
    expect(formatMeasure('satisfied', 0.8)).toBe('80%');
    expect(formatMeasure('average', 4.04)).toBe('4.0');
    expect(formatMeasure('count', 12)).toBe('12');
    expect(formatMeasure('p50', null)).toBe('–');
  });

  it('tells how a figure moved, and whether that is better, in its own unit', () => {
    expect(describeChange('time-to-human', 'p50', 60_000, 100_000)).toEqual({ text: '40 s faster', tone: 'better' });
    expect(describeChange('time-to-human', 'p50', 100_000, 60_000)).toEqual({ text: '40 s slower', tone: 'worse' });
    expect(describeChange('time-to-human', 'p50', 60_400, 60_000)).toEqual({ text: 'same as before', tone: 'same' });
    expect(describeChange('csat', 'average', 4.5, 4.2)).toEqual({ text: '0.3 higher', tone: 'better' });
    expect(describeChange('abandonment', 'ratio', 0.1, 0.07)).toEqual({ text: '3 pts higher', tone: 'worse' });
    expect(describeChange('mood-turnaround', 'ratio', 0.8, 0.7)).toEqual({ text: '10 pts higher', tone: 'better' });
    expect(describeChange('effort', 'transfersPerConversation', 0.2, 0.35)).toEqual({ text: '0.15 fewer', tone: 'better' });
    expect(describeChange('time-to-human', 'count', 12, 10)).toEqual({ text: '20% more', tone: 'neutral' });
    expect(describeChange('time-to-human', 'count', 7, 0)).toBeNull();
    expect(describeChange('time-to-human', 'p50', 60_000, null)).toBeNull();
  });
});
