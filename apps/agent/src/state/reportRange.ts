import { MAX_REPORT_DAYS, type ReportGroupBy, reportDays } from '@warmline/shared';

/** The ranges a person picks from; `custom` keeps the dates they typed. */
export const RANGE_PRESETS = ['last7', 'last30', 'thisMonth', 'lastMonth', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Record<RangePreset, string> = {
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  custom: 'Custom',
};

/** What a report page shows: a range of calendar dates, a grouping and whether the period before is beside it. */
export interface ReportView {
  preset: RangePreset;
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  compare: boolean;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const GROUPS: readonly ReportGroupBy[] = ['channel', 'team', 'agent'];

/** The calendar date (YYYY-MM-DD) it is at `now` in time zone `tz`. */
export function todayIn(now: number, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The dates a preset covers at `now`, both included, read in `tz`: "last 7 days" ends today. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number, tz: string): { from: string; to: string } {
  const today = todayIn(now, tz);
  const monthStart = `${today.slice(0, 7)}-01`;
  if (preset === 'last7') return { from: addDays(today, -6), to: today };
  if (preset === 'last30') return { from: addDays(today, -29), to: today };
  if (preset === 'thisMonth') return { from: monthStart, to: today };
  const lastMonthEnd = addDays(monthStart, -1);
  return { from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd };
}

/** True for dates a report can cover: real calendar dates, in order, within the longest range. */
export function isValidRange(from: string, to: string): boolean {
  if (!isDate(from) || !isDate(to)) return false;
  const days = reportDays(from, to);
  return days >= 1 && days <= MAX_REPORT_DAYS;
}

function isDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * The view a query string asks for. A preset alone is read again at `now` (a saved "last 7 days" moves on with the
 * calendar); dates given with it are kept (a drill-down lists what the figure it came from counted, even past
 * midnight); custom dates are kept when they make a range; anything unreadable falls back to the last 30 days.
 */
export function readReportView(search: string, now: number, tz: string): ReportView {
  const q = new URLSearchParams(search);
  const groupBy = GROUPS.find((g) => g === q.get('groupBy')) ?? 'channel';
  const compare = q.get('compare') !== '0';
  const preset = RANGE_PRESETS.find((p) => p === q.get('range')) ?? 'last30';
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  if (isValidRange(from, to)) return { preset, from, to, groupBy, compare };
  const fixed = preset === 'custom' ? 'last30' : preset;
  return { preset: fixed, ...presetRange(fixed, now, tz), groupBy, compare };
}

/**
 * The query string that reads back as `view`: dates only for a custom range, unless `pinned` (a link to what was
 * counted on these very dates).
 */
export function reportViewSearch(
  view: ReportView,
  extra: Record<string, string | null | undefined> = {},
  pinned = false,
): string {
  const q = new URLSearchParams({ range: view.preset });
  if (view.preset === 'custom' || pinned) {
    q.set('from', view.from);
    q.set('to', view.to);
  }
  if (view.groupBy !== 'channel') q.set('groupBy', view.groupBy);
  if (!view.compare) q.set('compare', '0');
  for (const [key, value] of Object.entries(extra)) if (value) q.set(key, value);
  return `?${q.toString()}`;
}

/** "1 – 30 Nov 2026", "28 Oct – 3 Nov 2026": a range as a person says it. */
export function rangeText(from: string, to: string): string {
  const day = (s: string, withMonth: boolean, withYear: boolean) =>
    new Date(`${s}T12:00:00Z`).toLocaleDateString('en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      ...(withMonth ? { month: 'short' } : {}),
      ...(withYear ? { year: 'numeric' } : {}),
    });
  if (from === to) return day(from, true, true);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const sameMonth = sameYear && from.slice(0, 7) === to.slice(0, 7);
  return `${day(from, !sameMonth, !sameYear)} – ${day(to, true, true)}`;
}
