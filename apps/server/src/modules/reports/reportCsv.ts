import type { ReportResponse } from '@warmline/shared';
import { csvRow } from '../customers/index.ts';

/**
 * A report's table as CSV: a header `row,<measures…>`, one line per row (named by its label), then `total`.
 * Numbers are written as they are (ms as integers), an empty cell where there is no figure.
 */
export function reportCsv(report: ReportResponse): string {
  const line = (name: string, values: Record<string, number | null>) =>
    csvRow([name, ...report.measures.map((m) => values[m] ?? null)]);
  return [
    csvRow(['row', ...report.measures]),
    ...report.rows.map((r) => line(r.label, r.values)),
    line('total', report.total.values),
  ].join('');
}

/** The name a report's CSV is saved under. */
export function reportCsvName(report: ReportResponse): string {
  return `warmline-${report.figure}-${report.period.from}-${report.period.to}.csv`;
}
