import type { ReportResponse, ReportValues } from '@warmline/shared';
import type { DrillCell } from '../../api/reports.ts';
import { Link } from '../../router.tsx';
import { measureLabel } from '../../state/reportFigures.ts';
import { formatCount, formatRatio } from '../../state/reportFormat.ts';

/** A row's customers across the service channels it sums. */
function rowSum(values: ReportValues, measures: readonly string[]): number {
  return measures.reduce((sum, m) => sum + (values[m] ?? 0), 0);
}

/** The cell's shade: the deeper, the larger its share of the row. Never fully white, so an empty cell still reads. */
export function heatShade(share: number): { background: string; color: string } {
  const alpha = 0.05 + Math.min(1, Math.max(0, share)) * 0.8;
  return { background: `rgba(194, 65, 12, ${alpha.toFixed(2)})`, color: alpha > 0.45 ? '#fff' : 'var(--ink)' };
}

/**
 * The channel matrix: rows the way customers bought, columns where they then sought help, each cell shaded by its
 * share of the row; a cell opens its conversations.
 */
export function ChannelHeatMap({ report, drillPath }: { report: ReportResponse; drillPath: (cell: DrillCell) => string }) {
  const measures = report.measures;
  return (
    <div className="heat-wrap">
      <table className="heat-map" data-testid="heat-map">
        <caption className="heat-caption">
          Rows: how customers bought. Columns: where they came to us. The deeper the shade, the larger the share of that row.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heat-col heat-corner">
              Bought
            </th>
            {measures.map((m) => (
              <th key={m} scope="col" className="heat-col">
                {measureLabel('channel-matrix', m)}
              </th>
            ))}
            <th scope="col" className="heat-col heat-total">
              <span className="wide-only">Customers</span>
              <span className="phone-only">All</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const sum = rowSum(row.values, measures);
            return (
              <tr key={row.key} data-testid="heat-row" data-row-key={row.key}>
                <th scope="row" className="heat-row">
                  {row.label}
                </th>
                {measures.map((m) => {
                  const count = row.values[m] ?? 0;
                  const share = sum > 0 ? count / sum : 0;
                  const label = `${row.label} on ${measureLabel('channel-matrix', m)}: ${formatCount(count)} customers, ${formatRatio(share)} of the row`;
                  return (
                    <td key={m} className="heat-slot" data-testid="heat-cell" data-measure={m} data-value={count}>
                      {count === 0 ? (
                        <span className="heat-cell" style={{ ...heatShade(0), color: 'var(--ink-3)' }} title={label}>
                          <span className="heat-count">0</span>
                        </span>
                      ) : (
                        <Link
                          to={drillPath({ row: row.key, measure: m, period: 'current' })}
                          className="heat-cell"
                          style={heatShade(share)}
                          aria-label={label}
                          title={label}
                        >
                          <span className="heat-count">{formatCount(count)}</span>
                          <span className="heat-share">{formatRatio(share)}</span>
                        </Link>
                      )}
                    </td>
                  );
                })}
                <td className="heat-total num">{formatCount(sum)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="heat-legend" aria-hidden="true">
        <span>0%</span>
        <span className="heat-scale" />
        <span>100% of the row</span>
      </div>
    </div>
  );
}
