import { z } from 'zod';
import { Timezone } from './branding.ts';
import { Channel } from './domain.ts';

/**
 * Reports: Warmline's figures over a range of calendar dates (read in a time zone), grouped by channel, team or
 * agent, with the same-length period before for comparison, a drill-down to the conversations behind any figure
 * and a CSV of every table. Every figure's definition is in docs/reports.md.
 */
export const ReportFigure = z.enum([
  'time-to-human',
  'first-response',
  'resolution',
  'csat',
  'ces',
  'mood-turnaround',
  'effort',
  'abandonment',
  'callbacks-kept',
  'recoveries',
  'channel-matrix',
]);
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportGroupBy = z.enum(['channel', 'team', 'agent']);
export type ReportGroupBy = z.infer<typeof ReportGroupBy>;

export const ReportUnit = z.enum(['ms', 'score', 'ratio', 'count']);
export type ReportUnit = z.infer<typeof ReportUnit>;

/** The purchase channels the channel matrix's rows are (a customer's `purchase_channel` attribute, else unknown). */
export const PurchaseChannel = z.enum(['store', 'web', 'phone', 'unknown']);
export type PurchaseChannel = z.infer<typeof PurchaseChannel>;

/** The service channels the channel matrix's columns are. */
export const MATRIX_SERVICE_CHANNELS = ['chat', 'email', 'phone', 'sms', 'in_person'] as const;

/** Each figure's measures: the keys of a row's `values`, in display order. */
export const REPORT_MEASURES: Readonly<Record<ReportFigure, readonly string[]>> = {
  'time-to-human': ['p50', 'p90', 'count'],
  'first-response': ['p50', 'p90', 'count'],
  resolution: ['p50', 'p90', 'count'],
  csat: ['average', 'satisfied', 'count'],
  ces: ['average', 'easy', 'count'],
  'mood-turnaround': ['arrivedUpset', 'leftNotUpset', 'ratio'],
  effort: ['transfersPerConversation', 'repeatsPerConversation', 'channelSwitchesPerConversation', 'waitP50', 'conversations'],
  abandonment: ['waited', 'abandoned', 'ratio'],
  'callbacks-kept': ['promised', 'kept', 'ratio'],
  recoveries: ['failures', 'recovered', 'ratio'],
  'channel-matrix': [...MATRIX_SERVICE_CHANNELS],
};

/** Each figure's unit (the unit of its headline measure; counts are counts). */
export const REPORT_UNITS: Readonly<Record<ReportFigure, ReportUnit>> = {
  'time-to-human': 'ms',
  'first-response': 'ms',
  resolution: 'ms',
  csat: 'score',
  ces: 'score',
  'mood-turnaround': 'ratio',
  effort: 'count',
  abandonment: 'ratio',
  'callbacks-kept': 'ratio',
  recoveries: 'ratio',
  'channel-matrix': 'count',
};

/** The unit of one measure, for formatting a cell. */
export function measureUnit(measure: string): ReportUnit {
  if (measure === 'ratio' || measure === 'satisfied' || measure === 'easy') return 'ratio';
  if (measure === 'average') return 'score';
  if (measure === 'p50' || measure === 'p90' || measure === 'waitP50') return 'ms';
  return 'count';
}

/** The longest range a report covers, in days. */
export const MAX_REPORT_DAYS = 400;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date, YYYY-MM-DD, that exists. */
export const ReportDate = z.string().refine(
  (s) => {
    if (!DATE_RE.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { message: 'dates are calendar dates such as 2026-11-01' },
);

/** Days from `from` to `to`, both included. */
export function reportDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const reportQueryShape = {
  from: ReportDate,
  to: ReportDate,
  /** IANA time zone the dates are read in; default the workspace's, else UTC. */
  tz: Timezone.optional(),
  groupBy: ReportGroupBy.default('channel'),
  teamId: z.string().min(1).max(64).optional(),
  channel: Channel.optional(),
  compare: z.enum(['previous']).optional(),
};

function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!DATE_RE.test(q.from) || !DATE_RE.test(q.to)) return;
  const days = reportDays(q.from, q.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
  else if (days > MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `a report covers at most ${MAX_REPORT_DAYS} days` });
  }
}

export const ReportQuery = z.object(reportQueryShape).superRefine(checkRange);
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportParams = z.object({ figure: ReportFigure });

/**
 * The conversations behind one cell: `row` is a row's key (left out: the total), `measure` one of the figure's
 * measures; `period=previous` lists the comparison period's.
 */
export const ReportDrillQuery = z
  .object({
    ...reportQueryShape,
    row: z.string().min(1).max(200).optional(),
    measure: z.string().min(1).max(64),
    period: z.enum(['current', 'previous']).default('current'),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .superRefine(checkRange);
export type ReportDrillQuery = z.infer<typeof ReportDrillQuery>;

const Values = z.record(z.string(), z.number().nullable());
export type ReportValues = z.infer<typeof Values>;

export const ReportRow = z.object({
  key: z.string(),
  label: z.string(),
  values: Values,
  previous: Values.optional(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportResponse = z.object({
  figure: ReportFigure,
  period: z.object({ from: z.string(), to: z.string(), tz: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }).optional(),
  unit: ReportUnit,
  measures: z.array(z.string()),
  total: z.object({ values: Values, previous: Values.optional() }),
  rows: z.array(ReportRow),
  series: z.array(z.object({ date: z.string(), values: Values })),
});
export type ReportResponse = z.infer<typeof ReportResponse>;

export const ReportConversation = z.object({
  id: z.string(),
  customerName: z.string().nullable(),
  channel: z.string(),
  teamName: z.string().nullable(),
  agentName: z.string().nullable(),
  startedAt: z.string(),
  value: z.number().nullable(),
});
export type ReportConversation = z.infer<typeof ReportConversation>;

export const ReportDrillResponse = z.object({
  conversations: z.array(ReportConversation),
  nextCursor: z.string().nullable(),
});
export type ReportDrillResponse = z.infer<typeof ReportDrillResponse>;
