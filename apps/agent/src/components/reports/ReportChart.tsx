import { measureUnit, type ReportFigure } from '@warmline/shared';
import { useEffect, useRef, useState } from 'react';
import type { BarSet, Bars } from '../../state/reportChartData.ts';
import { axisValue, formatMeasure } from '../../state/reportFormat.ts';

/** Warm, calm and told apart without colour alone: the period before is the same hue, paler. */
const COLOURS = ['#c2410c', '#0f766e', '#a16207'];
const PALE = ['rgba(194, 65, 12, 0.28)', 'rgba(15, 118, 110, 0.28)', 'rgba(161, 98, 7, 0.28)'];

type ChartModule = typeof import('./chartKit.ts');
type ChartInstance = InstanceType<ChartModule['Chart']>;

interface ReportChartProps {
  figure: ReportFigure;
  bars: Bars;
  /** What the canvas shows, for a screen reader (the table beside it holds every value). */
  description: string;
  onPick: (key: string, set: BarSet) => void;
}

/** Bars drawn by Chart.js (fetched on first use); a bar opens what it stands for. */
export function ReportChart({ figure, bars, description, onPick }: ReportChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [failed, setFailed] = useState(false);
  // Which bars are on the canvas now: they answer clicks only once drawn.
  const [drawn, setDrawn] = useState<Bars | null>(null);

  useEffect(() => {
    let cancelled = false;
    import('./chartKit.ts')
      .then(({ Chart }) => {
        if (cancelled || !canvas.current) return;
        const unit = measureUnit(bars.sets[0]?.measure ?? 'count');
        chart.current?.destroy();
        chart.current = new Chart(canvas.current, {
          type: 'bar',
          data: {
            labels: bars.labels,
            datasets: bars.sets.map((set) => ({
              label: set.label,
              data: set.data,
              backgroundColor: (set.period === 'previous' ? PALE : COLOURS)[set.index % COLOURS.length],
              borderRadius: 6,
              maxBarThickness: 40,
            })),
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            // A whole group's column answers the pointer (one tooltip with all its bars; an easy target to click).
            interaction: { mode: 'index', intersect: false },
            scales: {
              x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
              y: {
                beginAtZero: true,
                grace: '8%',
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
                    const measure = bars.sets[item.datasetIndex]?.measure ?? 'count';
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
              const key = hit ? bars.keys[hit.index] : undefined;
              const set = hit ? bars.sets[hit.datasetIndex] : undefined;
              if (key !== undefined && set) pick.current(key, set);
            },
          },
        });
        setDrawn(bars);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [figure, bars]);

  useEffect(() => () => chart.current?.destroy(), []);

  if (failed) return <p className="hint">The chart could not be drawn; the table below holds every figure.</p>;
  return (
    <div className="report-chart" data-testid="report-chart" data-drawn={drawn === bars}>
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
