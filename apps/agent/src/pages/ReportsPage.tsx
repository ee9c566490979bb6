import type { ReportFigure, ReportResponse } from '@warmline/shared';
import { ApiError } from '../api/http.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { RangeBar } from '../components/reports/RangeBar.tsx';
import { Link, paths } from '../router.tsx';
import { busiestRoute, FIGURE_ORDER, FIGURES, figureCaption, isEmptyReport } from '../state/reportFigures.ts';
import { describeChange, formatMeasure } from '../state/reportFormat.ts';
import { useReports, useReportView } from '../state/reportQueries.ts';
import { rangeText } from '../state/reportRange.ts';
import { useStore } from '../state/store.ts';
import '../styles/reports.css';

/** How the figure moved against the period before; the headline also says when there is nothing to compare with. */
function ChangeNote({
  figure,
  measure,
  report,
  quietWhenNone = true,
}: {
  figure: ReportFigure;
  measure: string;
  report: ReportResponse;
  quietWhenNone?: boolean;
}) {
  if (!report.total.previous) return null;
  const change = describeChange(figure, measure, report.total.values[measure], report.total.previous[measure]);
  if (!change) {
    if (quietWhenNone) return null;
    return <span className="report-headline-caption">Nothing in the period before to compare with.</span>;
  }
  return (
    <span className={`change change-${change.tone}`} data-testid="figure-change">
      {change.tone === 'same' ? 'Same as the period before' : `${change.text} than the period before`}
    </span>
  );
}

/** Time to a person, big: Warmline's headline figure, with how it moved. */
function Headline({ report, search }: { report: ReportResponse | undefined; search: string }) {
  const figure = 'time-to-human';
  if (report && isEmptyReport(report)) {
    return (
      <section className="card report-headline" data-testid="headline-tth" data-empty="true">
        <EmptyState title="No conversations in this period" icon="inbox">
          Try a longer range: time to a person shows once customers have reached someone.
        </EmptyState>
      </section>
    );
  }
  const values = report?.total.values;
  return (
    <Link to={paths.report(figure, search)} className="card report-headline" data-testid="headline-tth">
      <span className="stat-label">Time to a person · median</span>
      <span className="report-headline-value" data-testid="headline-tth-value">
        {values ? formatMeasure('p50', values.p50) : '…'}
      </span>
      <span className="report-headline-caption">{values ? figureCaption(figure, values) : ' '}</span>
      {report ? <ChangeNote figure={figure} measure="p50" report={report} quietWhenNone={false} /> : null}
    </Link>
  );
}

function FigureCard({ figure, report, search }: { figure: ReportFigure; report: ReportResponse | undefined; search: string }) {
  const { title, headline } = FIGURES[figure];
  const empty = report ? isEmptyReport(report) : false;
  const big =
    figure === 'channel-matrix'
      ? report && !empty
        ? (busiestRoute(report) ?? '–')
        : '–'
      : report
        ? formatMeasure(headline, report.total.values[headline])
        : '…';
  return (
    <Link to={paths.report(figure, search)} className="card report-card" data-testid="figure-card" data-figure={figure}>
      <span className="report-card-title">{title}</span>
      <span className={figure === 'channel-matrix' ? 'report-card-route' : 'report-card-value'}>{big}</span>
      <span className="report-card-caption">
        {!report ? ' ' : empty ? 'Nothing in this period' : figureCaption(figure, report.total.values)}
      </span>
      {report && !empty && figure !== 'channel-matrix' ? <ChangeNote figure={figure} measure={headline} report={report} /> : null}
    </Link>
  );
}

/** Reports: time to a person first, then one card per figure, each opening its page. */
export function ReportsPage() {
  const isAgent = useStore((s) => s.session?.agent.role === 'agent');
  const { view, setView, tz, search } = useReportView();
  const results = useReports(FIGURE_ORDER, view, tz);
  const byFigure = new Map(FIGURE_ORDER.map((f, i) => [f, results[i]?.data]));
  const failed = results.find((r) => r.isError)?.error;
  const forbidden = failed instanceof ApiError && (failed.status === 403 || failed.status === 404);

  return (
    <div className="page reports" data-testid="reports-page">
      <header className="page-header">
        <h1>Reports</h1>
        <p className="page-subtitle">
          {isAgent ? 'For the teams you are in. ' : ''}
          {rangeText(view.from, view.to)}
          {view.compare ? ', beside the period before' : ''}
        </p>
      </header>
      <RangeBar view={view} tz={tz} onChange={setView} />
      {forbidden ? (
        <p className="hint" data-testid="reports-forbidden">
          Reports are for supervisors and admins.
        </p>
      ) : (
        <>
          {failed ? (
            <p className="form-error" role="alert">
              Some figures could not be read. Check your connection and try again in a moment.
            </p>
          ) : null}
          <Headline report={byFigure.get('time-to-human')} search={search} />
          <div className="report-cards">
            {FIGURE_ORDER.filter((f) => f !== 'time-to-human').map((figure) => (
              <FigureCard key={figure} figure={figure} report={byFigure.get(figure)} search={search} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
