import type { ReportFigure } from '@warmline/shared';
import type { ReportView } from '../state/reportRange.ts';
import { call, queryString } from './routes.ts';

/** The browser's own time zone: a report's dates are the calendar the person reading it lives by. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The query every report call shares. */
export function reportQuery(view: ReportView, tz: string) {
  return { from: view.from, to: view.to, tz, groupBy: view.groupBy, compare: view.compare ? 'previous' : undefined };
}

/** One cell's conversations: a row (none: the total), a measure and which period. */
export interface DrillCell {
  row: string | null;
  measure: string;
  period: 'current' | 'previous';
}

export const reportsApi = {
  get: (figure: ReportFigure, view: ReportView, tz: string) =>
    call('GET /reports/:figure', { params: { figure }, query: reportQuery(view, tz) }),
  conversations: (figure: ReportFigure, view: ReportView, tz: string, cell: DrillCell, cursor: string | null) =>
    call('GET /reports/:figure/conversations', {
      params: { figure },
      query: { ...reportQuery(view, tz), row: cell.row, measure: cell.measure, period: cell.period, cursor, limit: 100 },
    }),
  /** Where the browser downloads a figure's table as CSV. */
  csvUrl: (figure: ReportFigure, view: ReportView, tz: string) =>
    `/api/v1/reports/${encodeURIComponent(figure)}.csv${queryString(reportQuery(view, tz))}`,
};
