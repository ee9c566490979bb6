import type { ReportFigure, ReportResponse, ReportValues } from '@warmline/shared';
import { channelLabels } from './channels.ts';
import { formatCount, formatMeasure, formatRatio } from './reportFormat.ts';

interface FigureText {
  title: string;
  /** What the figure answers, in one line under its title. */
  question: string;
  /** The measure a card shows big. */
  headline: string;
  /** The measures drawn on the chart (one scale each figure). */
  chart: readonly string[];
  /** What the ratio measure means for this figure. */
  ratioLabel?: string;
}

/** Every figure in the order the overview lists them, time to human first. */
export const FIGURES: Record<ReportFigure, FigureText> = {
  'time-to-human': {
    title: 'Time to a person',
    question: 'From first contact until a named person is with the customer.',
    headline: 'p50',
    chart: ['p50', 'p90'],
  },
  'first-response': {
    title: 'First response',
    question: 'Until the first reply a person wrote or said.',
    headline: 'p50',
    chart: ['p50', 'p90'],
  },
  resolution: {
    title: 'Resolution time',
    question: 'From first contact until the need was resolved.',
    headline: 'p50',
    chart: ['p50', 'p90'],
  },
  csat: {
    title: 'Satisfaction (CSAT)',
    question: 'How satisfied customers said they were, 1 to 5.',
    headline: 'average',
    chart: ['average'],
  },
  ces: { title: 'Ease (CES)', question: 'How easy customers said we made it, 1 to 7.', headline: 'average', chart: ['average'] },
  'mood-turnaround': {
    title: 'Mood turnaround',
    question: 'Of the customers who arrived upset, how many left calmer.',
    headline: 'ratio',
    chart: ['ratio'],
    ratioLabel: 'Turned around',
  },
  effort: {
    title: 'The effort we cause',
    question: 'Transfers, repeats and channel switches we put customers through, per conversation.',
    headline: 'transfersPerConversation',
    chart: ['transfersPerConversation', 'repeatsPerConversation', 'channelSwitchesPerConversation'],
  },
  abandonment: {
    title: 'Abandonment',
    question: 'Customers who gave up waiting before a person reached them.',
    headline: 'ratio',
    chart: ['ratio'],
    ratioLabel: 'Gave up',
  },
  'callbacks-kept': {
    title: 'Callbacks kept',
    question: 'Callbacks we promised, and how many we kept in their window.',
    headline: 'ratio',
    chart: ['ratio'],
    ratioLabel: 'Kept',
  },
  recoveries: {
    title: 'Service failures recovered',
    question: 'Failures flagged, and how many were put right and followed up.',
    headline: 'ratio',
    chart: ['ratio'],
    ratioLabel: 'Recovered',
  },
  'channel-matrix': {
    title: 'Where customers seek help',
    question: 'For each way customers buy, the channels they then come to us on.',
    headline: 'chat',
    chart: [],
  },
};

export const FIGURE_ORDER = Object.keys(FIGURES) as ReportFigure[];

const MEASURE_LABELS: Record<string, string> = {
  p50: 'Median',
  p90: '90th percentile',
  count: 'Conversations',
  average: 'Average',
  satisfied: 'Satisfied (4–5)',
  easy: 'Easy (5–7)',
  arrivedUpset: 'Arrived upset',
  leftNotUpset: 'Left calmer',
  transfersPerConversation: 'Transfers',
  repeatsPerConversation: 'Repeats',
  channelSwitchesPerConversation: 'Channel switches',
  waitP50: 'Median wait',
  conversations: 'Conversations',
  waited: 'Waited',
  abandoned: 'Gave up',
  promised: 'Promised',
  kept: 'Kept',
  failures: 'Failures',
  recovered: 'Recovered',
};

const SHORT_LABELS: Record<string, string> = { p90: '90th', count: 'Count', conversations: 'Count', waitP50: 'Wait' };

/** A heading narrow enough for a phone's table: "90th", "Count"; the usual one where that is short already. */
export function shortMeasureLabel(figure: ReportFigure, measure: string): string {
  return SHORT_LABELS[measure] ?? measureLabel(figure, measure);
}

/** A measure's column heading: "Median", "Left calmer", "In store". */
export function measureLabel(figure: ReportFigure, measure: string): string {
  if (measure === 'ratio') return FIGURES[figure].ratioLabel ?? 'Share';
  if (measure === 'count' && (figure === 'csat' || figure === 'ces')) return 'Answers';
  return MEASURE_LABELS[measure] ?? channelLabels[measure as keyof typeof channelLabels] ?? measure;
}

/** True when the period counted nothing at all: the page then says so instead of drawing empty charts. */
export function isEmptyReport(report: ReportResponse): boolean {
  if (report.rows.length === 0) return true;
  return Object.values(report.total.values).every((v) => v === null || v === 0);
}

const n = (values: ReportValues, key: string) => values[key] ?? null;
const count = (values: ReportValues, key: string) => formatCount(n(values, key) ?? 0);

/** The line under a card's big number: what stands behind it. */
export function figureCaption(figure: ReportFigure, values: ReportValues): string {
  switch (figure) {
    case 'time-to-human':
    case 'first-response':
    case 'resolution':
      return `9 in 10 within ${formatMeasure('p90', n(values, 'p90'))} · ${count(values, 'count')} conversations`;
    case 'csat':
      return `${formatMeasure('satisfied', n(values, 'satisfied'))} satisfied · ${count(values, 'count')} answers`;
    case 'ces':
      return `${formatMeasure('easy', n(values, 'easy'))} found it easy · ${count(values, 'count')} answers`;
    case 'mood-turnaround':
      return `${count(values, 'leftNotUpset')} of ${count(values, 'arrivedUpset')} upset customers left calmer`;
    case 'effort':
      return `transfers per conversation · ${formatMeasure('repeatsPerConversation', n(values, 'repeatsPerConversation'))} repeats, ${formatMeasure('channelSwitchesPerConversation', n(values, 'channelSwitchesPerConversation'))} channel switches`;
    case 'abandonment':
      return `${count(values, 'abandoned')} of ${count(values, 'waited')} who waited gave up`;
    case 'callbacks-kept':
      return `${count(values, 'kept')} of ${count(values, 'promised')} promised callbacks kept`;
    case 'recoveries':
      return `${count(values, 'recovered')} of ${count(values, 'failures')} service failures recovered`;
    case 'channel-matrix':
      return 'how customers bought, against where they came to us';
  }
}

/** The matrix's busiest cell, as a sentence: "Most web buyers came by chat (62%)". */
export function busiestRoute(report: ReportResponse): string | null {
  let best: { row: string; measure: string; share: number; count: number } | null = null;
  for (const row of report.rows) {
    const sum = report.measures.reduce((s, m) => s + (row.values[m] ?? 0), 0);
    for (const m of report.measures) {
      const c = row.values[m] ?? 0;
      if (c > 0 && (!best || c > best.count)) best = { row: row.label, measure: m, share: c / sum, count: c };
    }
  }
  if (!best) return null;
  return `${best.row}: ${formatRatio(best.share)} came by ${measureLabel('channel-matrix', best.measure).toLowerCase()}`;
}

const YES_NO: Partial<Record<ReportFigure, string>> = {
  'mood-turnaround': 'Left calmer',
  abandonment: 'Gave up',
  'callbacks-kept': 'Kept',
  recoveries: 'Recovered',
};

/**
 * What one conversation of a drill-down contributed to its cell, with the column's heading; null when the cell only
 * counts (the channel matrix, a count of conversations).
 */
export function drillValue(
  figure: ReportFigure,
  measure: string,
): { heading: string; text: (v: number | null) => string } | null {
  const yesNo = YES_NO[figure];
  if (yesNo) return { heading: yesNo, text: (v) => (v === null ? '–' : v === 1 ? 'Yes' : 'No') };
  if (figure === 'csat' || figure === 'ces') return { heading: 'Answer', text: (v) => (v === null ? '–' : String(v)) };
  if (figure === 'effort') {
    if (measure === 'conversations') return null;
    return { heading: measureLabel(figure, measure), text: (v) => formatMeasure(measure === 'waitP50' ? 'waitP50' : 'count', v) };
  }
  if (figure === 'channel-matrix') return null;
  return { heading: 'Took', text: (v) => formatMeasure('p50', v) };
}

/** True when the period before counted something, so a comparison has something to say. */
export function hasPrevious(report: ReportResponse): boolean {
  return Object.values(report.total.previous ?? {}).some((v) => v !== null && v !== 0);
}
