import { measureUnit, type ReportConversation, type ReportFigure } from '@warmline/shared';
import { useCallback, useMemo } from 'react';
import { type DrillCell, reportsApi } from '../api/reports.ts';
import { ListCard } from '../components/ListCard.tsx';
import { usePagedList } from '../hooks/usePagedList.ts';
import { Link, paths, useSearch } from '../router.tsx';
import { channelLabels } from '../state/channels.ts';
import { drillValue, FIGURES, measureLabel } from '../state/reportFigures.ts';
import { formatMeasure } from '../state/reportFormat.ts';
import { useReport, useReportView } from '../state/reportQueries.ts';
import { rangeText } from '../state/reportRange.ts';
import '../styles/reports.css';

const byId = (c: ReportConversation) => c.id;

function readCell(search: string, figure: ReportFigure): DrillCell {
  const q = new URLSearchParams(search);
  return {
    row: q.get('row'),
    measure: q.get('measure') ?? FIGURES[figure].headline,
    period: q.get('period') === 'previous' ? 'previous' : 'current',
  };
}

function startedText(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The conversations behind one figure, each opening the conversation itself. */
export function ReportConversationsPage({ figure }: { figure: ReportFigure }) {
  const { view, tz, search } = useReportView();
  const rawSearch = useSearch();
  const cell = useMemo(() => readCell(rawSearch, figure), [rawSearch, figure]);
  const report = useReport(figure, view, tz).data;
  const row = cell.row ? report?.rows.find((r) => r.key === cell.row) : report?.total;
  const rowLabel = cell.row ? (report?.rows.find((r) => r.key === cell.row)?.label ?? '') : 'All';
  const values = cell.period === 'previous' ? row?.previous : row?.values;
  const cellValue = values?.[cell.measure];
  const period = cell.period === 'previous' ? report?.previousPeriod : report?.period;
  const shown = drillValue(figure, cell.measure);

  const key = `${figure}|${view.from}|${view.to}|${tz}|${view.groupBy}|${cell.row}|${cell.measure}|${cell.period}`;
  const read = useCallback(
    (cursor: string | null) =>
      reportsApi
        .conversations(figure, view, tz, cell, cursor)
        .then((page) => ({ items: page.conversations, nextCursor: page.nextCursor })),
    [figure, view, tz, cell],
  );
  const list = usePagedList({ scope: 'report-conversations', read, keyOf: byId, key });
  const heading = useMemo(() => `${FIGURES[figure].title}${rowLabel ? ` · ${rowLabel}` : ''}`, [figure, rowLabel]);

  return (
    <div className="page reports" data-testid="report-conversations-page">
      <header className="page-header">
        <Link to={paths.report(figure, search)} className="report-back">
          ← {FIGURES[figure].title}
        </Link>
        <h1>{heading}</h1>
        <p className="page-subtitle">
          {measureLabel(figure, cell.measure)}
          {cellValue !== undefined && measureUnit(cell.measure) !== 'count' ? (
            <>
              {' '}
              <strong data-testid="drill-figure" data-value={cellValue ?? ''}>
                {formatMeasure(cell.measure, cellValue)}
              </strong>
            </>
          ) : null}
          {period ? ` · ${rangeText(period.from, period.to)}` : ''}
        </p>
      </header>
      <p className="report-summary" data-testid="drill-count" data-count={list.state === 'ready' ? list.items.length : ''}>
        {list.state === 'loading'
          ? 'Reading the conversations…'
          : `${list.items.length}${list.nextCursor ? '+' : ''} ${list.items.length === 1 ? 'conversation' : 'conversations'}`}
      </p>
      <ListCard
        label="Conversations"
        state={list.state}
        count={list.items.length}
        hasMore={Boolean(list.nextCursor)}
        onMore={list.more}
        empty={{ title: 'No conversations in this period', body: 'Nothing is counted in this cell.' }}
      >
        <table className="grid-table drill-table" data-testid="drill-table">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col" className="drill-channel">
                Channel
              </th>
              <th scope="col" className="drill-team">
                Team
              </th>
              <th scope="col">Person</th>
              <th scope="col" className="drill-started">
                Started
              </th>
              {shown ? (
                <th scope="col" className="num">
                  {shown.heading}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id} data-testid="drill-row" data-conversation-id={c.id}>
                <td>
                  <Link to={paths.conversation(c.id)} className="drill-customer">
                    {c.customerName ?? 'A visitor'}
                  </Link>
                </td>
                <td className="drill-channel">{channelLabels[c.channel as keyof typeof channelLabels] ?? c.channel}</td>
                <td className="drill-team">{c.teamName ?? <span className="hint">No team</span>}</td>
                <td>{c.agentName ?? <span className="hint">Nobody</span>}</td>
                <td className="drill-started">{startedText(c.startedAt)}</td>
                {shown ? <td className="num">{shown.text(c.value)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ListCard>
    </div>
  );
}
