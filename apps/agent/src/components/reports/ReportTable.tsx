import type { ReportFigure, ReportResponse, ReportValues } from '@warmline/shared';
import type { DrillCell } from '../../api/reports.ts';
import { Link } from '../../router.tsx';
import { hasPrevious, measureLabel, shortMeasureLabel } from '../../state/reportFigures.ts';
import { describeChange, formatMeasure } from '../../state/reportFormat.ts';

interface ReportTableProps {
  figure: ReportFigure;
  report: ReportResponse;
  groupLabel: string;
  /** Where a cell's conversations are listed. */
  drillPath: (cell: DrillCell) => string;
}

function Cell({
  figure,
  measure,
  values,
  previous,
  to,
}: {
  figure: ReportFigure;
  measure: string;
  values: ReportValues;
  previous: ReportValues | undefined;
  to: string;
}) {
  const value = values[measure] ?? null;
  const change = previous ? describeChange(figure, measure, value, previous[measure]) : null;
  return (
    <td className="num" data-testid="report-cell" data-measure={measure} data-value={value ?? ''}>
      {value === null ? (
        <span className="hint">–</span>
      ) : (
        <Link to={to} className="report-value" title="See the conversations">
          {formatMeasure(measure, value)}
        </Link>
      )}
      {previous ? (
        <span className="report-before">
          {change && change.tone !== 'same' ? (
            <span className={`change change-${change.tone}`}>{change.text}</span>
          ) : (
            <>before {formatMeasure(measure, previous[measure] ?? null)}</>
          )}
        </span>
      ) : null}
    </td>
  );
}

/** Every group's figures with the total last; each value opens the conversations it counts. */
export function ReportTable({ figure, report, groupLabel, drillPath }: ReportTableProps) {
  const to = (row: string | null, measure: string) => drillPath({ row, measure, period: 'current' });
  // A period before that counted nothing has nothing to say beside each value; the page says so once.
  const compared = hasPrevious(report);
  const before = <T,>(previous: T | undefined) => (compared ? previous : undefined);
  return (
    <div className="report-table-wrap">
      <table className="grid-table report-table" data-testid="report-table">
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            {report.measures.map((m) => {
              const label = measureLabel(figure, m);
              const short = shortMeasureLabel(figure, m);
              return (
                <th key={m} scope="col" className="num" title={label}>
                  {short === label ? (
                    label
                  ) : (
                    <>
                      <span className="wide-only">{label}</span>
                      <span className="phone-only">{short}</span>
                    </>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.key} data-testid="report-row" data-row-key={row.key}>
              <th scope="row">{row.label}</th>
              {report.measures.map((m) => (
                <Cell
                  key={m}
                  figure={figure}
                  measure={m}
                  values={row.values}
                  previous={before(row.previous)}
                  to={to(row.key, m)}
                />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="report-total">
            <th scope="row">All</th>
            {report.measures.map((m) => (
              <Cell
                key={m}
                figure={figure}
                measure={m}
                values={report.total.values}
                previous={before(report.total.previous)}
                to={to(null, m)}
              />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
