import { measureUnit, type ReportFigure, type ReportResponse } from '@warmline/shared';
import { useEffect, useRef, useState } from 'react';
import type { DrillCell } from '../../api/reports.ts';
import { FIGURES, measureLabel } from '../../state/reportFigures.ts';
import { axisValue, formatMeasure } from '../../state/reportFormat.ts';

/** Warm, calm and told apart without colour alone: the period before is the same hue, paler. */
const COLOURS = ['#c2410c', '#0f766e', '#a16207'];
const PALE = ['rgba(194, 65, 12, 0.28)', 'rgba(15, 118, 110, 0.28)', 'rgba(161, 98, 7, 0.28)'];

type ChartModule = typeof import('./chartKit.ts');
type ChartInstance = InstanceType<ChartModule['Chart']>;

interface ReportChartProps {
  figure: ReportFigure;
  report: ReportResponse;
  onPick: (cell: DrillCell) => void;
}

/** The figure per group as bars (the period before beside each, paler); a bar opens the conversations behind it. */
export function ReportChart({ figure, report, onPick }: ReportChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [failed, setFailed] = useState(false);
  const measures = FIGURES[figure].chart;

  useEffect(() => {
    let cancelled = false;
    import('./chartKit.ts')
      .then(({ Chart }) => {
        if (cancelled || !canvas.current) return;
        const picks: Array<Omit<DrillCell, 'row'>> = [];
        const datasets = measures.flatMap((measure, i) => {
          const current = {
            label: measureLabel(figure, measure),
            data: report.rows.map((r) => r.values[measure] ?? null),
            backgroundColor: COLOURS[i % COLOURS.length],
            borderRadius: 6,
            maxBarThickness: 40,
          };
          picks.push({ measure, period: 'current' });
          if (!report.previousPeriod) return [current];
          picks.push({ measure, period: 'previous' });
          return [
            current,
            {
              ...current,
              label: `${current.label}, period before`,
              data: report.rows.map((r) => r.previous?.[measure] ?? null),
              backgroundColor: PALE[i % PALE.length],
            },
          ];
        });
        const unit = measureUnit(measures[0] ?? 'count');
        chart.current?.destroy();
        chart.current = new Chart(canvas.current, {
          type: 'bar',
          data: { labels: report.rows.map((r) => r.label), datasets },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: { duration: 250 },
            scales: {
              x: { grid: { display: false } },
              y: {
                beginAtZero: true,
                ...(unit === 'ratio' ? { max: 1 } : {}),
                ...(figure === 'csat' ? { max: 5 } : figure === 'ces' ? { max: 7 } : {}),
                ticks: { maxTicksLimit: 5, callback: (v) => axisValue(unit, Number(v)) },
              },
            },
            plugins: {
              legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, useBorderRadius: true, borderRadius: 3 } },
              tooltip: {
                callbacks: {
                  label: (item) => {
                    const measure = picks[item.datasetIndex]?.measure ?? 'count';
                    return `${item.dataset.label}: ${formatMeasure(measure, item.raw as number | null)}`;
                  },
                },
              },
            },
            onHover: (event, elements) => {
              const target = event.native?.target;
              if (target instanceof HTMLElement) target.style.cursor = elements.length ? 'pointer' : 'default';
            },
            onClick: (_event, elements) => {
              const hit = elements[0];
              const row = hit ? report.rows[hit.index] : undefined;
              const what = hit ? picks[hit.datasetIndex] : undefined;
              if (row && what) pick.current({ row: row.key, ...what });
            },
          },
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [figure, report, measures]);

  useEffect(() => () => chart.current?.destroy(), []);

  if (failed) return <p className="hint">The chart could not be drawn; the table below holds every figure.</p>;
  return (
    <div className="report-chart" data-testid="report-chart">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${FIGURES[figure].title} by ${report.rows.length === 1 ? 'group' : 'groups'}: the table below lists every value`}
      />
    </div>
  );
}
