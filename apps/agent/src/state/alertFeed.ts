import type { Alert, AlertKind, SupervisorOverview } from '@warmline/shared';

/** A short name for what kind of attention is asked for, shown above the server's sentence. */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  mood_drop: 'Mood dropped',
  upset_streak: 'Still upset',
  upset_waiting: 'Upset and waiting',
  waited_too_long: 'Waiting too long',
  follow_up_due: 'Follow-up due',
  callback_due: 'Callback due',
  promise_missed: 'Promised reply missed',
  mailbox_failing: 'Mailbox not read',
};

/**
 * Alerts addressed to one person (a follow-up, a callback falling due, a promised reply, a customer waiting past the
 * target for them): theirs to act on, shown to them as notices.
 */
const PERSONAL_REMINDER_KINDS: ReadonlySet<AlertKind> = new Set([
  'follow_up_due',
  'callback_due',
  'promise_missed',
  'waited_too_long',
]);

export function isPersonalReminder(alert: Pick<Alert, 'kind'>): boolean {
  return PERSONAL_REMINDER_KINDS.has(alert.kind);
}

function newestFirst(a: Alert, b: Alert): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id);
}

/** The list with this alert in it once (a resend replaces the old copy), newest first. */
export function withAlert(list: readonly Alert[], alert: Alert): Alert[] {
  return [...list.filter((a) => a.id !== alert.id), alert].sort(newestFirst);
}

export function withoutAlert(list: readonly Alert[], id: string): Alert[] {
  return list.filter((a) => a.id !== id);
}

/**
 * The open alerts after a fresh read from the server. The read is the truth (someone else may have taken an
 * alert), except for what it could not know: alerts that arrived live after the read began (`arrivedSince`)
 * stay, and alerts taken here meanwhile (`taken`) stay gone.
 */
export function mergeAlerts(
  server: readonly Alert[],
  local: readonly Alert[],
  arrivedSince: (id: string) => boolean,
  taken: ReadonlySet<string>,
): Alert[] {
  let merged = server.filter((a) => !taken.has(a.id) && a.acknowledgedAt === null);
  for (const alert of local) if (arrivedSince(alert.id) && !taken.has(alert.id)) merged = withAlert(merged, alert);
  return merged.sort(newestFirst);
}

/** Which notices show: the newest `max` of the live ones still open, and how many more wait behind them. */
export function noticesToShow(
  alerts: readonly Alert[],
  noticeIds: readonly string[],
  max: number,
): { shown: Alert[]; more: number } {
  const ids = new Set(noticeIds);
  const live = alerts.filter((a) => ids.has(a.id));
  return { shown: live.slice(0, max), more: Math.max(0, live.length - max) };
}

/** "Service failures this week: 3 · recovered 1", with how many a rule caught, for the live queue. */
export function serviceRecoveryLine(counts: NonNullable<SupervisorOverview['serviceRecovery']>): string {
  const parts = [`Service failures this week: ${counts.flagged}`, `recovered ${counts.recovered}`];
  if (counts.byRule > 0) parts.push(`${counts.byRule} flagged automatically`);
  return parts.join(' · ');
}
