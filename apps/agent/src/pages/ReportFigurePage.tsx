import type { ReportFigure } from '@warmline/shared';
import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { type DrillCell, reportsApi } from '../api/reports.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FilterChips } from '../components/FilterChips.tsx';
import { ChannelHeatMap } from '../components/reports/ChannelHeatMap.tsx';
import { RangeBar } from '../components/reports/RangeBar.tsx';
import { ReportChart } from '../components/reports/ReportChart.tsx';
import { ReportTable } from '../components/reports/ReportTable.tsx';
import { Link, navigate, paths } from '../router.tsx';
import { type BarSet, barsByDay, barsByGroup } from '../state/reportChartData.ts';
import { FIGURES, figureCaption, hasPrevious, isEmptyReport } from '../state/reportFigures.ts';
import { describeChange, formatMeasure } from '../state/reportFormat.ts';
import { useReport, useReportView } from '../state/reportQueries.ts';
import { rangeText, reportViewSearch } from '../state/reportRange.ts';
import '../styles/reports.css';

const GROUP_LABEL = { channel: 'Channel', team: 'Team', agent: 'Person' } as const;
const BY_GROUP = { channel: 'By channel', team: 'By team', agent: 'By person' } as const;

/** One figure: its range and grouping, a chart, the table under it, a CSV of the table; any value drills down. */
export function ReportFigurePage({ figure }: { figure: ReportFigure }) {
  const { view, setView, tz, search } = useReportView();
  const matrix = figure === 'channel-matrix';
  const query = useReport(figure, matrix ? { ...view, compare: false } : view, tz);
  const report = query.data;
  const text = FIGURES[figure];

  const drillPath = useCallback(
    (cell: DrillCell) =>
      paths.reportConversations(
        figure,
        reportViewSearch(
          view,
          { row: cell.row, measure: cell.measure, period: cell.period === 'previous' ? 'previous' : null },
          true,
        ),
      ),
    [figure, view],
  );
  const [chartBy, setChartBy] = useState<'group' | 'day'>('group');
  const bars = useMemo(
    () => (report ? (chartBy === 'day' ? barsByDay(figure, report) : barsByGroup(figure, report)) : null),
    [figure, report, chartBy],
  );
  // A group's bar opens its cell; a day's bar opens that day's conversations of the whole figure.
  const onPick = (key: string, set: BarSet) =>
    navigate(
      chartBy === 'group'
        ? drillPath({ row: key, measure: set.measure, period: set.period })
        : paths.reportConversations(
            figure,
            reportViewSearch({ ...view, preset: 'custom', from: key, to: key }, { measure: set.measure }),
          ),
    );
  const forbidden = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
  const empty = report ? isEmptyReport(report) : false;
  const headline = text.headline;
  const change =
    report?.total.previous && !matrix
      ? describeChange(figure, headline, report.total.values[headline], report.total.previous[headline])
      : null;

  return (
    <div className="page reports" data-testid="report-page" data-figure={figure}>
      <header className="page-header">
        <Link to={paths.reports(search)} className="report-back">
          ← Reports
        </Link>
        <h1>{text.title}</h1>
        <p className="page-subtitle">{text.question}</p>
      </header>
      <RangeBar view={view} tz={tz} onChange={setView} grouping={!matrix} comparing={!matrix}>
        <a className="btn btn-small report-csv" href={reportsApi.csvUrl(figure, view, tz)} download data-testid="report-csv">
          Download CSV
        </a>
      </RangeBar>

      {forbidden ? <p className="hint">Reports are for supervisors and admins.</p> : null}
      {query.isError && !forbidden ? (
        <p className="form-error" role="alert">
          This report could not be read.{' '}
          <button type="button" className="link-button" onClick={() => query.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
      {!report && query.isPending ? <p className="hint">Reading the figures…</p> : null}

      {report && empty ? (
        <section className="card" data-testid="report-empty">
          <EmptyState title="No conversations in this period" icon="inbox">
            {rangeText(view.from, view.to)} has nothing to count yet. Try a longer range.
          </EmptyState>
        </section>
      ) : null}

      {report && !empty ? (
        <>
          {!matrix ? (
            <p className="report-summary" data-testid="report-summary">
              <strong>{formatMeasure(headline, report.total.values[headline])}</strong>{' '}
              <span>{figureCaption(figure, report.total.values)}</span>
              {change ? (
                <span className={`change change-${change.tone}`}>
                  {change.tone === 'same' ? 'same as the period before' : `${change.text} than the period before`}
                </span>
              ) : null}
            </p>
          ) : null}
          {matrix ? (
            <section className="card heat-card" aria-label="Channel matrix">
              <ChannelHeatMap report={report} drillPath={drillPath} />
            </section>
          ) : (
            <>
              <section className="card report-chart-card" aria-label="Chart">
                <FilterChips
                  label="Chart"
                  testId="report-chart-by"
                  value={chartBy}
                  options={[
                    { value: 'group', label: BY_GROUP[view.groupBy] },
                    { value: 'day', label: 'By day' },
                  ]}
                  onChange={setChartBy}
                />
                {bars ? (
                  <ReportChart
                    figure={figure}
                    bars={bars}
                    description={`${text.title} ${chartBy === 'day' ? 'day by day' : BY_GROUP[view.groupBy].toLowerCase()}; the table below lists every value.`}
                    onPick={onPick}
                  />
                ) : null}
              </section>
              <section className="card card-flush" aria-label="Table">
                <ReportTable figure={figure} report={report} groupLabel={GROUP_LABEL[view.groupBy]} drillPath={drillPath} />
              </section>
            </>
          )}
          <p className="hint report-foot">
            {rangeText(report.period.from, report.period.to)} in {report.period.tz}
            {report.previousPeriod
              ? hasPrevious(report)
                ? `, beside ${rangeText(report.previousPeriod.from, report.previousPeriod.to)}`
                : `; nothing counted in ${rangeText(report.previousPeriod.from, report.previousPeriod.to)} to compare with`
              : ''}
            . Any value opens the conversations behind it.
          </p>
        </>
      ) : null}
    </div>
  );
}
