import { measureUnit, type ReportFigure, type ReportUnit } from '@warmline/shared';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A figure's duration, to the second while it is short: "45 s", "2 min 10 s", "1 h 5 min", "2 d 3 h". */
export function formatReportDuration(ms: number): string {
  const rounded = Math.round(Math.max(0, ms) / SECOND) * SECOND;
  if (ms > 0 && rounded === 0) return '<1 s';
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string) =>
    small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
  if (rounded < MINUTE) return `${rounded / SECOND} s`;
  if (rounded < HOUR) return pair(Math.floor(rounded / MINUTE), 'min', Math.floor((rounded % MINUTE) / SECOND), 's');
  const minutes = Math.round(rounded / MINUTE) * MINUTE;
  if (minutes < DAY) return pair(Math.floor(minutes / HOUR), 'h', Math.floor((minutes % HOUR) / MINUTE), 'min');
  const hours = Math.round(rounded / HOUR) * HOUR;
  return pair(Math.floor(hours / DAY), 'd', Math.floor((hours % DAY) / HOUR), 'h');
}

/** A share as a whole percent ("42%"); a share too small to round up still shows it is there ("<1%"). */
export function formatRatio(ratio: number): string {
  const percent = Math.round(ratio * 100);
  if (percent === 0 && ratio > 0) return '<1%';
  return `${percent}%`;
}

/** A score with one decimal: "4.3". */
export function formatScore(score: number): string {
  return score.toFixed(1);
}

/** A count as a whole number ("1,204"); an average per conversation with two decimals ("0.35"). */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toFixed(2);
}

/** One value in its unit; a cell with nothing to measure reads "–". */
export function formatValue(unit: ReportUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (unit === 'ms') return formatReportDuration(value);
  if (unit === 'ratio') return formatRatio(value);
  if (unit === 'score') return formatScore(value);
  return formatCount(value);
}

/** A chart axis's tick: like {@link formatValue}, with tenths of a second below one second so ticks stay apart. */
export function axisValue(unit: ReportUnit, value: number): string {
  if (unit === 'ms' && value > 0 && value < SECOND) return `${(value / SECOND).toFixed(1)} s`;
  return formatValue(unit, value);
}

/** One measure's value, formatted by what the measure is. */
export function formatMeasure(measure: string, value: number | null | undefined): string {
  return formatValue(measureUnit(measure), value);
}

/** Where lower is the better direction: durations, effort, giving up. */
export function lowerIsBetter(figure: ReportFigure, measure: string): boolean {
  if (measureUnit(measure) === 'ms') return true;
  if (figure === 'effort' || figure === 'abandonment') return measure !== 'waited' && measure !== 'conversations';
  if (figure === 'recoveries' && measure === 'failures') return true;
  return false;
}

export type ChangeTone = 'better' | 'worse' | 'same' | 'neutral';
export interface Change {
  text: string;
  tone: ChangeTone;
}

/**
 * How a value moved against the period before, in words a supervisor reads at a glance: "40 s faster",
 * "3 pts higher", "0.2 lower", "12% more". Null when either side has nothing to compare.
 */
export function describeChange(
  figure: ReportFigure,
  measure: string,
  current: number | null | undefined,
  previous: number | null | undefined,
): Change | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const unit = measureUnit(measure);
  const diff = current - previous;
  const tone = (up: boolean): ChangeTone => {
    if (figure === 'channel-matrix' || (unit === 'count' && figure !== 'effort' && !lowerIsBetter(figure, measure)))
      return 'neutral';
    return up !== lowerIsBetter(figure, measure) ? 'better' : 'worse';
  };
  if (unit === 'ms') {
    if (Math.abs(diff) < SECOND) return { text: 'same as before', tone: 'same' };
    return { text: `${formatReportDuration(Math.abs(diff))} ${diff < 0 ? 'faster' : 'slower'}`, tone: tone(diff > 0) };
  }
  if (unit === 'ratio') {
    const points = Math.round(diff * 100);
    if (points === 0) return { text: 'same as before', tone: 'same' };
    return { text: `${Math.abs(points)} pts ${points > 0 ? 'higher' : 'lower'}`, tone: tone(points > 0) };
  }
  if (unit === 'score') {
    const tenths = Math.round(diff * 10);
    if (tenths === 0) return { text: 'same as before', tone: 'same' };
    return { text: `${formatScore(Math.abs(tenths) / 10)} ${tenths > 0 ? 'higher' : 'lower'}`, tone: tone(tenths > 0) };
  }
  if (!Number.isInteger(current) || !Number.isInteger(previous)) {
    const hundredths = Math.round(diff * 100);
    if (hundredths === 0) return { text: 'same as before', tone: 'same' };
    return { text: `${formatCount(Math.abs(hundredths) / 100)} ${hundredths > 0 ? 'more' : 'fewer'}`, tone: tone(diff > 0) };
  }
  if (diff === 0) return { text: 'same as before', tone: 'same' };
  // Nothing before: a percent would be meaningless and "7 more" says only what the value says.
  if (previous === 0) return null;
  const percent = Math.round((Math.abs(diff) / previous) * 100);
  return { text: `${percent}% ${diff > 0 ? 'more' : 'fewer'}`, tone: tone(diff > 0) };
}
