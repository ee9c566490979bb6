import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { ReportFigure } from '@warmline/shared';
import { useCallback, useMemo, useState } from 'react';
import { browserTimeZone, reportsApi } from '../api/reports.ts';
import { navigate, useSearch } from '../router.tsx';
import { type ReportView, readReportView, reportViewSearch } from './reportRange.ts';

/**
 * The view the address bar holds (range, grouping, comparison) and a way to change it; the dates of a preset are
 * read on the clock when the page opened.
 */
export function useReportView() {
  const search = useSearch();
  const [openedAt] = useState(() => Date.now());
  const tz = useMemo(browserTimeZone, []);
  const view = useMemo(() => readReportView(search, openedAt, tz), [search, openedAt, tz]);
  const setView = useCallback((next: ReportView) => {
    navigate(`${location.pathname}${reportViewSearch(next)}`, { replace: true });
  }, []);
  return { view, setView, tz, search: reportViewSearch(view) };
}

const reportKey = (figure: ReportFigure, view: ReportView, tz: string) =>
  ['reports', figure, view.from, view.to, tz, view.groupBy, view.compare] as const;

/** One figure's report, the previous view's answer kept on screen while a new range is read. */
export function useReport(figure: ReportFigure, view: ReportView, tz: string) {
  return useQuery({
    queryKey: reportKey(figure, view, tz),
    queryFn: () => reportsApi.get(figure, view, tz),
    placeholderData: keepPreviousData,
  });
}

/** Every figure of the overview, read side by side. */
export function useReports(figures: readonly ReportFigure[], view: ReportView, tz: string) {
  return useQueries({
    queries: figures.map((figure) => ({
      queryKey: reportKey(figure, view, tz),
      queryFn: () => reportsApi.get(figure, view, tz),
      placeholderData: keepPreviousData,
    })),
  });
}
