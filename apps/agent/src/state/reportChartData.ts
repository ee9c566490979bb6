import type { ReportFigure, ReportResponse } from '@warmline/shared';
import { FIGURES, measureLabel } from './reportFigures.ts';

/** One series of bars: a measure of one period. */
export interface BarSet {
  label: string;
  measure: string;
  period: 'current' | 'previous';
  /** Which of the figure's chart measures it is (its colour). */
  index: number;
  data: Array<number | null>;
}

/** What a chart draws: a bar per label in each set; `keys` say what each label stands for (a row key, a date). */
export interface Bars {
  labels: string[];
  keys: string[];
  sets: BarSet[];
}

const hasAny = (data: Array<number | null>) => data.some((v) => v !== null);

/**
 * A figure by group: its chart measures for each row, the period before beside each when it has anything to show
 * (a legend of empty "period before" entries only clutters).
 */
export function barsByGroup(figure: ReportFigure, report: ReportResponse): Bars {
  const sets = FIGURES[figure].chart.flatMap((measure, index): BarSet[] => {
    const label = measureLabel(figure, measure);
    const current: BarSet = { label, measure, period: 'current', index, data: report.rows.map((r) => r.values[measure] ?? null) };
    const before = report.rows.map((r) => r.previous?.[measure] ?? null);
    if (!report.previousPeriod || !hasAny(before)) return [current];
    return [current, { label: `${label}, period before`, measure, period: 'previous', index, data: before }];
  });
  return { labels: report.rows.map((r) => r.label), keys: report.rows.map((r) => r.key), sets };
}

/** "3 Dec": a day of the series, short. */
export function dayLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

/** A figure day by day over the period, all groups together. */
export function barsByDay(figure: ReportFigure, report: ReportResponse): Bars {
  const sets = FIGURES[figure].chart.map(
    (measure, index): BarSet => ({
      label: measureLabel(figure, measure),
      measure,
      period: 'current',
      index,
      data: report.series.map((d) => d.values[measure] ?? null),
    }),
  );
  return { labels: report.series.map((d) => dayLabel(d.date)), keys: report.series.map((d) => d.date), sets };
}
